package org.tandem.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Keeps code and contract together: the document the running code generates must equal the committed
 * {@code openapi/openapi.yaml}. Changing an endpoint, a field or a validation rule without updating the
 * contract fails the build; the generated document is left in {@code target/openapi-generated.yaml} to
 * review and copy over.
 */
@QuarkusTest
class ContractTest {

    private static final Path COMMITTED = Path.of("openapi", "openapi.yaml");
    private static final Path GENERATED = Path.of("target", "openapi-generated.yaml");

    @Test
    void theGeneratedContractEqualsTheCommittedOne() throws IOException {
        String generated = given().accept("application/yaml").get("/q/openapi").then().statusCode(200).extract()
                .asString();
        Files.writeString(GENERATED, generated, StandardCharsets.UTF_8);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode expected = yaml.readTree(COMMITTED.toFile());
        JsonNode actual = yaml.readTree(generated);
        List<String> differences = new ArrayList<>();
        diff("", expected, actual, differences);
        if (!differences.isEmpty()) {
            fail("The API no longer matches " + COMMITTED + " at " + differences.size() + " places, first: "
                    + differences.subList(0, Math.min(10, differences.size()))
                    + ". If the change is intended, review it and run: cp " + GENERATED + " " + COMMITTED);
        }
    }

    private static void diff(String at, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected == null || actual == null) {
            out.add(at + (expected == null ? " (added)" : " (removed)"));
        } else if (expected.isObject() && actual.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                diff(at + "/" + field.getKey(), field.getValue(), actual.get(field.getKey()), out);
            }
            for (Iterator<String> it = actual.fieldNames(); it.hasNext();) {
                String name = it.next();
                if (!expected.has(name)) {
                    out.add(at + "/" + name + " (added)");
                }
            }
        } else if (!expected.equals(actual)) {
            out.add(at + " (changed)");
        }
    }
}
