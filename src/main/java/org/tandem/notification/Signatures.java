package org.tandem.notification;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery: {@code X-Tandem-Signature: t=<unix seconds>,v1=<hex>}, where hex is the
 * HMAC-SHA256, keyed with the webhook's secret (its UTF-8 bytes), of {@code <t>.<body>} (the body's exact bytes). A
 * receiver computes the same, compares in constant time, and rejects a {@code t} too far from its own clock, so an
 * old delivery cannot be replayed.
 */
final class Signatures {

    static final String HEADER = "X-Tandem-Signature";

    private Signatures() {
    }

    static String header(String secret, long timestamp, byte[] body) {
        return "t=" + timestamp + ",v1=" + hmac(secret, timestamp, body);
    }

    static String hmac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }
}
