package org.tandem.problem;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.tandem.support.Api.api;
import static org.tandem.support.Api.raw;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

/** Whatever goes wrong, the client gets problem+json naming the fault, never a stack trace or class name. */
@QuarkusTest
class ErrorHandlingTest {

    @Test
    void unknownPathsAre404Problems() {
        raw().get("/api/v1/no-such-thing").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found")).body("instance", equalTo("/api/v1/no-such-thing"));
        raw().get("/nothing/here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aWrongMethodIs405AndAWrongMediaTypeIs415() {
        raw().delete("/api/v1/counties").then().statusCode(405).contentType("application/problem+json");
        raw().contentType("text/plain").body("hello").post("/api/v1/programs").then().statusCode(415)
                .contentType("application/problem+json").body("type", equalTo("/problems/unsupported-media-type"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"code\":\"X-1\",\"name\":\"n\",\"startYear\":\"2024\",\"endYear\":2025}|startYear|must be an integer",
            "{\"code\":\"X-1\",\"name\":\"n\",\"startYear\":2024.5,\"endYear\":2025}|startYear|must be an integer",
            "{\"code\":\"X-1\",\"name\":7,\"startYear\":2024,\"endYear\":2025}|name|must be a string",
            "{\"code\":\"X-1\",\"name\":\"n\",\"startYear\":2024,\"endYear\":2025,\"color\":1}|color|unknown field",
            "{\"code\":\"X-1\",\"name\":\"n\",\"startYear\":2024,\"endYear\":2025,\"annualBudget\":-1}|annualBudget|must be greater than or equal to 0",
            "{\"code\":\"X-1\",\"name\":\"n\",\"startYear\":2024,\"endYear\":2025,\"annualBudget\":1.005}|annualBudget|numeric value out of bounds (<16 digits>.<2 digits> expected)",
    })
    void wrongTypesAndValuesName(String body, String field, String message) {
        api().body(body).post("/api/v1/programs").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field)).body("errors[0].message", equalTo(message))
                .body("detail", not(containsString("java")));
        api().get("/api/v1/programs/X-1").then().statusCode(404);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "[1,2]", "\"text\"", "{\"name\": \"a\"} {}", "{", "nul" })
    void malformedBodiesAre400(String body) {
        api().body(body).post("/api/v1/programs").then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/projects/abc|id|must be an integer",
            "/api/v1/pairings/12x/projects|pairingId|must be an integer",
            "/api/v1/projects?year=twenty|year|must be an integer",
            "/api/v1/projects?status=DONE|status|must be one of PLANNED, SIGNED, UNDER_CONSTRUCTION, IN_PRODUCTION, CANCELLED",
            "/api/v1/counties?size=abc|size|must be an integer",
            "/api/v1/programs/ZJ-MFG-2023/park-coverage?asOf=2024-13-01|asOf|must be a date (YYYY-MM-DD)",
            "/api/v1/audit-events?from=yesterday|from|must be a date-time with offset (e.g. 2024-05-01T08:00:00+08:00)",
    })
    void aParameterOfTheWrongTypeIsNamed(String path, String parameter, String message) {
        raw().get(path).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation")).body("errors[0].field", equalTo(parameter))
                .body("errors[0].message", equalTo(message)).body("detail", equalTo(parameter + ": " + message));
    }

    @Test
    void aMissingValueIsReportedAsMissingOnly() {
        // Blank, it breaks the six-digit pattern too; a wrong one breaks the pattern alone.
        api().body(java.util.Map.of("program", "ZJ-MFG-2023", "industrialCounty", " ", "mountainCounty", "33110"))
                .post("/api/v1/pairings").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation")).body("detail", equalTo("2 fields are invalid"))
                .body("errors.field", equalTo(java.util.List.of("industrialCounty", "mountainCounty")))
                .body("errors.message", equalTo(java.util.List.of("must not be blank", "must be a 6-digit code")));
    }

    @Test
    void oneFieldBreakingTwoRulesIsOneInvalidField() {
        // Too short and with a space: both of the secret's rules are broken, and only the secret is wrong.
        String url = "https://hooks.example.org/two-rules-" + System.nanoTime();
        api().body(java.util.Map.of("url", url, "eventTypes", java.util.List.of("DATA_RETURNED"), "secret", "a b"))
                .post("/api/v1/webhooks").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("secret: must be printable ASCII without spaces; size must be between 16 and 200"))
                .body("errors.field", equalTo(java.util.List.of("secret", "secret")));
        api().get("/api/v1/webhooks?size=500").then().statusCode(200).body("items.url", not(hasItem(url)));
    }

    @Test
    void anEmptyBodyIs400() {
        api().post("/api/v1/programs").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
    }
}
