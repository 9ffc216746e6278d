package org.tandem.indicator;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.cooperation.ProjectStatus.CANCELLED;
import static org.tandem.cooperation.ProjectStatus.IN_PRODUCTION;
import static org.tandem.cooperation.ProjectStatus.SIGNED;
import static org.tandem.cooperation.ProjectStatus.UNDER_CONSTRUCTION;
import static org.tandem.support.Api.api;
import static org.tandem.support.CooperationRecords.step;
import static org.tandem.support.Numbers.numberEqualTo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.tandem.cooperation.ActivityKind;
import org.tandem.support.CooperationRecords;
import org.tandem.support.Fixtures;
import org.tandem.support.Statements;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class ProgressTest {

    @Inject
    CooperationRecords records;
    @Inject
    DerivedValues derivedValues;
    @Inject
    SessionFactory sessionFactory;

    static long nanhuSuichang() {
        String program = Fixtures.program(List.of(Fixtures.NANHU), List.of(Fixtures.SUICHANG));
        return Fixtures.pairing(program, Fixtures.NANHU, Fixtures.SUICHANG);
    }

    static ValidatableResponse progress(long pairing, int year) {
        return api().get("/api/v1/pairings/{id}/years/{year}/progress", pairing, year).then().statusCode(200);
    }

    static String row(String indicator, String field) {
        return "indicators.find { it.indicator == '" + indicator + "' }." + field;
    }

    static String track(String track, String field) {
        return "tracks.find { it.track == '" + track + "' }." + field;
    }

    /** 环龙新材料 in 莲都: signed in 2023, in production in 2024, 1.5e9 CNY output and 1e8 CNY tax a year. */
    long huanlong(long pairing) {
        return records.project(pairing, "PROJECT_COOP", null, new BigDecimal("1500000000"),
                new BigDecimal("100000000"), "2023-03-01", step(SIGNED, "2023-06-01"),
                step(UNDER_CONSTRUCTION, "2023-09-01"), step(IN_PRODUCTION, "2024-05-20"));
    }

    @Test
    void theSeedsFiguresShowUpAsDerivedValuesWithoutAnyActualTypedIn() {
        long yiwuLiandu = Fixtures.yiwuLiandu();
        huanlong(yiwuLiandu);
        long nanhuSuichang = nanhuSuichang();
        records.activity(nanhuSuichang, "DIGITAL_ASSIST", ActivityKind.ENTERPRISE_DIAGNOSIS, "2024-04-10", null, 40,
                null);
        records.activity(nanhuSuichang, "DIGITAL_ASSIST", ActivityKind.ENTERPRISE_DIAGNOSIS, "2023-11-10", null, 18,
                null);
        records.activity(nanhuSuichang, "CHAIN_COLLAB", ActivityKind.DOCKING_MEETING, "2024-03-01", 30, 10,
                new BigDecimal("1000000000"));

        progress(yiwuLiandu, 2024).body("actualsState", equalTo("DRAFT"))
                .body(row("PROJECTS_IN_PRODUCTION", "actual"), numberEqualTo(1))
                .body(row("EXPECTED_OUTPUT_IN_PRODUCTION", "actual"), numberEqualTo("1500000000"))
                .body(row("EXPECTED_OUTPUT_IN_PRODUCTION", "unit"), equalTo("CNY"))
                .body(row("EXPECTED_TAX_IN_PRODUCTION", "actual"), numberEqualTo("100000000"))
                .body(row("PROJECTS_SIGNED", "actual"), numberEqualTo(0))
                .body(row("ENTERPRISES_DIAGNOSED", "actual"), numberEqualTo(0))
                .body(row("LEAN_BENCHMARK_PROJECTS", "actual"), nullValue());
        progress(yiwuLiandu, 2023).body(row("PROJECTS_SIGNED", "actual"), numberEqualTo(1))
                .body(row("PROJECTS_IN_PRODUCTION", "actual"), numberEqualTo(0));
        progress(nanhuSuichang, 2024)
                .body(row("ENTERPRISES_DIAGNOSED", "actual"), numberEqualTo(40))
                .body(row("ENTERPRISES_DIAGNOSED", "nameZh"), equalTo("诊断企业数"))
                .body(row("ENTERPRISES_DIAGNOSED", "source"), equalTo("DERIVED"))
                .body(row("CHAIN_DOCKING_MEETINGS", "actual"), numberEqualTo(1))
                // The docking meeting was held under CHAIN_COLLAB, not INVEST_INFO.
                .body(row("JOINT_PROMOTION_EVENTS", "actual"), numberEqualTo(0))
                .body(row("PROJECTS_IN_PRODUCTION", "actual"), numberEqualTo(0));
    }

    @Test
    void aProjectThatSkippedStepsCountsForEveryStepItSkipped() {
        long pairing = nanhuSuichang();
        records.project(pairing, "PROJECT_COOP", null, new BigDecimal("800000000"), new BigDecimal("50000000"),
                "2023-03-01", step(IN_PRODUCTION, "2024-05-20"));

        progress(pairing, 2024).body(row("PROJECTS_SIGNED", "actual"), numberEqualTo(1))
                .body(row("PROJECTS_IN_PRODUCTION", "actual"), numberEqualTo(1))
                .body(row("EXPECTED_OUTPUT_IN_PRODUCTION", "actual"), numberEqualTo("800000000"));
        progress(pairing, 2023).body(row("PROJECTS_SIGNED", "actual"), numberEqualTo(0));
    }

    @Test
    void completionComparesActualsWithTargetsPerIndicatorAndPerTrack() {
        long pairing = nanhuSuichang();
        records.activity(pairing, "DIGITAL_ASSIST", ActivityKind.ENTERPRISE_DIAGNOSIS, "2024-04-10", null, 40, null);
        api().body(Map.of("items", List.of(Map.of("indicator", "ENTERPRISES_DIAGNOSED", "value", 32),
                Map.of("indicator", "LEAN_BENCHMARK_PROJECTS", "value", 12),
                Map.of("indicator", "LAND_APPROVAL_DAYS", "value", 30),
                Map.of("indicator", "LAND_QUOTA_MU", "value", 0))))
                .put("/api/v1/pairings/{id}/years/2024/targets", pairing).then().statusCode(200);
        api().body(Map.of("items", List.of(Map.of("indicator", "LEAN_BENCHMARK_PROJECTS", "value", 10),
                Map.of("indicator", "LAND_APPROVAL_DAYS", "value", 40),
                Map.of("indicator", "LAND_QUOTA_MU", "value", 50))))
                .put("/api/v1/pairings/{id}/years/2024/actuals", pairing).then().statusCode(200);
        api().post("/api/v1/pairings/{id}/years/2024/actuals/submit", pairing).then().statusCode(200);

        progress(pairing, 2024).body("actualsState", equalTo("SUBMITTED"))
                .body(row("ENTERPRISES_DIAGNOSED", "completion"), numberEqualTo("1.25"))
                .body(row("LEAN_BENCHMARK_PROJECTS", "completion"), numberEqualTo("0.8333"))
                .body(row("LAND_APPROVAL_DAYS", "completion"), numberEqualTo("0.75"))
                .body(row("LAND_QUOTA_MU", "completion"), nullValue())
                .body(row("TRAINING_PARTICIPANTS", "target"), nullValue())
                .body(row("TRAINING_PARTICIPANTS", "completion"), nullValue())
                .body(track("DIGITAL_ASSIST", "withTarget"), equalTo(2))
                .body(track("DIGITAL_ASSIST", "completed"), equalTo(1))
                .body(track("DIGITAL_ASSIST", "averageCompletion"), numberEqualTo("1.0417"))
                .body(track("FACTOR_RECIPROCITY", "withTarget"), equalTo(2))
                .body(track("FACTOR_RECIPROCITY", "completed"), equalTo(0))
                .body(track("FACTOR_RECIPROCITY", "averageCompletion"), numberEqualTo("0.75"))
                .body(track("PROJECT_COOP", "averageCompletion"), nullValue())
                .body(track("PROJECT_COOP", "nameZh"), equalTo("产业项目合作"));
    }

    long progressStatements(long pairing) {
        return Statements.of(() -> progress(pairing, 2024));
    }

    @Test
    void progressCostsAFixedNumberOfStatements() {
        long pairing = Fixtures.yiwuLiandu();
        huanlong(pairing);
        long few = progressStatements(pairing);

        for (int i = 0; i < 5; i++) {
            records.project(pairing, i % 2 == 0 ? "PROJECT_COOP" : "ORDERLY_TRANSFER", new BigDecimal(1000 + i), null,
                    null, "2024-01-0" + (i + 1), step(SIGNED, "2024-02-0" + (i + 1)),
                    step(i == 4 ? CANCELLED : IN_PRODUCTION, "2024-03-0" + (i + 1)));
            records.activity(pairing, "FACTOR_RECIPROCITY", ActivityKind.values()[i], "2024-06-0" + (i + 1), 10 + i,
                    i, null);
        }
        for (String from : List.of("PROJECT", "ACTIVITY")) {
            Map<String, Object> derivation = from.equals("PROJECT")
                    ? Map.of("from", from, "aggregate", "COUNT", "anyTrack", true, "projectStatus", "CANCELLED")
                    : Map.of("from", from, "aggregate", "SUM", "measure", "PARTICIPANTS", "anyTrack", true);
            api().body(IndicatorTest.derived(IndicatorTest.newCode(), "FACTOR_RECIPROCITY", derivation))
                    .post("/api/v1/indicators").then().statusCode(201);
        }
        api().body(IndicatorTest.reported(IndicatorTest.newCode(), "INVEST_INFO")).post("/api/v1/indicators").then()
                .statusCode(201);
        long many = progressStatements(pairing);
        assertEquals(few, many, "statements for progress with 1 project vs 6 projects, 5 activities, 3 more indicators");
        // Progress itself takes 6; authentication reads the caller's user and roles.
        assertTrue(many <= 9, many + " statements");
        progress(pairing, 2024).body(row("PROJECTS_IN_PRODUCTION", "actual"), numberEqualTo(3))
                .body(row("PROJECTS_SIGNED", "actual"), numberEqualTo(3))
                .body(row("TRANSFER_INVESTMENT_SIGNED", "actual"), numberEqualTo(1001 + 1003))
                .body(row("CADRES_SECONDED", "actual"), numberEqualTo(1))
                .body(row("TRAINING_PARTICIPANTS", "actual"), numberEqualTo(11));
    }

    @Test
    void derivedValuesForManyPairingsTakeTwoStatements() {
        long first = Fixtures.yiwuLiandu();
        huanlong(first);
        long second = nanhuSuichang();
        records.activity(second, "DIGITAL_ASSIST", ActivityKind.ENTERPRISE_DIAGNOSIS, "2024-04-10", null, 40, null);
        List<Indicator> catalogue = Indicator.list("from Indicator i join fetch i.track where i.active = true");
        sessionFactory.getStatistics().clear();
        Map<Long, Map<String, BigDecimal>> values = derivedValues.compute(List.of(first, second, -1L), 2024,
                catalogue);
        assertEquals(2, sessionFactory.getStatistics().getPrepareStatementCount());
        assertEquals(0, new BigDecimal("1500000000").compareTo(values.get(first).get("EXPECTED_OUTPUT_IN_PRODUCTION")));
        assertEquals(0, new BigDecimal(40).compareTo(values.get(second).get("ENTERPRISES_DIAGNOSED")));
        assertEquals(0, BigDecimal.ZERO.compareTo(values.get(-1L).get("PROJECTS_IN_PRODUCTION")));
        assertTrue(!values.get(first).containsKey("LEAN_BENCHMARK_PROJECTS"), "REPORTED indicators are skipped");
    }
}
