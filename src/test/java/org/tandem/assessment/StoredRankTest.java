package org.tandem.assessment;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tandem.assessment.AnnualAssessmentTest.publishedScheme;
import static org.tandem.assessment.AnnualAssessmentTest.run;
import static org.tandem.assessment.AnnualAssessmentTest.values;
import static org.tandem.support.Api.api;
import static org.tandem.support.Fixtures.CHUNAN;
import static org.tandem.support.Fixtures.HANGZHOU_GONGSHU;
import static org.tandem.support.Fixtures.HANGZHOU_SHANGCHENG;
import static org.tandem.support.Fixtures.HANGZHOU_XIHU;
import static org.tandem.support.Fixtures.JINGNING;
import static org.tandem.support.Fixtures.LIANDU;
import static org.tandem.support.Fixtures.NANHU;
import static org.tandem.support.Fixtures.SUICHANG;
import static org.tandem.support.Fixtures.YIWU;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.tandem.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The rank is stored with the assessment and kept by every write that can move it: a run, a run of a new scheme
 * version, an adjustment. Reads show it as stored: the ranking page in rank order, the detail the same rank.
 */
@QuarkusTest
class StoredRankTest {

    @Inject
    EntityManager em;

    /** Four pairs: d 100; a and b 70 each (tied, listed by pairing id); c 68. */
    private record Four(String program, long a, long b, long c, long d) {
    }

    private static Four fourAssessed() {
        String program = Fixtures.program(List.of(YIWU, NANHU, HANGZHOU_XIHU, HANGZHOU_GONGSHU),
                List.of(LIANDU, SUICHANG, JINGNING, CHUNAN));
        long a = Fixtures.pairing(program, YIWU, LIANDU);
        long b = Fixtures.pairing(program, NANHU, SUICHANG);
        long c = Fixtures.pairing(program, HANGZHOU_XIHU, JINGNING);
        long d = Fixtures.pairing(program, HANGZHOU_GONGSHU, CHUNAN);
        publishedScheme(program, 2024);
        for (long pairing : List.of(a, b, c, d)) {
            values(pairing, "targets", 100, 100);
        }
        values(a, "actuals", 50, 100);
        values(b, "actuals", 50, 100);
        values(c, "actuals", 80, 50);
        values(d, "actuals", 100, 100);
        run(program);
        return new Four(program, a, b, c, d);
    }

    private static JsonPath ranking(String program) {
        return api().queryParam("program", program).queryParam("year", 2024).get("/api/v1/assessments").then()
                .statusCode(200).extract().jsonPath();
    }

    /** The ranking's pairings and ranks, in its order; every detail shows the rank its line shows. */
    private static Map<Long, Long> assertRanking(String program, List<Long> pairings, List<Integer> ranks) {
        JsonPath ranking = ranking(program);
        assertEquals(pairings, ranking.getList("items.pairing", Long.class));
        assertEquals(ranks, ranking.getList("items.rank", Integer.class));
        assertEquals(pairings.size(), ranking.getInt("totalItems"));
        Map<Long, Long> assessmentOf = new HashMap<>();
        for (int i = 0; i < pairings.size(); i++) {
            long id = ranking.getLong("items[" + i + "].id");
            assessmentOf.put(pairings.get(i), id);
            api().get("/api/v1/assessments/{id}", id).then().statusCode(200)
                    .body("summary.rank", equalTo(ranks.get(i)))
                    .body("summary.pairing", equalTo(pairings.get(i).intValue()));
        }
        return assessmentOf;
    }

    @Test
    void aRunStoresRanksWithTiesSharingARankAndTheNextSkipping() {
        Four f = fourAssessed();
        assertRanking(f.program(), List.of(f.d(), f.a(), f.b(), f.c()), List.of(1, 2, 2, 4));
        // Stored, not computed on reading: the column holds the same ranks.
        @SuppressWarnings("unchecked")
        List<Object[]> stored = em.createNativeQuery("select a.pairing_id, a.rank_in_year from assessment a"
                + " join program p on p.id = a.program_id where p.code = ?1 order by a.pairing_id")
                .setParameter(1, f.program()).getResultList();
        assertEquals(List.of(f.a() + "=2", f.b() + "=2", f.c() + "=4", f.d() + "=1"),
                stored.stream().map(r -> ((Number) r[0]).longValue() + "=" + ((Number) r[1]).intValue()).toList());

        // Pages are read in rank order; a page that is not full, or one past the end, still counts them all.
        api().queryParam("program", f.program()).queryParam("year", 2024).queryParam("size", 2)
                .queryParam("page", 1).get("/api/v1/assessments").then().statusCode(200)
                .body("items.pairing", contains((int) f.b(), (int) f.c())).body("items.rank", contains(2, 4))
                .body("totalItems", equalTo(4));
        api().queryParam("program", f.program()).queryParam("year", 2024).queryParam("size", 3)
                .queryParam("page", 1).get("/api/v1/assessments").then().statusCode(200)
                .body("items.pairing", contains((int) f.c())).body("totalItems", equalTo(4));
        api().queryParam("program", f.program()).queryParam("year", 2024).queryParam("size", 2)
                .queryParam("page", 5).get("/api/v1/assessments").then().statusCode(200)
                .body("items", empty()).body("totalItems", equalTo(4));
        api().queryParam("program", f.program()).queryParam("year", 2023).get("/api/v1/assessments").then()
                .statusCode(200).body("items", empty()).body("totalItems", equalTo(0));
    }

    /**
     * The ranking's total is stored with it (V32), not counted at each read: a run that assesses a pairing added
     * since the last run counts it, and a full page, which cannot tell the total itself, shows it.
     */
    @Test
    void theTotalOfTheRankingIsStoredByEachRunThatAddsAssessments() {
        String program = Fixtures.program(List.of(YIWU, NANHU, HANGZHOU_SHANGCHENG), List.of(LIANDU, SUICHANG, JINGNING));
        long x = Fixtures.pairing(program, YIWU, LIANDU);
        long y = Fixtures.pairing(program, NANHU, SUICHANG);
        publishedScheme(program, 2024);
        values(x, "targets", 100, 100);
        values(y, "targets", 100, 100);
        values(x, "actuals", 100, 100);
        run(program);
        api().queryParam("program", program).queryParam("year", 2024).queryParam("size", 1)
                .get("/api/v1/assessments").then().statusCode(200).body("items.pairing", contains((int) x))
                .body("totalItems", equalTo(2));
        assertEquals(2, storedSize(program, 2024));

        // A pair formed since: the next run assesses it, and the total counts it.
        long z = Fixtures.pairing(program, HANGZHOU_SHANGCHENG, JINGNING);
        values(z, "targets", 100, 100);
        run(program);
        api().queryParam("program", program).queryParam("year", 2024).queryParam("size", 1)
                .get("/api/v1/assessments").then().statusCode(200).body("items.pairing", contains((int) x))
                .body("totalItems", equalTo(3));
        assertEquals(3, storedSize(program, 2024));
        // A year without a run has no ranking, and no stored total.
        assertEquals(List.of(), storedSizes(program, 2023));
    }

    /** The sizes the store holds for the programme's ranking in {@code year}: one, or none. */
    private List<?> storedSizes(String program, int year) {
        return em.createNativeQuery("select s.assessments from ranking_size s join program p on p.id = s.program_id"
                + " where p.code = ?1 and s.calendar_year = ?2").setParameter(1, program).setParameter(2, year)
                .getResultList();
    }

    /** What the store holds as the size of the programme's ranking in {@code year}, checked against a count. */
    private int storedSize(String program, int year) {
        List<?> sizes = storedSizes(program, year);
        assertEquals(1, sizes.size(), "one stored size");
        Number stored = (Number) sizes.get(0);
        Number counted = (Number) em.createNativeQuery("select count(*) from assessment a join program p"
                + " on p.id = a.program_id where p.code = ?1 and a.calendar_year = ?2").setParameter(1, program)
                .setParameter(2, year).getSingleResult();
        assertEquals(counted.intValue(), stored.intValue(), "the stored size is the number of assessments");
        return stored.intValue();
    }

    @Test
    void adjustmentsReorderTheRankingAtOnce() {
        Four f = fourAssessed();
        Map<Long, Long> assessment = assertRanking(f.program(), List.of(f.d(), f.a(), f.b(), f.c()),
                List.of(1, 2, 2, 4));

        // A bonus lifts b above a, which it was tied with: the response shows b's new rank.
        adjust(assessment.get(f.b()), "JOINT_PARK", 2).body("summary.rank", equalTo(2))
                .body("summary.total", org.hamcrest.Matchers.comparesEqualTo(new BigDecimal("72.0")));
        assertRanking(f.program(), List.of(f.d(), f.b(), f.a(), f.c()), List.of(1, 2, 3, 4));

        // c reaches a's total with a bonus, but a's base total is higher: no tie, a stays above.
        adjust(assessment.get(f.c()), "JOINT_PARK", 2).body("summary.rank", equalTo(4));
        assertRanking(f.program(), List.of(f.d(), f.b(), f.a(), f.c()), List.of(1, 2, 3, 4));

        // A veto puts d after all others, whatever its total.
        adjust(assessment.get(f.d()), "SAFETY", 0).body("summary.rank", equalTo(4));
        assertRanking(f.program(), List.of(f.b(), f.a(), f.c(), f.d()), List.of(1, 2, 3, 4));

        // Finalizing and reopening do not rank.
        api().post("/api/v1/assessments/{id}/finalize", assessment.get(f.a())).then().statusCode(200)
                .body("summary.rank", equalTo(2));
        assertRanking(f.program(), List.of(f.b(), f.a(), f.c(), f.d()), List.of(1, 2, 3, 4));
        api().body(Map.of("reason", "复核")).post("/api/v1/assessments/{id}/reopen", assessment.get(f.a())).then()
                .statusCode(200).body("summary.rank", equalTo(2));

        // A run that scores the same again leaves the ranks as the adjustments made them.
        run(f.program());
        assertRanking(f.program(), List.of(f.b(), f.a(), f.c(), f.d()), List.of(1, 2, 3, 4));
    }

    @Test
    void concurrentAdjustmentsRankOneAfterTheOther() throws Exception {
        Four f = fourAssessed();
        Map<Long, Long> assessment = assertRanking(f.program(), List.of(f.d(), f.a(), f.b(), f.c()),
                List.of(1, 2, 2, 4));
        // Each adjustment alone would rank on what the others had not yet written; all four at once must end in the
        // ranking of all four: a 72, b 71, c 70, d vetoed.
        List<Map<String, Object>> bodies = List.of(Map.of("id", assessment.get(f.a()), "item", "JOINT_PARK", "points", 2),
                Map.of("id", assessment.get(f.b()), "item", "JOINT_PARK", "points", 1),
                Map.of("id", assessment.get(f.c()), "item", "JOINT_PARK", "points", 2),
                Map.of("id", assessment.get(f.d()), "item", "SAFETY", "points", 0));
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(bodies.size());
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (Map<String, Object> body : bodies) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return api().body(Map.of("item", body.get("item"), "points", body.get("points"), "reason", "复核"))
                            .post("/api/v1/assessments/{id}/adjustments", body.get("id")).statusCode();
                }));
            }
            start.countDown();
            for (var answer : answers) {
                assertEquals(200, answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }
        assertRanking(f.program(), List.of(f.a(), f.b(), f.c(), f.d()), List.of(1, 2, 3, 4));
    }

    private static io.restassured.response.ValidatableResponse adjust(long assessment, String item, int points) {
        return api().body(Map.of("item", item, "points", points, "reason", "复核"))
                .post("/api/v1/assessments/{id}/adjustments", assessment).then().statusCode(200);
    }

    @Test
    void aRunOfANewSchemeVersionRanksByTheNewScores() {
        String program = Fixtures.program(List.of(YIWU, NANHU), List.of(LIANDU, SUICHANG));
        long x = Fixtures.pairing(program, YIWU, LIANDU);
        long y = Fixtures.pairing(program, NANHU, SUICHANG);
        publishedScheme(program, 2024);
        values(x, "targets", 100, 100);
        values(y, "targets", 100, 100);
        values(x, "actuals", 50, 100); // 60/40: 30 + 40 = 70; 40/60: 20 + 60 = 80
        values(y, "actuals", 100, 40); // 60/40: 60 + 16 = 76; 40/60: 40 + 24 = 64
        run(program);
        assertRanking(program, List.of(y, x), List.of(1, 2));

        Map<String, Object> rules = new HashMap<>(AnnualAssessmentTest.rules());
        rules.put("tracks", List.of(Map.of("track", "CHAIN_COLLAB", "weight", 40),
                Map.of("track", "INVEST_INFO", "weight", 60)));
        rules.put("indicators", List.of(
                Map.of("indicator", "SUPPLY_CONTRACTS_VALUE", "points", 40, "function", Map.of("type", "RATIO", "cap", 1)),
                Map.of("indicator", "INVESTMENT_LEADS_SHARED", "points", 60, "function",
                        Map.of("type", "RATIO", "cap", 1))));
        long second = api().body(Map.of("program", program, "year", 2024, "name", "第二版", "rules", rules))
                .post("/api/v1/scoring-schemes").then().statusCode(201).body("number", equalTo(2)).extract()
                .jsonPath().getLong("id");
        api().post("/api/v1/scoring-schemes/{id}/publish", second).then().statusCode(200);
        run(program);
        assertRanking(program, List.of(x, y), List.of(1, 2));
        for (long id : ranking(program).getList("items.id", Long.class)) {
            api().get("/api/v1/assessments/{id}", id).then().body("schemeNumber", equalTo(2));
        }
    }
}
