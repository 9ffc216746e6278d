package org.tandem.support;

import static io.restassured.RestAssured.given;

import java.nio.file.Path;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

/**
 * Entry point of every black-box test: a RestAssured request whose response is checked against the
 * committed contract {@code openapi/openapi.yaml}. Requests are not checked, since tests send bad ones
 * on purpose.
 */
public final class Api {

    private static final OpenApiValidationFilter CONTRACT = new OpenApiValidationFilter(
            OpenApiInteractionValidator
                    .createForSpecificationUrl(Path.of("openapi", "openapi.yaml").toUri().toString())
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    /** Decimals come back as BigDecimal, so money is compared exactly. */
    private static final RestAssuredConfig EXACT_NUMBERS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private Api() {
    }

    /** The test profile's admin password (application.properties). */
    public static final String ADMIN_PASSWORD = "test-admin-password";
    private static final java.util.Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A JSON request as the admin, whose response must agree with the contract. */
    public static RequestSpecification api() {
        return as("admin", ADMIN_PASSWORD);
    }

    /** A JSON request as the given user of the built-in identity provider. */
    public static RequestSpecification as(String username, String password) {
        return anonymous().auth().oauth2(cachedToken(username, password));
    }

    /** A JSON request with no token. */
    public static RequestSpecification anonymous() {
        return given().config(EXACT_NUMBERS).filter(CONTRACT).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /**
     * Logging in costs a bcrypt check, so tokens are kept; per signing key, since a test profile with its own
     * database starts the application with a key of its own.
     */
    private static String cachedToken(String username, String password) {
        var key = io.quarkus.arc.Arc.container().instance(org.tandem.security.SigningKeys.class).get().publicKey();
        return TOKENS.computeIfAbsent(username + "\u0000" + password + "\u0000" + key.hashCode(),
                k -> token(username, password));
    }

    public static String token(String username, String password) {
        return given().contentType(ContentType.JSON).body(java.util.Map.of("username", username, "password", password))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");
    }

    /** A request the contract does not describe (unknown paths, wrong methods): no contract check. */
    public static RequestSpecification raw() {
        return given().auth().oauth2(cachedToken("admin", ADMIN_PASSWORD));
    }
}
