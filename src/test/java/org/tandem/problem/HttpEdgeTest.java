package org.tandem.problem;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tandem.support.Api;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Errors found before any resource runs are problem+json and declared in the contract like every other (the requests
 * here go through the contract check), and text that is not valid Unicode, or holds NUL, is refused rather than
 * stored changed. Raw sockets send what RestAssured cannot: a body with no Content-Type.
 */
@QuarkusTest
class HttpEdgeTest {

    @Test
    void aRequestLineTooLongIs414Problem() {
        api().queryParam("q", "a".repeat(5_000)).get("/api/v1/counties").then().statusCode(414)
                .contentType("application/problem+json").body("type", equalTo("/problems/uri-too-long"))
                .body("status", equalTo(414));
    }

    @Test
    void headersTooLargeAre431Problem() {
        api().header("X-Note", "a".repeat(25_000)).get("/api/v1/counties").then().statusCode(431)
                .contentType("application/problem+json").body("type", equalTo("/problems/headers-too-large"));
    }

    @Test
    void anUnacceptableMediaTypeIs406Problem() {
        api().accept("text/xml").get("/api/v1/counties").then().statusCode(406)
                .contentType("application/problem+json").body("status", equalTo(406));
        // A list with an export has two methods; neither answers what neither produces, HEAD included.
        api().accept("text/html").get("/api/v1/projects").then().statusCode(406)
                .contentType("application/problem+json");
        api().accept("text/html").head("/api/v1/counties").then().statusCode(406);
        api().accept("text/html, text/csv;q=0.5").get("/api/v1/counties").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"));
        api().accept("text/html, */*;q=0.1").get("/api/v1/counties").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/json"));
    }

    @Test
    void aBodyWithoutContentTypeIs415AndCreatesNothing() throws IOException {
        String code = Fixtures.uniqueCode("NOCT");
        byte[] body = ("{\"code\":\"" + code + "\",\"name\":\"n\",\"startYear\":2024,\"endYear\":2025}")
                .getBytes(StandardCharsets.UTF_8);
        String answer = send("POST /api/v1/programs HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + Api.token("admin", Api.ADMIN_PASSWORD) + "\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n", body);
        assertTrue(answer.startsWith("HTTP/1.1 415"), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
        assertTrue(answer.contains("\"type\":\"/problems/unsupported-media-type\""), answer);
        api().get("/api/v1/programs/{code}", code).then().statusCode(404);
    }

    @Test
    void anOverlongUtf8NulIs400AndCreatesNothing() {
        String code = Fixtures.uniqueCode("NUL");
        byte[] before = ("{\"code\":\"" + code + "\",\"name\":\"a").getBytes(StandardCharsets.UTF_8);
        byte[] after = "b\",\"startYear\":2024,\"endYear\":2025}".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(before);
        body.write(0xC0);
        body.write(0x80);
        body.writeBytes(after);
        api().body(body.toByteArray()).post("/api/v1/programs").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo("must be valid Unicode text without NUL characters"));
        api().get("/api/v1/programs/{code}", code).then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = { "a\\ud800b", "a\\udc00", "a\\ud800", "a\\u0000b" })
    void aLoneSurrogateOrNulInAStringIs400(String name) {
        String code = Fixtures.uniqueCode("SUR");
        api().body("{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"startYear\":2024,\"endYear\":2025}")
                .post("/api/v1/programs").then().statusCode(400).body("errors[0].field", equalTo("name"));
        api().get("/api/v1/programs/{code}", code).then().statusCode(404);
    }

    @Test
    void aNulInAQueryParameterIs400() {
        api().queryParam("q", "莲\u0000都").get("/api/v1/counties").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("q"))
                .body("errors[0].message", equalTo("must not contain NUL characters"));
        api().queryParam("q", "莲都").get("/api/v1/counties").then().statusCode(200);
    }

    @Test
    void aPairedSurrogateIsText() {
        String code = Fixtures.uniqueCode("EMO");
        api().body("{\"code\":\"" + code + "\",\"name\":\"共富\\ud83d\\ude00\",\"startYear\":2024,\"endYear\":2025}")
                .post("/api/v1/programs").then().statusCode(201).body("name", equalTo("共富\uD83D\uDE00"));
    }

    private static String send(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
