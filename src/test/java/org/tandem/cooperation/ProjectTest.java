package org.tandem.cooperation;

import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tandem.support.Api.api;
import static org.tandem.support.Fixtures.HANGZHOU_SHANGCHENG;
import static org.tandem.support.Fixtures.LIANDU;
import static org.tandem.support.Fixtures.NANHU;
import static org.tandem.support.Fixtures.SUICHANG;
import static org.tandem.support.Fixtures.YIWU;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tandem.support.Fixtures;
import org.tandem.support.Statements;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProjectTest {

    /** The seed's Huanlong new-materials plant: Yiwu firm, built in Liandu. */
    static Map<String, Object> huanlong() {
        Map<String, Object> body = new HashMap<>();
        body.put("track", "PROJECT_COOP");
        body.put("title", "环龙新材料一期");
        body.put("leadEnterprise", "环龙新材料");
        body.put("hostCounty", LIANDU);
        body.put("investment", new BigDecimal("500000000"));
        body.put("expectedAnnualOutput", new BigDecimal("1500000000"));
        body.put("expectedAnnualTax", new BigDecimal("100000000"));
        body.put("plannedOn", "2023-06-01");
        return body;
    }

    static long create(long pairing, Map<String, Object> body) {
        return api().body(body).post("/api/v1/pairings/{id}/projects", pairing).then().statusCode(201).extract()
                .jsonPath().getLong("id");
    }

    static void move(long project, String to, String on) {
        api().body(Map.of("to", to, "on", on)).post("/api/v1/projects/{id}/transitions", project).then()
                .statusCode(200).body("status", equalTo(to));
    }

    @Test
    void recordsAProjectWithItsFiguresAndHost() {
        long pairing = Fixtures.yiwuLiandu();
        io.restassured.response.Response created = api().body(huanlong())
                .post("/api/v1/pairings/{id}/projects", pairing).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/projects/"))
                .header("ETag", org.hamcrest.Matchers.notNullValue()).body("status", equalTo("PLANNED"))
                .body("hostCounty.name", equalTo("莲都区")).body("pairing", equalTo((int) pairing)).extract()
                .response();
        String location = created.header("Location");
        // The creation's tag is the tag of what a read of the new project sends.
        api().get(location).then().statusCode(200).header("ETag", created.header("ETag"))
                .body("title", equalTo("环龙新材料一期"))
                .body("expectedAnnualOutput", comparesEqualTo(new BigDecimal("1500000000")))
                .body("expectedAnnualTax", comparesEqualTo(new BigDecimal("100000000")))
                .body("plannedOn", equalTo("2023-06-01")).body("signedOn", nullValue());
    }

    @Test
    void walksTheLifecycleForwardKeepingEveryDate() {
        long project = create(Fixtures.yiwuLiandu(), huanlong());
        move(project, "SIGNED", "2023-09-01");
        move(project, "UNDER_CONSTRUCTION", "2023-10-15");
        move(project, "IN_PRODUCTION", "2024-05-20");
        api().get("/api/v1/projects/{id}", project).then().body("signedOn", equalTo("2023-09-01"))
                .body("constructionStartedOn", equalTo("2023-10-15"))
                .body("productionStartedOn", equalTo("2024-05-20"));
    }

    @Test
    void anIllegalTransitionIs409AndLeavesTheProjectUnchanged() {
        long project = create(Fixtures.yiwuLiandu(), huanlong());
        move(project, "IN_PRODUCTION", "2024-05-20");
        api().body(Map.of("to", "SIGNED", "on", "2024-06-01")).post("/api/v1/projects/{id}/transitions", project)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/illegal-transition"))
                .body("detail", equalTo("a project cannot move from IN_PRODUCTION to SIGNED"));
        api().body(Map.of("to", "CANCELLED", "on", "2024-06-01")).post("/api/v1/projects/{id}/transitions", project)
                .then().statusCode(409);
        api().get("/api/v1/projects/{id}", project).then().body("status", equalTo("IN_PRODUCTION"))
                .body("productionStartedOn", equalTo("2024-05-20")).body("cancelledOn", nullValue());
    }

    @Test
    void aSkippedStepIsTakenOnTheDateOfTheMove() {
        long pairing = Fixtures.yiwuLiandu();
        long straight = create(pairing, huanlong());
        move(straight, "IN_PRODUCTION", "2024-05-20");
        api().get("/api/v1/projects/{id}", straight).then().body("plannedOn", equalTo("2023-06-01"))
                .body("signedOn", equalTo("2024-05-20")).body("constructionStartedOn", equalTo("2024-05-20"))
                .body("productionStartedOn", equalTo("2024-05-20"));

        long signed = create(pairing, huanlong());
        move(signed, "SIGNED", "2023-09-01");
        move(signed, "IN_PRODUCTION", "2024-01-10");
        api().get("/api/v1/projects/{id}", signed).then().body("signedOn", equalTo("2023-09-01"))
                .body("constructionStartedOn", equalTo("2024-01-10"));

        // Cancelling implies no step.
        long cancelled = create(pairing, huanlong());
        move(cancelled, "CANCELLED", "2023-07-01");
        api().get("/api/v1/projects/{id}", cancelled).then().body("signedOn", nullValue())
                .body("constructionStartedOn", nullValue()).body("cancelledOn", equalTo("2023-07-01"));
    }

    @Test
    void cancelsFromAnyOpenStateButNotBackwardsInTime() {
        long project = create(Fixtures.yiwuLiandu(), huanlong());
        move(project, "SIGNED", "2023-09-01");
        api().body(Map.of("to", "CANCELLED", "on", "2023-08-01")).post("/api/v1/projects/{id}/transitions", project)
                .then().statusCode(400).body("errors[0].field", equalTo("on"));
        api().body(Map.of("to", "SIGNED", "on", "2023-09-02")).post("/api/v1/projects/{id}/transitions", project)
                .then().statusCode(409);
        move(project, "CANCELLED", "2023-12-01");
        api().body(Map.of("to", "PLANNING", "on", "2024-01-01")).post("/api/v1/projects/{id}/transitions", project)
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    @Test
    void refusesAHostOutsideThePairAndBadFigures() {
        long pairing = Fixtures.yiwuLiandu();
        Map<String, Object> body = huanlong();
        body.put("hostCounty", HANGZHOU_SHANGCHENG);
        api().body(body).post("/api/v1/pairings/{id}/projects", pairing).then().statusCode(400)
                .body("errors[0].field", equalTo("hostCounty"));
        body = huanlong();
        body.put("investment", -1);
        body.put("track", "NO_TRACK");
        api().body(body).post("/api/v1/pairings/{id}/projects", pairing).then().statusCode(400)
                .body("errors[0].field", equalTo("investment"));
        body = huanlong();
        body.put("track", "NO_TRACK");
        api().body(body).post("/api/v1/pairings/{id}/projects", pairing).then().statusCode(400)
                .body("errors[0].field", equalTo("track"));
        api().body(huanlong()).post("/api/v1/pairings/{id}/projects", 987654321).then().statusCode(404);
        api().get("/api/v1/pairings/{id}/projects", pairing).then().body("totalItems", equalTo(0));
    }

    @Test
    void plannedOnCannotMovePastALaterStep() {
        long project = create(Fixtures.yiwuLiandu(), huanlong());
        move(project, "SIGNED", "2023-09-01");
        Map<String, Object> body = huanlong();
        body.put("plannedOn", "2023-10-01");
        api().body(body).put("/api/v1/projects/{id}", project).then().statusCode(400)
                .body("errors[0].field", equalTo("plannedOn"));
        body.put("plannedOn", "2023-08-01");
        body.put("title", "环龙新材料一期（扩建）");
        String etag = api().get("/api/v1/projects/{id}", project).then().extract().header("ETag");
        api().header("If-Match", etag).body(body).put("/api/v1/projects/{id}", project).then().statusCode(200)
                .body("title", equalTo("环龙新材料一期（扩建）")).body("status", equalTo("SIGNED"));
        api().header("If-Match", etag).delete("/api/v1/projects/{id}", project).then().statusCode(412);
        api().delete("/api/v1/projects/{id}", project).then().statusCode(204);
        api().get("/api/v1/projects/{id}", project).then().statusCode(404);
    }

    @Test
    void listsAcrossPairingsByProgramTrackStatusCountyAndYear() {
        String program = Fixtures.program(List.of(YIWU, NANHU), List.of(LIANDU, SUICHANG));
        long yiwu = Fixtures.pairing(program, YIWU, LIANDU);
        long nanhu = Fixtures.pairing(program, NANHU, SUICHANG);
        long huanlong = create(yiwu, huanlong());
        move(huanlong, "IN_PRODUCTION", "2024-05-20");
        Map<String, Object> bamboo = huanlong();
        bamboo.put("title", "竹产业项目");
        bamboo.put("hostCounty", SUICHANG);
        bamboo.put("track", "CHAIN_COLLAB");
        bamboo.put("plannedOn", "2023-03-01");
        long chain = create(nanhu, bamboo);

        api().queryParam("program", program).get("/api/v1/projects").then().statusCode(200)
                .body("items.id", contains((int) huanlong, (int) chain));
        api().queryParam("program", program).queryParam("track", "CHAIN_COLLAB").get("/api/v1/projects").then()
                .body("items.id", contains((int) chain));
        api().queryParam("program", program).queryParam("status", "IN_PRODUCTION").get("/api/v1/projects").then()
                .body("items.id", contains((int) huanlong));
        api().queryParam("program", program).queryParam("county", NANHU).get("/api/v1/projects").then()
                .body("items.id", contains((int) chain));
        // Either side of the pair; a county with no pair in the programme has no projects there.
        api().queryParam("program", program).queryParam("county", LIANDU).get("/api/v1/projects").then()
                .body("items.id", contains((int) huanlong)).body("totalItems", equalTo(1));
        api().queryParam("program", program).queryParam("county", Fixtures.HANGZHOU_XIHU).get("/api/v1/projects")
                .then().statusCode(200).body("items", empty()).body("totalItems", equalTo(0));
        api().queryParam("program", program).queryParam("year", 2024).get("/api/v1/projects").then()
                .body("items.id", contains((int) huanlong));
        api().queryParam("program", program).queryParam("year", 2023).queryParam("sort", "-id")
                .get("/api/v1/projects").then().body("items.id", contains((int) chain, (int) huanlong));
        api().queryParam("program", program).queryParam("status", "DONE").get("/api/v1/projects").then()
                .statusCode(400);
    }

    @Test
    void theYearFilterFollowsEveryWriteOfTheProjectsSteps() {
        String program = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        long pairing = Fixtures.pairing(program, YIWU, LIANDU);
        long other = create(pairing, huanlong()); // planned 2023, stays so
        long project = create(pairing, huanlong());
        assertYear(program, 2023, Map.of(), other, project);
        assertYear(program, 2022, Map.of());

        // The planning date moves to another year: the project moves with it.
        Map<String, Object> earlier = huanlong();
        earlier.put("plannedOn", "2022-03-01");
        earlier.put("track", "CHAIN_COLLAB");
        api().body(earlier).put("/api/v1/projects/{id}", project).then().statusCode(200);
        assertYear(program, 2023, Map.of(), other);
        assertYear(program, 2022, Map.of(), project);
        assertYear(program, 2022, Map.of("track", "CHAIN_COLLAB"), project);
        assertYear(program, 2022, Map.of("track", "PROJECT_COOP"));

        // A step taken in a later year adds that year and keeps the earlier ones; the status filter follows it.
        move(project, "IN_PRODUCTION", "2024-02-01");
        assertYear(program, 2024, Map.of(), project);
        assertYear(program, 2022, Map.of("status", "IN_PRODUCTION"), project);
        assertYear(program, 2022, Map.of("status", "PLANNED"));
        assertYear(program, 2024, Map.of("status", "IN_PRODUCTION", "track", "CHAIN_COLLAB", "hostCounty", LIANDU,
                "county", YIWU), project);
        assertYear(program, 2024, Map.of("hostCounty", YIWU));
        move(other, "CANCELLED", "2024-07-01");
        assertYear(program, 2024, Map.of("sort", "-id"), project, other);
        assertYear(program, 2024, Map.of("status", "CANCELLED"), other);
        assertYear(program, 2023, Map.of("status", "CANCELLED"), other);
        assertYear(program, 2023, Map.of("status", "PLANNED"));

        // Deleted, it matches no year.
        api().delete("/api/v1/projects/{id}", project).then().statusCode(204);
        assertYear(program, 2022, Map.of());
        assertYear(program, 2024, Map.of(), other);
    }

    /** The programme's projects with a step in {@code year} under {@code filters}: exactly {@code ids}, and their count. */
    private static void assertYear(String program, int year, Map<String, Object> filters, long... ids) {
        Integer[] expected = java.util.Arrays.stream(ids).mapToObj(id -> (int) id).toArray(Integer[]::new);
        var items = api().queryParam("program", program).queryParam("year", year).queryParams(filters)
                .get("/api/v1/projects").then().statusCode(200).body("totalItems", equalTo(ids.length));
        if (ids.length == 0) {
            items.body("items", org.hamcrest.Matchers.empty());
        } else {
            items.body("items.id", contains(expected));
        }
    }

    @Test
    void theYearFilterPagesAndCountsLikeTheOtherFilters() {
        String program = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        long pairing = Fixtures.pairing(program, YIWU, LIANDU);
        long first = create(pairing, huanlong());
        long second = create(pairing, huanlong());
        long third = create(pairing, huanlong());
        api().queryParam("program", program).queryParam("year", 2023).queryParam("size", 2).queryParam("page", 1)
                .get("/api/v1/projects").then().statusCode(200).body("totalItems", equalTo(3))
                .body("items.id", contains((int) third));
        api().queryParam("program", program).queryParam("year", 2023).queryParam("sort", "-investment")
                .queryParam("size", 2).get("/api/v1/projects").then().statusCode(200)
                .body("items.id", contains((int) first, (int) second))
                .body("items[0].hostCounty.name", equalTo("莲都区")).body("items[0].program", equalTo(program));
        api().queryParam("program", "NO-SUCH").queryParam("year", 2023).get("/api/v1/projects").then()
                .statusCode(200).body("totalItems", equalTo(0));
        // In id order with the filters an index of project_year starts with (read in that index's order): both
        // directions, and the page after.
        for (Map<String, Object> filters : List.<Map<String, Object>> of(Map.of(),
                Map.of("track", "PROJECT_COOP", "status", "PLANNED"), Map.of("status", "PLANNED"),
                Map.of("hostCounty", LIANDU), Map.of("hostCounty", LIANDU, "status", "PLANNED"),
                Map.of("county", YIWU), Map.of("county", LIANDU, "track", "PROJECT_COOP", "status", "PLANNED"))) {
            api().queryParam("program", program).queryParam("year", 2023).queryParams(filters)
                    .queryParam("size", 2).get("/api/v1/projects").then().statusCode(200)
                    .body("totalItems", equalTo(3)).body("items.id", contains((int) first, (int) second));
            api().queryParam("program", program).queryParam("year", 2023).queryParams(filters)
                    .queryParam("sort", "-id").queryParam("size", 2).queryParam("page", 1).get("/api/v1/projects")
                    .then().statusCode(200).body("items.id", contains((int) first));
        }
    }

    @Test
    void aCountysProjectsOfAYearAreThoseOfItsPairsOnEitherSideInEveryProgramme() {
        String first = Fixtures.program(List.of(YIWU, NANHU), List.of(LIANDU, SUICHANG));
        String second = Fixtures.program(List.of(YIWU), List.of(SUICHANG));
        Map<String, Object> inSuichang = huanlong();
        inSuichang.put("hostCounty", SUICHANG);
        long yiwuLiandu = create(Fixtures.pairing(first, YIWU, LIANDU), huanlong());
        long nanhuSuichang = create(Fixtures.pairing(first, NANHU, SUICHANG), inSuichang);
        long yiwuSuichang = create(Fixtures.pairing(second, YIWU, SUICHANG), inSuichang);

        assertYear(first, 2023, Map.of("county", YIWU), yiwuLiandu);
        assertYear(second, 2023, Map.of("county", YIWU), yiwuSuichang);
        assertYear(first, 2023, Map.of("county", SUICHANG), nanhuSuichang);
        assertYear(first, 2023, Map.of("county", NANHU, "track", "CHAIN_COLLAB"));
        // A county with no pair in the programme has no projects in it.
        assertYear(second, 2023, Map.of("county", LIANDU));
        assertYear(first, 2024, Map.of("county", YIWU));
        // Without a programme: the county's pairs in every programme (other tests' projects of Suichang among them).
        api().queryParam("year", 2023).queryParam("county", SUICHANG).queryParam("size", 500)
                .get("/api/v1/projects").then().statusCode(200)
                .body("items.id", hasItems((int) nanhuSuichang, (int) yiwuSuichang))
                .body("items.id", not(hasItem((int) yiwuLiandu)));
    }

    @Test
    void theProjectListCostsTheSameStatementsWhateverThePageSize() {
        long pairing = Fixtures.yiwuLiandu();
        for (int i = 0; i < 5; i++) {
            create(pairing, huanlong());
        }
        assertEquals(statementsFor(1), statementsFor(5));
    }

    private long statementsFor(int size) {
        return Statements.of(() -> api().queryParam("size", size).get("/api/v1/projects").then().statusCode(200));
    }
}
