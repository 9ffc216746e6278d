package org.tandem.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.api;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.tandem.support.Fixtures;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import net.jqwik.api.Arbitraries;
import net.jqwik.engine.SourceOfRandomness;

/**
 * Fuzzes every operation of the committed contract {@code openapi/openapi.yaml}: path and query parameters and bodies
 * generated from its schemas, valid and invalid (wrong types, missing fields, huge strings, negative and huge numbers,
 * wrong enum values, malformed JSON, wrong media types, odd If-Match). No answer may be a 5xx, and every 4xx must be
 * {@code application/problem+json}.
 * <p>
 * Values come from jqwik's generators (edge cases included), all drawn from one seeded source, so a run is
 * repeatable: {@code -Dtandem.fuzz.seed=N} (default fixed) and {@code -Dtandem.fuzz.requests=N} (default 1500).
 * Requests only ever name resources the test made itself, or ids no other test can have, so the shipped data and
 * other tests' data are left alone.
 */
@QuarkusTest
class ApiFuzzTest {

    private static final long SEED = Long.getLong("tandem.fuzz.seed", 20260601L);
    private static final int REQUESTS = Integer.getInteger("tandem.fuzz.requests", 1500);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode contract;
    private Random random;
    private final Map<String, String> own = new LinkedHashMap<>();

    record Operation(String method, String path, JsonNode spec) {
    }

    @Test
    void noRequestGetsA5xxAndEveryErrorIsAProblem() throws Exception {
        contract = new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi", "openapi.yaml").toFile());
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue()));
            }
        }
        makeOwnResources();
        random = SourceOfRandomness.create(Long.toString(SEED));

        int serverErrors = 0;
        Map<String, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            // Every operation in turn, so each gets its share of the budget.
            Operation operation = operations.get(i % operations.size());
            Sent sent = send(operation);
            String described = sent.description;
            {
                int status = sent.response.statusCode();
                byStatus.merge(Integer.toString(status), 1, Integer::sum);
                String type = sent.response.contentType() == null ? "" : sent.response.contentType();
                if (status >= 500) {
                    serverErrors++;
                    failures.add(status + " for " + described + " -> " + abbreviate(sent.response.asString()));
                } else if (status >= 400 && !type.startsWith("application/problem+json")) {
                    failures.add(status + " without a problem body (" + type + ") for " + described);
                }
            }
        }
        System.out.printf("FUZZ: %d requests, %d server errors (seed %d, %d operations, %d s) statuses %s%n",
                REQUESTS, serverErrors, SEED, operations.size(), (System.nanoTime() - started) / 1_000_000_000,
                byStatus);
        assertTrue(failures.isEmpty(), failures.size() + " bad answers, first ones:\n"
                + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    }

    private record Sent(String description, Response response) {
    }

    private Sent send(Operation operation) {
        // Api.api() for whatever every request carries (headers, credentials), without its contract check: bad
        // requests are the point here, and only what the service answers to them is judged.
        RequestSpecification request = api().noFiltersOfType(OpenApiValidationFilter.class);
        String path = operation.path;
        Map<String, Object> pathValues = new LinkedHashMap<>();
        StringBuilder query = new StringBuilder();
        for (JsonNode declared : operation.spec.path("parameters")) {
            JsonNode parameter = resolve(declared); // shared ones (If-None-Match) are references
            String name = parameter.get("name").asText();
            JsonNode schema = resolve(parameter.path("schema"));
            switch (parameter.get("in").asText()) {
                case "path" -> pathValues.put(name, pathValue(path, name));
                case "query" -> {
                    if (chance(0.5)) {
                        String value = inUri(text(chance(0.7) ? value(schema, name, 0) : oddValue()));
                        request.queryParam(name, value);
                        query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(abbreviate(value));
                    }
                }
                default -> {
                }
            }
        }
        String body = null;
        JsonNode content = operation.spec.path("requestBody").path("content");
        if (!content.isMissingNode()) {
            String mediaType = content.fieldNames().next();
            JsonNode tree = value(resolve(content.get(mediaType).path("schema")), "body", 0);
            body = chance(0.25) ? String.valueOf(tree) : mutate(tree);
            if (body != null && body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 1_000_000) {
                // Over the size limit the service answers 413 at once and closes the connection while the client is
                // still sending (LimitsTest covers that); here the body has to arrive.
                body = body.substring(0, 200_000);
            }
            if (body != null) {
                request.body(body);
            }
            if (chance(0.05)) {
                request.contentType(pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")));
            } else if (mediaType.contains("merge-patch")) {
                request.contentType(mediaType);
            }
        }
        if (!operation.method.equals("GET") && !operation.method.equals("POST") && chance(0.3)) {
            request.header("If-Match", pick(List.of("\"0\"", "\"999999\"", "*", "W/\"1\"", "garbage", "\"\"",
                    "\"" + Long.MAX_VALUE + "0\"")));
        }
        String described = operation.method + " " + path + " " + pathValues + query
                + (body == null ? "" : " body " + abbreviate(body));
        return new Sent(described, request.request(operation.method, expand(path, pathValues)));
    }

    /** The path with its parameters filled in, each encoded as one path segment. */
    private static String expand(String path, Map<String, Object> values) {
        String expanded = path;
        for (Map.Entry<String, Object> value : values.entrySet()) {
            expanded = expanded.replace("{" + value.getKey() + "}",
                    java.net.URLEncoder.encode(String.valueOf(value.getValue()), java.nio.charset.StandardCharsets.UTF_8)
                            .replace("+", "%20"));
        }
        return expanded;
    }

    // --- values -----------------------------------------------------------------------------------------------

    /** A value for a path parameter: usually one of the test's own resources, else something no resource has. */
    private Object pathValue(String path, String name) {
        if (chance(0.75)) {
            if (name.equals("year")) {
                return chance(0.8) ? 2024 : Arbitraries.integers().sample();
            }
            String owner = path.replaceAll("^/api/v1/([a-z-]+)/.*$", "$1");
            String value = own.get(owner);
            if (value != null) {
                return value;
            }
        }
        return pick(List.of(
                // ids no other test has: never small positive numbers, which name shipped or other tests' data
                Long.toString(-1 - Arbitraries.longs().between(0, Long.MAX_VALUE - 1).sample()), "0",
                Long.toString(1_000_000_000_000L + Arbitraries.longs().between(0, 1_000_000).sample()),
                "99999999999999999999", "1e12", "2024.5", " ", "null", "x".repeat(1000),
                "Z" + Arbitraries.strings().all().ofMaxLength(40).sample()));
    }

    /** A value that fits the schema, as the service would take it, mostly. */
    private JsonNode value(JsonNode schema, String name, int depth) {
        schema = resolve(schema);
        if (schema.has("enum")) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        String known = known(name);
        if (known != null && chance(0.85)) {
            return NODES.textNode(known);
        }
        String type = typeOf(schema);
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth > 6) {
                    return object;
                }
                List<String> required = new ArrayList<>();
                schema.path("required").forEach(r -> required.add(r.asText()));
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> property = it.next();
                    if (required.contains(property.getKey()) || chance(0.6)) {
                        object.set(property.getKey(), value(property.getValue(), property.getKey(), depth + 1));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int size = random.nextInt(4);
                for (int i = 0; i < size && depth <= 6; i++) {
                    array.add(value(schema.path("items"), name, depth + 1));
                }
                return array;
            }
            case "integer" -> {
                long min = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
                long max = schema.has("maximum") ? schema.get("maximum").asLong() : min + 1000;
                return NODES.numberNode(Arbitraries.longs().between(min, max).sample());
            }
            case "number" -> {
                return NODES.numberNode(BigDecimal.valueOf(Arbitraries.longs().between(0, 100_000_000).sample(), 2));
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            default -> {
                if ("date".equals(schema.path("format").asText())) {
                    return NODES.textNode(chance(0.9) ? "2024-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10)
                            : Arbitraries.strings().ofMaxLength(12).sample());
                }
                int max = schema.has("maxLength") ? schema.get("maxLength").asInt() : 30;
                return NODES.textNode(Arbitraries.strings().all().ofMinLength(1).ofMaxLength(Math.min(max, 60))
                        .sample());
            }
        }
    }

    /** Values the test owns or the service ships, for fields that name other resources. */
    private String known(String name) {
        return switch (name) {
            case "program" -> own.get("programs");
            case "industrialCounty", "hostCounty" -> Fixtures.YIWU;
            case "mountainCounty" -> Fixtures.LIANDU;
            case "county", "cityCode" -> pick(List.of(Fixtures.YIWU, Fixtures.LIANDU, "331100"));
            case "track" -> "PROJECT_COOP";
            case "indicator" -> pick(List.of("SUPPLY_CONTRACTS_VALUE", "INVESTMENT_LEADS_SHARED", own.get("indicators")));
            case "code" -> Fixtures.uniqueCode("FZ");
            default -> null;
        };
    }

    /** Something of a random kind: what a field of any type might wrongly be given. */
    private JsonNode oddValue() {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.textNode(Arbitraries.strings().all().ofMaxLength(50).sample());
            case 1 -> NODES.textNode("字".repeat(1 + random.nextInt(100_000)));
            case 2 -> NODES.numberNode(-1 - random.nextInt(1000));
            case 3 -> NODES.numberNode(new BigDecimal("1e30"));
            case 4 -> NODES.numberNode(Arbitraries.longs().sample());
            case 5 -> NODES.numberNode(new BigDecimal("1e12"));
            case 6 -> NODES.numberNode(new BigDecimal(Arbitraries.doubles().sample()));
            case 7 -> NODES.booleanNode(true);
            case 8 -> NODES.nullNode();
            case 9 -> NODES.arrayNode().add(1).add("a");
            case 10 -> NODES.objectNode().put("x", 1);
            default -> NODES.textNode("NOT_A_VALUE");
        };
    }

    /** The body with one thing wrong with it, as text (or null: no body at all). */
    private String mutate(JsonNode tree) {
        List<JsonNode> containers = new ArrayList<>();
        collect(tree, containers);
        int kind = random.nextInt(10);
        if (kind >= 7 || containers.isEmpty()) {
            String text = String.valueOf(tree);
            return switch (kind) {
                case 7 -> text.substring(0, random.nextInt(Math.max(1, text.length()))); // truncated
                case 8 -> pick(List.of("", "null", "[]", "\"text\"", "42", "{", "{\"a\":}", "[".repeat(5000),
                        "{\"x\":" + "9".repeat(2000) + "}", text + text, "\u0000\u0001", "{\"\uD800\":1}"));
                default -> random.nextBoolean() ? null : String.valueOf(oddValue());
            };
        }
        JsonNode container = pick(containers);
        if (container instanceof ObjectNode object) {
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            String field = fields.isEmpty() || kind == 6 ? "unexpected" + random.nextInt(3) : pick(fields);
            switch (kind) {
                case 0 -> object.remove(field);
                case 1 -> object.put(field, "x".repeat(1 + random.nextInt(300_000)));
                case 2 -> object.put(field, pick(List.of(-1, Integer.MIN_VALUE)).intValue());
                case 3 -> object.set(field, NODES.numberNode(new BigDecimal(pick(List.of("1e30", "1e12",
                        "-0.001", "12345678901234567890.12345", "1E+400")))));
                case 4 -> object.put(field, "NOT_AN_ENUM_VALUE");
                default -> object.set(field, oddValue());
            }
        } else if (container instanceof ArrayNode array) {
            if (kind < 3 && !array.isEmpty()) {
                array.set(random.nextInt(array.size()), oddValue());
            } else {
                for (int i = 0; i < 1 + random.nextInt(kind == 5 ? 2000 : 3); i++) {
                    array.add(array.isEmpty() ? oddValue() : array.get(0).deepCopy());
                }
            }
        }
        return String.valueOf(tree);
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            node.elements().forEachRemaining(child -> collect(child, out));
        }
    }

    private JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            String[] ref = schema.get("$ref").asText().substring(2).split("/");
            JsonNode target = contract;
            for (String part : ref) {
                target = target.path(part);
            }
            schema = target;
        }
        return schema;
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        return type.isMissingNode() ? (schema.has("properties") ? "object" : "string") : type.asText();
    }

    /**
     * Short enough for the request line: beyond about 4 KB the HTTP layer refuses the request line itself (414, no
     * problem body) before the service sees it.
     */
    private static String inUri(String value) {
        return value.length() > 100 ? value.substring(0, 100) : value;
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + ")" : text;
    }

    // --- the test's own resources -------------------------------------------------------------------------------

    private void makeOwnResources() {
        String program = Fixtures.program(List.of(Fixtures.YIWU), List.of(Fixtures.LIANDU));
        long pairing = Fixtures.pairing(program, Fixtures.YIWU, Fixtures.LIANDU);
        own.put("programs", program);
        own.put("pairings", Long.toString(pairing));
        own.put("counties", Fixtures.YIWU);
        own.put("tracks", "PROJECT_COOP");
        own.put("projects", idOf(api().body(Map.of("track", "PROJECT_COOP", "title", "模糊测试项目", "hostCounty",
                Fixtures.LIANDU, "plannedOn", "2024-01-10")).post("/api/v1/pairings/{id}/projects", pairing)));
        own.put("activities", idOf(api().body(Map.of("track", "DIGITAL_ASSIST", "kind", "ENTERPRISE_DIAGNOSIS", "heldOn",
                "2024-03-15", "title", "模糊测试活动")).post("/api/v1/pairings/{id}/activities", pairing)));
        own.put("parks", idOf(api().body(Map.of("name", "模糊测试园区", "hostCounty", Fixtures.LIANDU))
                .post("/api/v1/pairings/{id}/parks", pairing)));
        String indicator = Fixtures.uniqueCode("FUZZ").replace('-', '_');
        api().body(Map.of("code", indicator, "track", "PROJECT_COOP", "nameZh", "模糊指标", "nameEn", "Fuzz",
                "unit", "个", "source", "REPORTED")).post("/api/v1/indicators").then().statusCode(201);
        own.put("indicators", indicator);
        own.put("scoring-schemes", idOf(api().body(Map.of("program", program, "year", 2024, "name", "模糊办法",
                "rules", Map.of("tracks", List.of(Map.of("track", "PROJECT_COOP", "weight", 100)), "indicators",
                        List.of(Map.of("indicator", indicator, "points", 100, "function", Map.of("type", "RATIO"))),
                        "bonusCap", 0, "deductionCap", 0)))
                .post("/api/v1/scoring-schemes")));
    }

    private static String idOf(Response created) {
        return Long.toString(created.then().statusCode(201).extract().jsonPath().getLong("id"));
    }
}
