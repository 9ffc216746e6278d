package org.tandem.security;

import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.anonymous;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;

/** A bearer token that is not even a JWT is an unauthenticated request: 401 and one quiet log line. */
@QuarkusTest
class MalformedTokenTest {

    static List<String> tokens() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String unsigned = url.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + url.encodeToString("{\"iss\":\"tandem\",\"upn\":\"admin\",\"groups\":[\"admin\"],\"exp\":4102444800}"
                        .getBytes(StandardCharsets.UTF_8))
                + ".";
        byte[] garbage = new byte[6 * 1024];
        new Random(7).nextBytes(garbage);
        return List.of("not-a-jwt", "a.b.c", unsigned, url.encodeToString(garbage), "令牌.令牌.令牌", "eyJ.eyJ.");
    }

    @ParameterizedTest
    @MethodSource("tokens")
    void isRefusedWith401AndOneQuietLogLine(String token) {
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (records) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            // Sent as raw bytes: HTTP headers are Latin-1, so a non-ASCII token arrives as mojibake, as from any client.
            anonymous().header("Authorization", "Bearer " + token).get("/api/v1/tracks").then().statusCode(401)
                    .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                    .body("type", endsWith("unauthorized"));
        } finally {
            root.removeHandler(capture);
        }
        synchronized (records) {
            assertTrue(records.stream().noneMatch(r -> r.getThrown() != null), () -> "a stack trace was logged: "
                    + records.stream().filter(r -> r.getThrown() != null).findFirst().get().getThrown());
            assertTrue(records.stream().noneMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue()),
                    () -> "logged: " + records.stream().map(LogRecord::getMessage).toList());
            assertEquals(1, records.stream().filter(r -> r.getLoggerName().equals(TandemJwtParser.class.getName()))
                    .count(), () -> "logged: " + records.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
        }
    }
}
