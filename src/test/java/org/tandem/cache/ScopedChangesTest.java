package org.tandem.cache;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.cooperation.ActivityKind;
import org.tandem.support.Api;
import org.tandem.support.CooperationRecords;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * A write forgets only what it changed: a clerk's write into one pairing leaves the kept reads of another
 * programme, of another pairing and of the counties in place, and is seen at once by the reads that show it.
 * Whether a read was kept is seen from {@code tandem_reads_kept_early_total}: only a kept, fresh read is sent
 * right after authentication ({@link KeptReadRoute}).
 */
@QuarkusTest
class ScopedChangesTest {

    @Inject
    DataVersion dataVersion;
    @Inject
    CooperationRecords records;

    private String programA;
    private long pairingA;
    private String programB;
    private long pairingB;
    private String viewer;

    @BeforeEach
    void twoProgrammes() throws InterruptedException {
        KeptReads.awaitKept(dataVersion);
        programA = Fixtures.program(List.of(Fixtures.YIWU), List.of(Fixtures.LIANDU));
        pairingA = Fixtures.pairing(programA, Fixtures.YIWU, Fixtures.LIANDU);
        programB = Fixtures.program(List.of(Fixtures.YIWU), List.of(Fixtures.LIANDU));
        pairingB = Fixtures.pairing(programB, Fixtures.YIWU, Fixtures.LIANDU);
        viewer = Api.token(Fixtures.user("viewer", null), Fixtures.PASSWORD);
    }

    private Response read(String path) {
        return RestAssured.given().auth().oauth2(viewer).get(path);
    }

    private List<String> readsOfB() {
        return List.of("/api/v1/counties?size=5", "/api/v1/pairings?program=" + programB,
                "/api/v1/projects?program=" + programB, "/api/v1/pairings/" + pairingB + "/years/2024/progress",
                "/api/v1/programs/" + programB + "/summary?year=2024");
    }

    /** Reads each twice, so that each is kept and has been sent once. */
    private void keep(List<String> paths) {
        for (String path : paths) {
            read(path).then().statusCode(200);
            read(path).then().statusCode(200);
        }
    }

    @Test
    void aClerksWriteIntoOnePairingLeavesOtherReadsKeptAndIsSeenAtOnce() {
        String projectsOfA = "/api/v1/projects?program=" + programA;
        String progressOfA = "/api/v1/pairings/" + pairingA + "/years/2024/progress";
        keep(readsOfB());
        keep(List.of(projectsOfA, progressOfA));
        read(projectsOfA).then().body("totalItems", equalTo(0));

        records.project(pairingA, "PROJECT_COOP", new BigDecimal("1000.00"), null, null, "2024-03-01");

        double before = KeptReads.sentEarly();
        for (String path : readsOfB()) {
            read(path).then().statusCode(200);
        }
        assertEquals(before + readsOfB().size(), KeptReads.sentEarly(), "another programme's reads and the counties stay kept");
        read(projectsOfA).then().statusCode(200).body("totalItems", equalTo(1));
        read(progressOfA).then().statusCode(200);
        assertEquals(before + readsOfB().size(), KeptReads.sentEarly(), "the reads that show the write are read again");
    }

    @Test
    void anActivityLeavesItsProgrammesProjectsKeptAndIsSeenByItsPairAtOnce() {
        String projectsOfA = "/api/v1/projects?program=" + programA;
        String activitiesOfA = "/api/v1/pairings/" + pairingA + "/activities";
        keep(List.of(projectsOfA));
        read(activitiesOfA).then().statusCode(200).body("totalItems", equalTo(0));

        records.activity(pairingA, "CHAIN_COLLAB", ActivityKind.DOCKING_MEETING, "2024-05-10", 20, null, null);

        double before = KeptReads.sentEarly();
        read(projectsOfA).then().statusCode(200).body("totalItems", equalTo(0));
        assertEquals(before + 1, KeptReads.sentEarly(), "the programme's projects stay kept through an activity");
        read(activitiesOfA).then().statusCode(200).body("totalItems", equalTo(1));

        records.project(pairingA, "PROJECT_COOP", new BigDecimal("1000.00"), null, null, "2024-03-01");
        before = KeptReads.sentEarly();
        read(projectsOfA).then().statusCode(200).body("totalItems", equalTo(1));
        assertEquals(before, KeptReads.sentEarly(), "a project is seen by the next read of the programme's projects");
    }

    /** What the summary at {@code path} says was disbursed to its first group in its first year. */
    private BigDecimal disbursed(String path) {
        return new BigDecimal(read(path).then().statusCode(200).extract().jsonPath()
                .getString("groups[0].years[0].funding.disbursed"));
    }

    @Test
    void moneyAndApprovalsOfOnePairLeaveOtherReadsKeptAndAreSeenAtOnce() {
        String summaryOfA = "/api/v1/programs/" + programA + "/summary?year=2024";
        String progressOfA = "/api/v1/pairings/" + pairingA + "/years/2024/progress";
        keep(readsOfB());
        keep(List.of(summaryOfA, progressOfA));
        assertEquals(0, BigDecimal.ZERO.compareTo(disbursed(summaryOfA)));

        Api.api().body(Map.of("kind", "DISBURSEMENT", "pairing", pairingA, "year", 2024, "amount", 1000, "paidOn",
                "2024-06-01", "reference", "浙财企〔2024〕9号", "override", true, "reason", "先行拨付"))
                .post("/api/v1/ledger/entries").then().statusCode(201);
        double before = KeptReads.sentEarly();
        for (String path : readsOfB()) {
            read(path).then().statusCode(200);
        }
        assertEquals(before + readsOfB().size(), KeptReads.sentEarly(), "a pair's ledger entry leaves other reads kept");
        assertEquals(0, new BigDecimal("1000").compareTo(disbursed(summaryOfA)));
        assertEquals(before + readsOfB().size(), KeptReads.sentEarly(), "the pair's summary shows the entry at once");

        keep(List.of(progressOfA));
        String actuals = "/api/v1/pairings/" + pairingA + "/years/2024/actuals";
        Api.api().post(actuals + "/submit").then().statusCode(200);
        Api.api().body(Map.of("comment", "省级审定")).post(actuals + "/approve").then().statusCode(200)
                .body("state", equalTo("APPROVED"));
        before = KeptReads.sentEarly();
        for (String path : readsOfB()) {
            read(path).then().statusCode(200);
        }
        assertEquals(before + readsOfB().size(), KeptReads.sentEarly(), "an approval leaves other reads kept");
        read(progressOfA).then().statusCode(200).body("actualsState", equalTo("APPROVED"));
        assertEquals(before + readsOfB().size(), KeptReads.sentEarly(), "the pair's progress shows it at once");
    }

    @Test
    void aChangeOfAPairingIsSeenByItsProgrammesListOnly() {
        String pairingsOfA = "/api/v1/pairings?program=" + programA;
        keep(readsOfB());
        keep(List.of(pairingsOfA));
        Api.api().body(Map.of("sourceNote", "只改了甲")).header("If-Match",
                Api.api().get("/api/v1/pairings/{id}", pairingA).header("ETag")).patch("/api/v1/pairings/{id}", pairingA)
                .then().statusCode(200);
        double before = KeptReads.sentEarly();
        read(pairingsOfA).then().statusCode(200).body("items[0].sourceNote", equalTo("只改了甲"));
        assertEquals(before, KeptReads.sentEarly());
        for (String path : readsOfB()) {
            read(path).then().statusCode(200);
        }
        assertEquals(before + readsOfB().size(), KeptReads.sentEarly());
    }

    @Test
    void aChangeOfReferenceDataLetsEveryReadGo() {
        keep(readsOfB());
        Fixtures.program(List.of(Fixtures.YIWU), List.of(Fixtures.LIANDU));
        double before = KeptReads.sentEarly();
        for (String path : readsOfB()) {
            read(path).then().statusCode(200);
        }
        assertEquals(before, KeptReads.sentEarly());
    }

    @Test
    void aChangeOfAUserLeavesTheDataKeptAndIsSeenByTheTokenCheckAtOnce() {
        keep(readsOfB());
        String username = Fixtures.user("viewer", null);
        String token = Api.token(username, Fixtures.PASSWORD);
        double before = KeptReads.sentEarly();
        for (String path : readsOfB()) {
            read(path).then().statusCode(200);
        }
        assertEquals(before + readsOfB().size(), KeptReads.sentEarly(), "a new user and a login leave kept reads alone");
        long id = Api.api().get("/api/v1/users?size=500").then().extract().jsonPath()
                .getLong("items.find { it.username == '" + username + "' }.id");
        Api.api().body(Map.of("username", username, "roles", List.of("viewer"), "enabled", false))
                .put("/api/v1/users/{id}", id).then().statusCode(200);
        RestAssured.given().auth().oauth2(token).get(readsOfB().get(0)).then().statusCode(401);
        read(readsOfB().get(0)).then().statusCode(200);
    }
}
