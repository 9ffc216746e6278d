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

    /** A JSON request whose response must agree with the contract. */
    public static RequestSpecification api() {
        return given().config(EXACT_NUMBERS).filter(CONTRACT).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A request the contract does not describe (unknown paths, wrong methods): no contract check. */
    public static RequestSpecification raw() {
        return given();
    }
}
