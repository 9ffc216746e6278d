package org.tandem.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.tandem.support.Api.anonymous;
import static org.tandem.support.Api.api;
import static org.tandem.support.Fixtures.LIANDU;
import static org.tandem.support.Fixtures.NANHU;
import static org.tandem.support.Fixtures.SUICHANG;
import static org.tandem.support.Fixtures.YIWU;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tandem.support.Api;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Who may do what: each role against a representative endpoint of each feature. */
@QuarkusTest
class AccessControlTest {

    static String program;
    static long yiwuLiandu;
    static long nanhuSuichang;
    static Map<String, String> users;

    /** Made once, on first use: the application is not up before the first test starts. */
    static synchronized void data() {
        if (program != null) {
            return;
        }
        program = Fixtures.program(List.of(YIWU, NANHU), List.of(LIANDU, SUICHANG));
        yiwuLiandu = Fixtures.pairing(program, YIWU, LIANDU);
        nanhuSuichang = Fixtures.pairing(program, NANHU, SUICHANG);
        users = Map.of("admin", "admin", "assessor", Fixtures.user("assessor", null), "viewer",
                Fixtures.user("viewer", null), "liandu-editor", Fixtures.user("county-editor", LIANDU));
    }

    static RequestSpecification as(String who) {
        if (who.equals("anonymous")) {
            return anonymous();
        }
        return who.equals("admin") ? api() : Api.as(users.get(who), Fixtures.PASSWORD);
    }

    static Map<String, Object> project() {
        return Map.of("track", "PROJECT_COOP", "title", "测试项目", "hostCounty", LIANDU, "plannedOn", "2024-01-10");
    }

    /** role, what, expected status. */
    static Stream<Arguments> matrix() {
        return Stream.of(
                row("anonymous", "read counties", 401), row("viewer", "read counties", 200),
                row("liandu-editor", "read counties", 200), row("assessor", "read counties", 200),
                row("admin", "create program", 201), row("assessor", "create program", 403),
                row("viewer", "create program", 403), row("liandu-editor", "create program", 403),
                row("anonymous", "create program", 401),
                row("admin", "project on own pair", 201), row("liandu-editor", "project on own pair", 201),
                row("viewer", "project on own pair", 403), row("assessor", "project on own pair", 403),
                row("liandu-editor", "project on other pair", 403),
                row("liandu-editor", "targets on own pair", 200), row("liandu-editor", "targets on other pair", 403),
                row("assessor", "create scheme", 400), row("viewer", "create scheme", 403),
                row("liandu-editor", "create scheme", 403),
                row("assessor", "start run", 409), row("viewer", "start run", 403),
                row("admin", "read audit", 200), row("assessor", "read audit", 200), row("viewer", "read audit", 403),
                row("liandu-editor", "read audit", 403), row("anonymous", "read audit", 401),
                row("admin", "list users", 200), row("assessor", "list users", 403),
                row("viewer", "read progress", 200));
    }

    private static Arguments row(String who, String what, int status) {
        return Arguments.of(who, what, status);
    }

    Response call(String who, String what) {
        data();
        Map<String, Function<RequestSpecification, Response>> calls = Map.ofEntries(
                Map.entry("read counties", r -> r.get("/api/v1/counties")),
                Map.entry("create program", r -> r.body(Map.of("code", Fixtures.uniqueCode("AC"), "name", "权限",
                        "startYear", 2024, "endYear", 2025)).post("/api/v1/programs")),
                Map.entry("project on own pair", r -> r.body(project())
                        .post("/api/v1/pairings/{id}/projects", yiwuLiandu)),
                Map.entry("project on other pair", r -> r.body(Map.of("track", "PROJECT_COOP", "title", "越权",
                        "hostCounty", SUICHANG, "plannedOn", "2024-01-10"))
                        .post("/api/v1/pairings/{id}/projects", nanhuSuichang)),
                Map.entry("targets on own pair", r -> r.body(Map.of("items", List.of(Map.of("indicator",
                        "LEAN_BENCHMARK_PROJECTS", "value", 3)))).put("/api/v1/pairings/{id}/years/2024/targets",
                                yiwuLiandu)),
                Map.entry("targets on other pair", r -> r.body(Map.of("items", List.of(Map.of("indicator",
                        "LEAN_BENCHMARK_PROJECTS", "value", 3)))).put("/api/v1/pairings/{id}/years/2024/targets",
                                nanhuSuichang)),
                // Allowed roles get past security to validation (400): the body has no rules.
                Map.entry("create scheme", r -> r.body(Map.of("program", program, "year", 2024, "name", "x"))
                        .post("/api/v1/scoring-schemes")),
                // Allowed roles get past security to the missing scheme (409).
                Map.entry("start run", r -> r.body(Map.of("program", program, "year", 2024))
                        .post("/api/v1/assessment-runs")),
                Map.entry("read audit", r -> r.get("/api/v1/audit-events")),
                Map.entry("list users", r -> r.get("/api/v1/users")),
                Map.entry("read progress", r -> r.get("/api/v1/pairings/{id}/years/2024/progress", yiwuLiandu)));
        return calls.get(what).apply(as(who));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("matrix")
    void theRoleDecides(String who, String what, int status) {
        Response response = call(who, what);
        response.then().statusCode(status);
        if (status == 401 || status == 403) {
            response.then().contentType("application/problem+json").body("status", equalTo(status));
        }
    }

    @Test
    void aCountyEditorTouchingAnotherPairChangesNothing() {
        call("liandu-editor", "targets on other pair").then().statusCode(403)
                .body("type", equalTo("/problems/not-your-pairing"));
        api().get("/api/v1/pairings/{id}/years/2024/targets", nanhuSuichang).then().statusCode(200)
                .body("items.find { it.indicator == 'LEAN_BENCHMARK_PROJECTS' }", nullValue());
        api().get("/api/v1/pairings/{id}/projects", nanhuSuichang).then().body("totalItems", equalTo(0));
    }

    /** A user with one role, made by the admin: its creation's response (id and ETag). */
    private static Response userWith(String role) {
        return api().body(Map.of("username", Fixtures.uniqueCode(role).toLowerCase(), "password", Fixtures.PASSWORD,
                "roles", List.of(role))).post("/api/v1/users").then().statusCode(201).extract().response();
    }

    private static Response changeRoles(Response user, String etag, String role) {
        return api().header("If-Match", etag)
                .body(Map.of("username", user.jsonPath().getString("username"), "roles", List.of(role)))
                .put("/api/v1/users/{id}", user.jsonPath().getLong("id")).then().extract().response();
    }

    /** What only an admin may do: create a user. */
    private static int createsAUser(String token) {
        return anonymous().auth().oauth2(token).body(Map.of("username", Fixtures.uniqueCode("by").toLowerCase(),
                "password", Fixtures.PASSWORD, "roles", List.of("viewer"))).post("/api/v1/users").then().extract()
                .statusCode();
    }

    @Test
    void aDemotedAdminIsRefusedFromTheVeryNextRequestOn() {
        Response admin = userWith("admin");
        String token = Api.token(admin.jsonPath().getString("username"), Fixtures.PASSWORD);
        assertEquals(201, createsAUser(token));
        Response demoted = changeRoles(admin, admin.header("ETag"), "viewer");
        demoted.then().statusCode(200).body("roles", equalTo(List.of("viewer")));
        assertNotEquals(admin.header("ETag"), demoted.header("ETag"));
        api().get("/api/v1/users/{id}", admin.jsonPath().getLong("id")).then().header("ETag", demoted.header("ETag"))
                .body("roles", equalTo(List.of("viewer")));
        assertEquals(403, createsAUser(token));
    }

    @Test
    void aPromotedViewerMayActAsAdminFromTheVeryNextRequestOn() {
        Response viewer = userWith("viewer");
        String token = Api.token(viewer.jsonPath().getString("username"), Fixtures.PASSWORD);
        assertEquals(403, createsAUser(token));
        changeRoles(viewer, viewer.header("ETag"), "admin").then().statusCode(200);
        assertEquals(201, createsAUser(token));
    }

    @Test
    void twoRoleChangesFromTheSameVersionMakeOneWinner() {
        Response user = userWith("viewer");
        changeRoles(user, user.header("ETag"), "assessor").then().statusCode(200);
        changeRoles(user, user.header("ETag"), "admin").then().statusCode(412)
                .contentType("application/problem+json");
        api().get("/api/v1/users/{id}", user.jsonPath().getLong("id")).then().body("roles",
                equalTo(List.of("assessor")));
    }
}
