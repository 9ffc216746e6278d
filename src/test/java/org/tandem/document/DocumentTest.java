package org.tandem.document;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.tandem.support.Api.api;
import static org.tandem.support.Fixtures.LIANDU;
import static org.tandem.support.Fixtures.NANHU;
import static org.tandem.support.Fixtures.SUICHANG;
import static org.tandem.support.Fixtures.YIWU;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.tandem.assessment.AnnualAssessmentTest;
import org.tandem.support.Api;
import org.tandem.support.Fixtures;
import org.tandem.support.RowLocks;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Evidence documents over HTTP against the real database: upload, list, download byte for byte, ranges, the
 * Chinese file name, rights by county, types by content, limits, versions, soft deletion; the store checked after
 * every refusal.
 */
@QuarkusTest
class DocumentTest {

    private static final String CONTRACT_NAME = "合作协议（签约版）2024.pdf";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anUploadIsListedAndDownloadedByteForByteUnderItsChineseName() throws Exception {
        long pairing = Fixtures.yiwuLiandu();
        long project = project(pairing);
        byte[] pdf = pdf(600_000, 1);

        ExtractableResponse<Response> created = upload("project:" + project, CONTRACT_NAME, pdf).then()
                .statusCode(201).header("Location", containsString("/api/v1/documents/"))
                .body("subject", equalTo("project:" + project)).body("pairing", equalTo((int) pairing))
                .body("version", equalTo(1)).body("fileName", equalTo(CONTRACT_NAME))
                .body("mediaType", equalTo("application/pdf")).body("size", equalTo(pdf.length))
                .body("sha256", equalTo(sha256(pdf))).body("uploadedBy", equalTo("admin")).extract();
        long id = created.jsonPath().getLong("id");
        assertEquals(3, chunks(id), "600 000 bytes in chunks of 256 KiB");

        api().queryParam("subject", "project:" + project).get("/api/v1/documents").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo((int) id))
                .body("items[0].fileName", equalTo(CONTRACT_NAME));

        Response download = api().accept("*/*").get("/api/v1/documents/{id}/content", id);
        download.then().statusCode(200).contentType("application/pdf").header("ETag", "\"" + sha256(pdf) + "\"")
                .header("Accept-Ranges", "bytes").header("Content-Length", String.valueOf(pdf.length))
                .header("Content-Disposition", "attachment; filename=\"_________2024.pdf\"; filename*=UTF-8''"
                        + "%E5%90%88%E4%BD%9C%E5%8D%8F%E8%AE%AE%EF%BC%88%E7%AD%BE%E7%BA%A6%E7%89%88%EF%BC%892024.pdf");
        byte[] back = download.asByteArray();
        assertEquals(sha256(pdf), sha256(back));
        assertArrayEquals(pdf, back);

        api().accept("*/*").header("If-None-Match", "\"" + sha256(pdf) + "\"")
                .get("/api/v1/documents/{id}/content", id).then().statusCode(304);
        api().queryParam("entityType", "Document").queryParam("entityId", id).get("/api/v1/audit-events").then()
                .statusCode(200).body("items.action", equalTo(List.of("CREATE")));
        api().queryParam("entityType", "DocumentVersion").get("/api/v1/audit-events").then().statusCode(200)
                .body("items.findAll { it.after != null && it.after.sha256 == '" + sha256(pdf) + "' }", hasSize(1));
    }

    @Test
    void rangesAreServedAcrossChunks() throws Exception {
        long pairing = Fixtures.yiwuLiandu();
        byte[] pdf = pdf(700_000, 2);
        long id = upload("actuals:" + pairing + ":2024", "月报.pdf", pdf).then().statusCode(201).extract().jsonPath()
                .getLong("id");

        // Across the boundary of the first two chunks (262 144).
        Response part = api().accept("*/*").header("Range", "bytes=262000-263999")
                .get("/api/v1/documents/{id}/content", id);
        part.then().statusCode(206).header("Content-Range", "bytes 262000-263999/700000")
                .header("Content-Length", "2000");
        assertArrayEquals(Arrays.copyOfRange(pdf, 262_000, 264_000), part.asByteArray());

        Response tail = api().accept("*/*").header("Range", "bytes=-100").get("/api/v1/documents/{id}/content", id);
        tail.then().statusCode(206).header("Content-Range", "bytes 699900-699999/700000");
        assertArrayEquals(Arrays.copyOfRange(pdf, 699_900, 700_000), tail.asByteArray());

        Response open = api().accept("*/*").header("Range", "bytes=699990-").get("/api/v1/documents/{id}/content", id);
        open.then().statusCode(206).header("Content-Range", "bytes 699990-699999/700000");
        assertArrayEquals(Arrays.copyOfRange(pdf, 699_990, 700_000), open.asByteArray());

        api().accept("*/*").header("Range", "bytes=700000-").get("/api/v1/documents/{id}/content", id).then()
                .statusCode(416).contentType("application/problem+json").header("Content-Range", "bytes */700000");
        // If-Range naming another version: the whole file.
        Response whole = api().accept("*/*").header("Range", "bytes=0-9").header("If-Range", "\"other\"")
                .get("/api/v1/documents/{id}/content", id);
        whole.then().statusCode(200);
        assertArrayEquals(pdf, whole.asByteArray());
    }

    @Test
    void aCountyEditorReadsAndWritesOnlyItsOwnPairsDocuments() throws Exception {
        String program = Fixtures.program(List.of(YIWU, NANHU), List.of(LIANDU, SUICHANG));
        long own = Fixtures.pairing(program, YIWU, LIANDU);
        long other = Fixtures.pairing(program, NANHU, SUICHANG);
        RequestSpecification lianduEditor = Api.as(Fixtures.user("county-editor", LIANDU), Fixtures.PASSWORD);
        long theirs = upload("actuals:" + other + ":2024", "南湖遂昌.pdf", pdf(1000, 3)).then().statusCode(201)
                .extract().jsonPath().getLong("id");

        Api.as(Fixtures.user("county-editor", LIANDU), Fixtures.PASSWORD).accept("*/*")
                .get("/api/v1/documents/{id}/content", theirs).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("/problems/not-your-pairing"));
        lianduEditor.get("/api/v1/documents/{id}", theirs).then().statusCode(403);
        lianduEditor.queryParam("subject", "actuals:" + other + ":2024").get("/api/v1/documents").then()
                .statusCode(403);
        long before = allChunks();
        lianduEditor.contentType("application/pdf").queryParam("subject", "actuals:" + other + ":2024")
                .queryParam("fileName", "x.pdf").body(pdf(1000, 4)).post("/api/v1/documents").then().statusCode(403);
        assertEquals(before, allChunks());

        byte[] mine = pdf(5000, 5);
        long ownId = Api.as(Fixtures.user("county-editor", LIANDU), Fixtures.PASSWORD).contentType("application/pdf")
                .queryParam("subject", "actuals:" + own + ":2024").queryParam("fileName", "莲都.pdf").body(mine)
                .post("/api/v1/documents").then().statusCode(201).extract().jsonPath().getLong("id");
        assertArrayEquals(mine, lianduEditor.accept("*/*").get("/api/v1/documents/{id}/content", ownId).then()
                .statusCode(200).extract().asByteArray());
        // Provincial staff read every pair's.
        Api.as(Fixtures.user("viewer", null), Fixtures.PASSWORD).accept("*/*")
                .get("/api/v1/documents/{id}/content", theirs).then().statusCode(200);
    }

    @Test
    void aRenamedExecutableIsRefusedByItsContentAndNothingIsStored() throws Exception {
        long pairing = Fixtures.yiwuLiandu();
        long project = project(pairing);
        long before = allChunks();
        upload("project:" + project, "年度报告.pdf", executable()).then().statusCode(415)
                .contentType("application/problem+json").body("type", equalTo("/problems/type-not-allowed"))
                .body("detail", containsString("application/x-"));
        assertEquals(0, documentsOf("PROJECT", project));
        assertEquals(before, allChunks());
    }

    @Test
    void officeDocumentsAreKnownByTheirContentNamedByTheirExtension() throws Exception {
        long pairing = Fixtures.yiwuLiandu();
        long park = api().body(Map.of("name", "测试园区", "hostCounty", LIANDU)).post("/api/v1/pairings/{id}/parks",
                pairing).then().statusCode(201).extract().jsonPath().getLong("id");
        upload("park:" + park, "园区照片.png", png()).then().statusCode(201).body("mediaType", equalTo("image/png"));
        upload("park:" + park, "会议纪要.docx", docx()).then().statusCode(201)
                .body("mediaType", equalTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        // The same bytes under another name are still an Office package, never what the name says.
        upload("park:" + park, "纪要.exe", docx()).then().statusCode(201).body("mediaType",
                equalTo("application/x-tika-ooxml"));
        // Text that calls itself a PDF has no signature: refused.
        upload("park:" + park, "假的.pdf", "just text".getBytes(StandardCharsets.UTF_8)).then().statusCode(415);
    }

    @Test
    void anOversizedUploadIsRefusedAndNothingIsStored() throws Exception {
        long pairing = Fixtures.yiwuLiandu();
        long project = project(pairing);
        byte[] tooLarge = pdf(1024 * 1024 + 1, 6);
        long before = allChunks();
        // Announced by Content-Length: refused before it is read.
        upload("project:" + project, "大文件.pdf", tooLarge).then().statusCode(413)
                .contentType("application/problem+json");
        // Of unknown length (chunked): refused once the store has counted past the limit.
        api().contentType("application/pdf").accept("application/json").queryParam("subject", "project:" + project)
                .queryParam("fileName", "大文件.pdf").body(new ByteArrayInputStream(tooLarge))
                .post("/api/v1/documents").then().statusCode(413).contentType("application/problem+json");
        assertEquals(0, documentsOf("PROJECT", project));
        assertEquals(before, allChunks());
        // Exactly the limit, streamed the same way, is taken.
        byte[] limit = Arrays.copyOf(tooLarge, 1024 * 1024);
        api().contentType("application/pdf").queryParam("subject", "project:" + project).queryParam("fileName", "a.pdf")
                .body(new ByteArrayInputStream(limit)).post("/api/v1/documents").then().statusCode(201)
                .body("sha256", equalTo(sha256(limit)));
    }

    @Test
    void aPairYearHoldsNoMoreThanItsLimit() throws Exception {
        long pairing = Fixtures.yiwuLiandu();
        for (int i = 0; i < 3; i++) {
            upload("actuals:" + pairing + ":2025", i + ".pdf", pdf(1_000_000, 10 + i)).then().statusCode(201);
        }
        long before = allChunks();
        upload("actuals:" + pairing + ":2025", "3.pdf", pdf(1_000_000, 13)).then().statusCode(413)
                .body("type", equalTo("/problems/pair-year-full"));
        assertEquals(before, allChunks());
        assertEquals(3, documentsOf("ACTUALS", pairing));
        // Another year of the same pair has room.
        upload("actuals:" + pairing + ":2024", "3.pdf", pdf(1_000_000, 13)).then().statusCode(201);
    }

    @Test
    void aReplacementKeepsTheOldVersion() throws Exception {
        long pairing = Fixtures.yiwuLiandu();
        byte[] first = pdf(300_000, 20);
        byte[] second = png();
        long id = upload("actuals:" + pairing + ":2023", "证明.pdf", first).then().statusCode(201).extract()
                .jsonPath().getLong("id");
        String etag = api().get("/api/v1/documents/{id}", id).then().statusCode(200).extract().header("ETag");

        api().contentType("image/png").header("If-Match", "\"stale\"").queryParam("fileName", "证明（更新）.png")
                .body(second).post("/api/v1/documents/{id}/versions", id).then().statusCode(412);
        api().contentType("image/png").header("If-Match", etag).queryParam("fileName", "证明（更新）.png").body(second)
                .post("/api/v1/documents/{id}/versions", id).then().statusCode(201)
                .header("Location", containsString("/api/v1/documents/" + id + "/versions/2/content"))
                .body("version", equalTo(2)).body("fileName", equalTo("证明（更新）.png"))
                .body("mediaType", equalTo("image/png"));

        api().get("/api/v1/documents/{id}/versions", id).then().statusCode(200).body("number", equalTo(List.of(1, 2)))
                .body("sha256", equalTo(List.of(sha256(first), sha256(second))))
                .body("fileName", equalTo(List.of("证明.pdf", "证明（更新）.png")));
        assertArrayEquals(second, api().accept("*/*").get("/api/v1/documents/{id}/content", id).asByteArray());
        assertArrayEquals(first, api().accept("*/*").get("/api/v1/documents/{id}/versions/1/content", id).then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray());
        api().accept("*/*").get("/api/v1/documents/{id}/versions/3/content", id).then().statusCode(404);
    }

    @Test
    void aDeletionIsAMarkWithAReason() throws Exception {
        long pairing = Fixtures.yiwuLiandu();
        byte[] pdf = pdf(2000, 30);
        long id = upload("actuals:" + pairing + ":2023", "错传.pdf", pdf).then().statusCode(201).extract().jsonPath()
                .getLong("id");
        api().delete("/api/v1/documents/{id}", id).then().statusCode(400);
        api().queryParam("reason", " ").delete("/api/v1/documents/{id}", id).then().statusCode(400);
        api().queryParam("reason", "上传错了文件").delete("/api/v1/documents/{id}", id).then().statusCode(204);

        api().get("/api/v1/documents/{id}", id).then().statusCode(200).body("deleteReason", equalTo("上传错了文件"))
                .body("deletedBy", equalTo("admin")).body("deletedAt", org.hamcrest.Matchers.notNullValue());
        api().queryParam("subject", "actuals:" + pairing + ":2023").get("/api/v1/documents").then()
                .body("totalItems", equalTo(0));
        api().queryParam("subject", "actuals:" + pairing + ":2023").queryParam("includeDeleted", true)
                .get("/api/v1/documents").then().body("totalItems", equalTo(1));
        api().accept("*/*").get("/api/v1/documents/{id}/content", id).then().statusCode(410)
                .contentType("application/problem+json");
        api().queryParam("reason", "again").delete("/api/v1/documents/{id}", id).then().statusCode(409);
        assertEquals(1, documentsOf("ACTUALS", pairing), "the row stays");
        assertEquals(1, chunks(id), "and its bytes");
        api().queryParam("entityType", "Document").queryParam("entityId", id).get("/api/v1/audit-events").then()
                .body("items.action", org.hamcrest.Matchers.hasItem("UPDATE"))
                .body("items.find { it.action == 'UPDATE' }.after.deleteReason", equalTo("上传错了文件"));
    }

    @Test
    void aFinalizedAssessmentFreezesItsPairYearsDocumentsUntilReopened() throws Exception {
        String program = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        long pairing = Fixtures.pairing(program, YIWU, LIANDU);
        String actuals = "actuals:" + pairing + ":2024";
        long id = upload(actuals, "月报.pdf", pdf(2000, 50)).then().statusCode(201).extract().jsonPath().getLong("id");
        AnnualAssessmentTest.publishedScheme(program, 2024);
        AnnualAssessmentTest.run(program);
        long assessment = api().queryParam("program", program).queryParam("year", 2024).get("/api/v1/assessments")
                .then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        api().post("/api/v1/assessments/{id}/finalize", assessment).then().statusCode(200);

        long before = allChunks();
        upload(actuals, "补充.pdf", pdf(2000, 51)).then().statusCode(409)
                .body("type", equalTo("/problems/locked-by-finalized-assessment"));
        String etag = api().get("/api/v1/documents/{id}", id).then().statusCode(200).extract().header("ETag");
        api().contentType("application/pdf").header("If-Match", etag).queryParam("fileName", "月报（改）.pdf")
                .body(pdf(2000, 52)).post("/api/v1/documents/{id}/versions", id).then().statusCode(409)
                .body("type", equalTo("/problems/locked-by-finalized-assessment"));
        api().queryParam("reason", "错传").delete("/api/v1/documents/{id}", id).then().statusCode(409)
                .body("type", equalTo("/problems/locked-by-finalized-assessment"));
        api().get("/api/v1/documents/{id}", id).then().statusCode(200).body("deletedAt", nullValue())
                .body("version", equalTo(1));
        assertEquals(before, allChunks(), "nothing stored");

        api().body(Map.of("reason", "数据更正")).post("/api/v1/assessments/{id}/reopen", assessment).then()
                .statusCode(200);
        api().queryParam("reason", "错传").delete("/api/v1/documents/{id}", id).then().statusCode(204);
        upload(actuals, "补充.pdf", pdf(2000, 51)).then().statusCode(201);
    }

    @Test
    void aDeletionTakesThePairsRowBeforeItChecksTheYearLock() throws Exception {
        long pairing = Fixtures.yiwuLiandu();
        long id = upload("actuals:" + pairing + ":2024", "月报.pdf", pdf(2000, 53)).then().statusCode(201).extract()
                .jsonPath().getLong("id");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // Behind a finalization under way (a transaction holding the pairing's row) a deletion waits, so it
            // finds the year lock that finalization commits.
            Future<Response> deletion;
            try (Connection finalization = RowLocks.holdPairing(dataSource, pairing)) {
                deletion = pool.submit(() -> api().queryParam("reason", "错传").delete("/api/v1/documents/{id}", id));
                Thread.sleep(500);
                assertFalse(deletion.isDone(), "the deletion did not wait for the pairing's row");
                finalization.rollback();
            }
            deletion.get(30, TimeUnit.SECONDS).then().statusCode(204);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badInputIsAProblemAndChangesNothing() throws Exception {
        long pairing = Fixtures.yiwuLiandu();
        long before = allChunks();
        upload("project", "a.pdf", pdf(100, 40)).then().statusCode(400).contentType("application/problem+json");
        upload("project:99999999", "a.pdf", pdf(100, 40)).then().statusCode(404);
        upload("actuals:" + pairing + ":2031", "a.pdf", pdf(100, 40)).then().statusCode(400);
        upload("actuals:" + pairing + ":2024", "a.pdf", new byte[0]).then().statusCode(400);
        upload("actuals:" + pairing + ":2024", "\u0001.pdf", pdf(100, 40)).then().statusCode(400);
        api().contentType("application/pdf").queryParam("subject", "actuals:" + pairing + ":2024").body(pdf(100, 40))
                .post("/api/v1/documents").then().statusCode(400);
        api().get("/api/v1/documents").then().statusCode(400);
        api().get("/api/v1/documents/{id}", 99999999).then().statusCode(404);
        api().accept("*/*").get("/api/v1/documents/{id}/content", 99999999).then().statusCode(404);
        assertEquals(before, allChunks());
        // A path before the name is dropped.
        upload("actuals:" + pairing + ":2024", "C:\\材料\\说明.pdf", pdf(100, 41)).then().statusCode(201)
                .body("fileName", equalTo("说明.pdf")).body("deletedAt", nullValue());
    }

    // --- helpers ---

    private static Response upload(String subject, String fileName, byte[] bytes) {
        return api().contentType("application/octet-stream").queryParam("subject", subject)
                .queryParam("fileName", fileName).body(bytes).post("/api/v1/documents");
    }

    private static long project(long pairing) {
        return api().body(Map.of("track", "PROJECT_COOP", "title", "测试项目", "hostCounty", LIANDU, "plannedOn",
                "2024-01-10")).post("/api/v1/pairings/{id}/projects", pairing).then().statusCode(201).extract()
                .jsonPath().getLong("id");
    }

    /** A file Tika takes for a PDF: the signature, then noise. */
    static byte[] pdf(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        byte[] head = "%PDF-1.7\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, bytes, 0, Math.min(head.length, size));
        return bytes;
    }

    /** The start of a Windows executable: MZ, and the PE header where e_lfanew points. */
    static byte[] executable() {
        byte[] bytes = new byte[4096];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[0x3c] = (byte) 0x80;
        bytes[0x80] = 'P';
        bytes[0x81] = 'E';
        return bytes;
    }

    static byte[] png() {
        byte[] bytes = new byte[2048];
        new Random(7).nextBytes(bytes);
        byte[] head = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    /** A minimal Office Open XML package, its content types first as Word writes them. */
    static byte[] docx() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                    + "package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private long chunks(long documentId) throws SQLException {
        return count("select count(*) from document_chunk where document_id = ?", documentId);
    }

    private long allChunks() throws SQLException {
        return count("select count(*) from document_chunk");
    }

    private long documentsOf(String kind, long subjectId) throws SQLException {
        return count("select count(*) from document where subject_kind = '" + kind + "' and subject_id = ?", subjectId);
    }

    private long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
