package org.tandem.cooperation;

import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.tandem.support.Api.api;
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

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ActivityAndParkTest {

    static Map<String, Object> diagnosis(String heldOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("track", "DIGITAL_ASSIST");
        body.put("kind", "ENTERPRISE_DIAGNOSIS");
        body.put("heldOn", heldOn);
        body.put("title", "遂昌企业精益管理诊断");
        body.put("enterprises", 40);
        return body;
    }

    @Test
    void recordsFiltersUpdatesAndDeletesActivities() {
        long pairing = Fixtures.pairing(Fixtures.program(List.of(NANHU), List.of(SUICHANG)), NANHU, SUICHANG);
        long diagnosis = api().body(diagnosis("2024-04-01")).post("/api/v1/pairings/{id}/activities", pairing).then()
                .statusCode(201).body("enterprises", equalTo(40)).extract().jsonPath().getLong("id");
        Map<String, Object> meeting = new HashMap<>(Map.of("track", "CHAIN_COLLAB", "kind", "DOCKING_MEETING",
                "heldOn", "2023-11-20", "title", "化工产业链对接会", "enterprises", 10, "amount", 1000000000));
        long docking = api().body(meeting).post("/api/v1/pairings/{id}/activities", pairing).then().statusCode(201)
                .extract().jsonPath().getLong("id");

        api().get("/api/v1/pairings/{id}/activities", pairing).then().statusCode(200)
                .body("items.id", contains((int) docking, (int) diagnosis));
        api().queryParam("year", 2024).get("/api/v1/pairings/{id}/activities", pairing).then()
                .body("items.id", contains((int) diagnosis));
        api().queryParam("kind", "DOCKING_MEETING").get("/api/v1/pairings/{id}/activities", pairing).then()
                .body("items.id", contains((int) docking)).body("items[0].amount",
                        comparesEqualTo(new BigDecimal("1000000000")));

        Map<String, Object> changed = diagnosis("2024-04-02");
        changed.put("enterprises", 18);
        changed.put("title", "预诊断");
        String etag = api().get("/api/v1/activities/{id}", diagnosis).then().extract().header("ETag");
        api().header("If-Match", etag).body(changed).put("/api/v1/activities/{id}", diagnosis).then()
                .statusCode(200).body("enterprises", equalTo(18));
        api().delete("/api/v1/activities/{id}", docking).then().statusCode(204);
        api().get("/api/v1/activities/{id}", docking).then().statusCode(404);
        api().get("/api/v1/activities/{id}", diagnosis).then().body("title", equalTo("预诊断"));
    }

    @Test
    void refusesBadActivities() {
        long pairing = Fixtures.yiwuLiandu();
        Map<String, Object> body = diagnosis("2024-04-01");
        body.put("enterprises", -3);
        api().body(body).post("/api/v1/pairings/{id}/activities", pairing).then().statusCode(400)
                .body("errors[0].field", equalTo("enterprises"));
        body = diagnosis("2024-02-30");
        api().body(body).post("/api/v1/pairings/{id}/activities", pairing).then().statusCode(400)
                .body("errors[0].field", equalTo("heldOn"));
        body = diagnosis("2024-04-01");
        body.put("kind", "PARTY");
        api().body(body).post("/api/v1/pairings/{id}/activities", pairing).then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        api().get("/api/v1/pairings/{id}/activities", pairing).then().body("totalItems", equalTo(0));
    }

    @Test
    void parksAndTheProgramsCoverage() {
        String program = Fixtures.program(List.of(YIWU, NANHU), List.of(LIANDU, SUICHANG));
        long yiwu = Fixtures.pairing(program, YIWU, LIANDU);
        long nanhu = Fixtures.pairing(program, NANHU, SUICHANG);
        api().get("/api/v1/programs/{code}/park-coverage", program).then().statusCode(200)
                .body("pairings", equalTo(2)).body("pairingsWithPark", equalTo(0))
                .body("coverage", comparesEqualTo(BigDecimal.ZERO));

        long park = api().body(Map.of("name", "南湖遂昌竹产业共富产业园", "hostCounty", SUICHANG, "establishedOn",
                "2024-03-01", "areaMu", 120.5, "focusIndustry", "竹产业")).post("/api/v1/pairings/{id}/parks", nanhu)
                .then().statusCode(201).body("hostCounty.name", equalTo("遂昌县")).extract().jsonPath().getLong("id");
        api().body(Map.of("name", "义乌莲都产业园", "hostCounty", LIANDU, "establishedOn", "2024-08-01"))
                .post("/api/v1/pairings/{id}/parks", yiwu).then().statusCode(201);
        api().body(Map.of("name", "越界园区", "hostCounty", NANHU)).post("/api/v1/pairings/{id}/parks", yiwu).then()
                .statusCode(400).body("errors[0].field", equalTo("hostCounty"));

        api().queryParam("asOf", "2024-06-30").get("/api/v1/programs/{code}/park-coverage", program).then()
                .body("pairingsWithPark", equalTo(1)).body("coverage", comparesEqualTo(new BigDecimal("0.5")));
        api().get("/api/v1/programs/{code}/park-coverage", program).then().body("pairingsWithPark", equalTo(2))
                .body("coverage", comparesEqualTo(BigDecimal.ONE)).body("asOf", nullValue());

        api().get("/api/v1/parks/{id}", park).then().statusCode(200).body("areaMu", comparesEqualTo(new BigDecimal("120.5")));
        api().get("/api/v1/pairings/{id}/parks", nanhu).then().body("items.id", contains((int) park));
        api().delete("/api/v1/parks/{id}", park).then().statusCode(204);
        api().queryParam("asOf", "2024-06-30").get("/api/v1/programs/{code}/park-coverage", program).then()
                .body("pairingsWithPark", equalTo(0));
        api().get("/api/v1/programs/{code}/park-coverage", "NO-SUCH").then().statusCode(404);
    }
}
