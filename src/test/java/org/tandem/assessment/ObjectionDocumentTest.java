package org.tandem.assessment;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tandem.assessment.AnnualAssessmentTest.publishedScheme;
import static org.tandem.assessment.AnnualAssessmentTest.run;
import static org.tandem.assessment.AnnualAssessmentTest.values;
import static org.tandem.support.Api.api;
import static org.tandem.support.Fixtures.LIANDU;
import static org.tandem.support.Fixtures.NANHU;
import static org.tandem.support.Fixtures.SUICHANG;
import static org.tandem.support.Fixtures.YIWU;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.tandem.support.Api;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Evidence documents of objections and assessment adjustments over HTTP: the pair's county editor attaches a PDF to
 * its objection while it is open and reads it back byte for byte, another pair's editor is refused both ways, an
 * assessor reads and attaches; once resolved only assessors attach. An adjustment's documents are the assessors' to
 * write and the pair's to read.
 */
@QuarkusTest
class ObjectionDocumentTest {

    @Inject
    EntityManager em;

    @Test
    void anObjectionsEvidenceIsThePairsWhileItIsOpenAndTheAssessorsAlways() throws Exception {
        String program = Fixtures.program(List.of(YIWU, NANHU), List.of(LIANDU, SUICHANG));
        long yiwuLiandu = Fixtures.pairing(program, YIWU, LIANDU);
        long nanhuSuichang = Fixtures.pairing(program, NANHU, SUICHANG);
        publishedScheme(program, 2024);
        values(yiwuLiandu, "targets", 100, 100);
        values(nanhuSuichang, "targets", 100, 100);
        values(yiwuLiandu, "actuals", 50, 50);
        values(nanhuSuichang, "actuals", 100, 100);
        run(program);
        long assessment = api().queryParam("program", program).queryParam("year", 2024).get("/api/v1/assessments")
                .then().statusCode(200).extract().jsonPath().getLong("items.find { it.pairing == " + yiwuLiandu
                        + " }.id");
        RequestSpecification liandu = as(Fixtures.user("county-editor", LIANDU));
        String nanhu = Fixtures.user("county-editor", NANHU);
        String assessor = Fixtures.user("assessor", null);
        as(assessor).body(Map.of("days", 7)).post("/api/v1/programs/{code}/years/2024/publication", program).then()
                .statusCode(201);

        long objection = liandu.body(Map.of("reason", "共建园区已投运，附验收报告")).post(objections(assessment)).then()
                .statusCode(201)
                .body("documents", startsWith("/api/v1/documents?subject=objection:"))
                .extract().jsonPath().getLong("id");
        String subject = "objection:" + objection;
        api().get(objections(assessment) + "/" + objection).then().statusCode(200)
                .body("documents", equalTo("/api/v1/documents?subject=" + subject));

        // The pair's county editor attaches, lists and downloads it byte for byte.
        byte[] pdf = pdf(300_000, 11);
        long document = upload(as(Fixtures.user("county-editor", LIANDU)), subject, "园区验收报告.pdf", pdf).then()
                .statusCode(201).body("subject", equalTo(subject)).body("pairing", equalTo((int) yiwuLiandu))
                .body("fileName", equalTo("园区验收报告.pdf")).body("mediaType", equalTo("application/pdf"))
                .body("sha256", equalTo(sha256(pdf))).extract().jsonPath().getLong("id");
        as(Fixtures.user("county-editor", LIANDU)).queryParam("subject", subject).get("/api/v1/documents").then()
                .statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo((int) document));
        byte[] back = as(Fixtures.user("county-editor", LIANDU)).accept("*/*")
                .get("/api/v1/documents/{id}/content", document).then().statusCode(200).extract().asByteArray();
        assertEquals(sha256(pdf), sha256(back));
        assertArrayEquals(pdf, back);
        api().queryParam("entityType", "Document").queryParam("entityId", document).get("/api/v1/audit-events").then()
                .statusCode(200).body("items.action", equalTo(List.of("CREATE")));

        // Another pair's county editor: neither upload nor download nor the list; nothing stored.
        long stored = documentsOf(objection);
        upload(as(nanhu), subject, "越权.pdf", pdf(1000, 12)).then().statusCode(403)
                .contentType("application/problem+json").body("type", endsWith("/not-your-pairing"));
        as(nanhu).accept("*/*").get("/api/v1/documents/{id}/content", document).then().statusCode(403)
                .contentType("application/problem+json").body("type", endsWith("/not-your-pairing"));
        as(nanhu).queryParam("subject", subject).get("/api/v1/documents").then().statusCode(403);
        assertEquals(stored, documentsOf(objection));

        // An assessor and a viewer read it; the assessor attaches too.
        byte[] read = as(assessor).accept("*/*").get("/api/v1/documents/{id}/content", document).then()
                .statusCode(200).extract().asByteArray();
        assertEquals(sha256(pdf), sha256(read));
        as(Fixtures.user("viewer", null)).queryParam("subject", subject).get("/api/v1/documents").then()
                .statusCode(200).body("totalItems", equalTo(1));
        upload(as(Fixtures.user("viewer", null)), subject, "旁观.pdf", pdf(1000, 13)).then().statusCode(403);
        upload(as(assessor), subject, "核实记录.pdf", pdf(2000, 14)).then().statusCode(201);

        // No such objection: 404; a malformed subject: 400.
        upload(as(assessor), "objection:999999999", "无.pdf", pdf(1000, 15)).then().statusCode(404)
                .contentType("application/problem+json");
        api().queryParam("subject", "objection:x").get("/api/v1/documents").then().statusCode(400)
                .contentType("application/problem+json");

        // Upheld with an adjustment: the pair's editor no longer attaches to it (409), the assessor still does.
        String etag = api().get(objections(assessment) + "/" + objection).then().extract().header("ETag");
        long adjustment = as(assessor).header("If-Match", etag)
                .body(Map.of("outcome", "UPHELD", "remedy", "ADJUSTMENT", "reason", "经核实园区已投运，予以加分",
                        "adjustment", Map.of("item", "JOINT_PARK", "points", 2, "reason", "共建园区（异议核实）")))
                .post(objections(assessment) + "/" + objection + "/resolution").then().statusCode(200).extract()
                .jsonPath().getLong("resolution.adjustment");
        stored = documentsOf(objection);
        upload(as(Fixtures.user("county-editor", LIANDU)), subject, "补充.pdf", pdf(1000, 16)).then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/objection-resolved"));
        assertEquals(stored, documentsOf(objection));
        upload(as(assessor), subject, "结论.pdf", pdf(1000, 17)).then().statusCode(201);
        as(Fixtures.user("county-editor", LIANDU)).queryParam("subject", subject).get("/api/v1/documents").then()
                .statusCode(200).body("totalItems", equalTo(3));

        // The adjustment's documents: written by assessors, read by the pair's editors only.
        byte[] minutes = pdf(5000, 18);
        long adjustmentDocument = upload(as(assessor), "adjustment:" + adjustment, "核实纪要.pdf", minutes).then()
                .statusCode(201).body("subject", equalTo("adjustment:" + adjustment)).extract().jsonPath()
                .getLong("id");
        upload(as(Fixtures.user("county-editor", LIANDU)), "adjustment:" + adjustment, "自加.pdf", pdf(1000, 19))
                .then().statusCode(403);
        as(Fixtures.user("county-editor", LIANDU)).queryParam("subject", "adjustment:" + adjustment)
                .get("/api/v1/documents").then().statusCode(200).body("totalItems", equalTo(1));
        byte[] minutesBack = as(Fixtures.user("county-editor", LIANDU)).accept("*/*")
                .get("/api/v1/documents/{id}/content", adjustmentDocument).then().statusCode(200).extract()
                .asByteArray();
        assertArrayEquals(minutes, minutesBack);
        as(nanhu).accept("*/*").get("/api/v1/documents/{id}/content", adjustmentDocument).then().statusCode(403);
    }

    private static String objections(long assessment) {
        return "/api/v1/assessments/" + assessment + "/objections";
    }

    private static RequestSpecification as(String user) {
        return Api.as(user, Fixtures.PASSWORD);
    }

    private static Response upload(RequestSpecification as, String subject, String fileName, byte[] bytes) {
        return as.contentType("application/octet-stream").queryParam("subject", subject)
                .queryParam("fileName", fileName).body(bytes).post("/api/v1/documents");
    }

    private long documentsOf(long objection) {
        return ((Number) em.createNativeQuery(
                "select count(*) from document where subject_kind = 'OBJECTION' and subject_id = ?1")
                .setParameter(1, objection).getSingleResult()).longValue();
    }

    /** A file Tika takes for a PDF: the signature, then noise. */
    private static byte[] pdf(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        byte[] head = "%PDF-1.7\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, bytes, 0, Math.min(head.length, size));
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
