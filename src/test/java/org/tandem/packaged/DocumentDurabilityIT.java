package org.tandem.packaged;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Evidence documents are kept with the data: a file answered 201 is there, byte for byte, after the service is
 * killed (SIGKILL) and started again; one whose upload the kill cut short left nothing behind.
 */
class DocumentDurabilityIT {

    @Test
    void anUploadedFileSurvivesAKillAndAnUploadCutShortLeavesNothing() throws Exception {
        Path dataDir = Files.createTempDirectory("tandem-documents");
        try (PackagedService service = new PackagedService(dataDir)) {
            service.start();
            int pairing = service.api().queryParam("program", "ZJ-MFG-2023").get("/api/v1/pairings").then()
                    .statusCode(200).extract().path("items[0].id");
            String subject = "actuals:" + pairing + ":2024";
            byte[] file = pdf(3 * 1024 * 1024 + 17);
            int id = service.api().contentType("application/pdf").queryParam("subject", subject)
                    .queryParam("fileName", "验收证明.pdf").body(file).post("/api/v1/documents").then().statusCode(201)
                    .extract().path("id");

            // A second upload that is still streaming when the process is killed.
            CountDownLatch streaming = new CountDownLatch(1);
            Thread cutShort = new Thread(() -> {
                try {
                    service.api().contentType("application/pdf").queryParam("subject", subject)
                            .queryParam("fileName", "未完成.pdf").body(new SlowPdf(8 * 1024 * 1024, streaming))
                            .post("/api/v1/documents");
                } catch (Throwable expected) {
                    // the service is gone
                }
            });
            cutShort.start();
            assertTrue(streaming.await(60, TimeUnit.SECONDS), "the second upload never started");
            TimeUnit.MILLISECONDS.sleep(500);
            service.kill();
            cutShort.join(10_000);
            service.start();

            byte[] back = service.api().accept("*/*").get("/api/v1/documents/{id}/content", id).then().statusCode(200)
                    .header("ETag", "\"" + sha256(file) + "\"").extract().asByteArray();
            assertArrayEquals(file, back);
            service.api().queryParam("subject", subject).get("/api/v1/documents").then().statusCode(200)
                    .body("totalItems", equalTo(1)).body("items[0].fileName", equalTo("验收证明.pdf"));
            System.out.printf("DOCUMENTS: %d bytes kept across SIGKILL (SHA-256 %s); the upload cut short left nothing%n",
                    back.length, sha256(back));
        }
    }

    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A PDF sent a little at a time, so that it is still on its way when the service is killed. */
    private static final class SlowPdf extends InputStream {
        private final byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1);
        private final long size;
        private final CountDownLatch started;
        private long sent;

        SlowPdf(long size, CountDownLatch started) {
            this.size = size;
            this.started = started;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (sent >= size) {
                return -1;
            }
            int n = (int) Math.min(Math.min(length, 64 * 1024), size - sent);
            for (int i = 0; i < n; i++) {
                long at = sent + i;
                buffer[offset + i] = at < head.length ? head[(int) at] : (byte) at;
            }
            sent += n;
            if (sent > 512 * 1024) {
                started.countDown();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
            return n;
        }
    }
}
