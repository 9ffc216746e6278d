package org.tandem.report;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.tandem.support.Api.api;
import static org.tandem.support.CooperationRecords.step;
import static org.tandem.support.Fixtures.CHUNAN;
import static org.tandem.support.Fixtures.HANGZHOU_XIHU;
import static org.tandem.support.Fixtures.LIANDU;
import static org.tandem.support.Fixtures.NANHU;
import static org.tandem.support.Fixtures.SUICHANG;
import static org.tandem.support.Fixtures.YIWU;
import static org.tandem.support.Numbers.numberEqualTo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.tandem.assessment.AnnualAssessmentTest;
import org.tandem.cooperation.ActivityKind;
import org.tandem.cooperation.ProjectStatus;
import org.tandem.support.Api;
import org.tandem.support.CooperationRecords;
import org.tandem.support.Fixtures;
import org.tandem.support.Spreadsheets;
import org.tandem.support.Statements;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The programme summary over HTTP: a programme built the way clients build one (pairs, projects through every
 * lifecycle step, activities, parks, targets, actuals through the workflow, published schemes, runs, a finalized
 * assessment), every figure of every grouping checked against sums the test computes from what it created.
 */
@QuarkusTest
class ProgramSummaryTest {

    static final List<String> STEPS = List.of("PLANNED", "SIGNED", "UNDER_CONSTRUCTION", "IN_PRODUCTION", "CANCELLED");
    static final List<String> FORWARD = List.of("PLANNED", "SIGNED", "UNDER_CONSTRUCTION", "IN_PRODUCTION");
    /** The catalogue the migrations ship; other tests add indicators of their own, which this one leaves aside. */
    static final Set<String> SHIPPED = Set.of("PROJECTS_SIGNED", "PROJECTS_IN_PRODUCTION",
            "EXPECTED_OUTPUT_IN_PRODUCTION", "EXPECTED_TAX_IN_PRODUCTION", "CHAIN_DOCKING_MEETINGS",
            "SUPPLY_CONTRACTS_VALUE", "ENTERPRISES_RELOCATED", "TRANSFER_INVESTMENT_SIGNED", "INVESTMENT_LEADS_SHARED",
            "JOINT_PROMOTION_EVENTS", "ENTERPRISES_DIAGNOSED", "LEAN_BENCHMARK_PROJECTS", "CADRES_SECONDED",
            "TRAINING_PARTICIPANTS", "LAND_QUOTA_MU", "LAND_APPROVAL_DAYS");

    @Inject
    CooperationRecords records;

    /** A project as created: the date each step was reached (skipped steps take the date of the move). */
    record Project(long pairing, String track, BigDecimal investment, BigDecimal output, BigDecimal tax,
            Map<String, LocalDate> reached) {
    }

    record Activity(long pairing, String track, String kind, LocalDate heldOn, Integer participants,
            Integer enterprises, BigDecimal amount) {
    }

    /** Everything the test made, to compute the expected figures from. */
    static final class Built {
        String program;
        long a;
        long b;
        long c;
        final Map<Long, String> cityOf = new HashMap<>();
        final List<Project> projects = new ArrayList<>();
        final List<Activity> activities = new ArrayList<>();
        final Map<Long, LocalDate> firstPark = new HashMap<>();
        /** pairing → year → workflow state as the summary names it. */
        final Map<Long, Map<Integer, String>> workflow = new HashMap<>();

        List<Long> pairs() {
            return List.of(a, b, c);
        }
    }

    Project project(Built built, long pairing, String track, String investment, String output, String tax,
            String plannedOn, CooperationRecords.Step... steps) {
        records.project(pairing, track, decimal(investment), decimal(output), decimal(tax), plannedOn, steps);
        Map<String, LocalDate> reached = new LinkedHashMap<>();
        reached.put("PLANNED", LocalDate.parse(plannedOn));
        for (CooperationRecords.Step step : steps) {
            String to = step.to().name();
            if (to.equals("CANCELLED")) {
                reached.put(to, step.on());
                continue;
            }
            for (String forward : FORWARD.subList(0, FORWARD.indexOf(to) + 1)) {
                reached.putIfAbsent(forward, step.on());
            }
        }
        Project project = new Project(pairing, track, decimal(investment), decimal(output), decimal(tax), reached);
        built.projects.add(project);
        return project;
    }

    void activity(Built built, long pairing, String track, ActivityKind kind, String heldOn, Integer participants,
            Integer enterprises, String amount) {
        records.activity(pairing, track, kind, heldOn, participants, enterprises, decimal(amount));
        built.activities.add(new Activity(pairing, track, kind.name(), LocalDate.parse(heldOn), participants,
                enterprises, decimal(amount)));
    }

    static void values(long pairing, int year, String kind, int supply, int leads) {
        api().body(Map.of("items", List.of(Map.of("indicator", "SUPPLY_CONTRACTS_VALUE", "value", supply),
                Map.of("indicator", "INVESTMENT_LEADS_SHARED", "value", leads))))
                .put("/api/v1/pairings/{id}/years/{year}/" + kind, pairing, year).then().statusCode(200);
    }

    static void run(String program, int year) {
        String location = api().body(Map.of("program", program, "year", year)).post("/api/v1/assessment-runs").then()
                .statusCode(202).extract().header("Location");
        for (int i = 0; i < 400; i++) {
            String status = api().get(location).then().statusCode(200).extract().path("status");
            if (!status.equals("RUNNING")) {
                assertEquals("SUCCEEDED", status);
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        fail("the run did not finish in 20 s");
    }

    /** Three pairs in two cities with records of every kind, over 2022 (outside the programme) to 2025. */
    Built build() {
        Built built = new Built();
        built.program = Fixtures.program(List.of(YIWU, NANHU, HANGZHOU_XIHU), List.of(LIANDU, SUICHANG, CHUNAN));
        built.a = Fixtures.pairing(built.program, YIWU, LIANDU);
        built.b = Fixtures.pairing(built.program, NANHU, SUICHANG);
        built.c = Fixtures.pairing(built.program, HANGZHOU_XIHU, CHUNAN);
        for (long pairing : built.pairs()) {
            String mountain = api().get("/api/v1/pairings/{id}", pairing).then().statusCode(200).extract()
                    .path("mountainCounty.code");
            built.cityOf.put(pairing, api().get("/api/v1/counties/{code}", mountain).then().statusCode(200)
                    .extract().path("cityCode"));
        }

        project(built, built.a, "PROJECT_COOP", "100000000.00", "1500000000.00", "100000000.00", "2023-03-01",
                step(ProjectStatus.SIGNED, "2023-06-01"), step(ProjectStatus.UNDER_CONSTRUCTION, "2024-01-10"),
                step(ProjectStatus.IN_PRODUCTION, "2024-09-01"));
        project(built, built.a, "ORDERLY_TRANSFER", "20000000.50", "30000000", "1000000", "2024-02-01",
                step(ProjectStatus.IN_PRODUCTION, "2024-11-11"));
        project(built, built.b, "PROJECT_COOP", "150000000", "200000000", "8000000", "2024-01-05",
                step(ProjectStatus.SIGNED, "2024-04-04"));
        project(built, built.b, "CHAIN_COLLAB", "5000000", null, null, "2022-12-01",
                step(ProjectStatus.CANCELLED, "2023-02-02"));
        project(built, built.c, "PROJECT_COOP", "80000000", "90000000", "4000000", "2025-01-01");
        project(built, built.c, "DIGITAL_ASSIST", "1000000.25", "0", "0", "2023-07-07",
                step(ProjectStatus.SIGNED, "2023-08-08"), step(ProjectStatus.UNDER_CONSTRUCTION, "2025-02-02"));

        activity(built, built.a, "CHAIN_COLLAB", ActivityKind.DOCKING_MEETING, "2024-03-01", 30, 10, "1000000.00");
        activity(built, built.a, "FACTOR_RECIPROCITY", ActivityKind.TRAINING, "2023-05-05", 100, 0, null);
        activity(built, built.b, "DIGITAL_ASSIST", ActivityKind.ENTERPRISE_DIAGNOSIS, "2024-06-06", 5, 40, "20000.50");
        activity(built, built.b, "CHAIN_COLLAB", ActivityKind.DOCKING_MEETING, "2024-08-08", 12, 7, null);
        activity(built, built.c, "INVEST_INFO", ActivityKind.SIGNED_AGREEMENT, "2024-07-07", 12, 3, "5000000");
        activity(built, built.c, "FACTOR_RECIPROCITY", ActivityKind.CADRE_SECONDMENT, "2025-01-15", 2, null, null);

        api().body(Map.of("name", "莲都园", "hostCounty", LIANDU, "establishedOn", "2023-06-01"))
                .post("/api/v1/pairings/{id}/parks", built.a).then().statusCode(201);
        built.firstPark.put(built.a, LocalDate.parse("2023-06-01"));
        api().body(Map.of("name", "遂昌园", "hostCounty", SUICHANG, "establishedOn", "2024-03-01"))
                .post("/api/v1/pairings/{id}/parks", built.b).then().statusCode(201);
        api().body(Map.of("name", "遂昌二园", "hostCounty", SUICHANG, "establishedOn", "2024-09-01"))
                .post("/api/v1/pairings/{id}/parks", built.b).then().statusCode(201);
        built.firstPark.put(built.b, LocalDate.parse("2024-03-01"));
        // A park without a date counts in no year.
        api().body(Map.of("name", "淳安园", "hostCounty", CHUNAN)).post("/api/v1/pairings/{id}/parks", built.c).then()
                .statusCode(201);

        // 2023: b 100, c 88, a 50; 2024: a 100, c 86, b 66 (the scheme's two indicators weigh 60 and 40).
        AnnualAssessmentTest.publishedScheme(built.program, 2023);
        AnnualAssessmentTest.publishedScheme(built.program, 2024);
        int[][] actuals2023 = { { 50, 50 }, { 100, 100 }, { 80, 100 } };
        int[][] actuals2024 = { { 100, 100 }, { 70, 60 }, { 90, 80 } };
        for (int i = 0; i < 3; i++) {
            long pairing = built.pairs().get(i);
            values(pairing, 2023, "targets", 100, 100);
            values(pairing, 2024, "targets", 100, 100);
            values(pairing, 2023, "actuals", actuals2023[i][0], actuals2023[i][1]);
            values(pairing, 2024, "actuals", actuals2024[i][0], actuals2024[i][1]);
        }
        // An indicator where lower is better: its completion is target / actual, as a pair-year's progress has it.
        api().body(Map.of("items", List.of(Map.of("indicator", "LAND_APPROVAL_DAYS", "value", 30))))
                .put("/api/v1/pairings/{id}/years/2024/targets", built.a).then().statusCode(200);
        api().body(Map.of("items", List.of(Map.of("indicator", "LAND_APPROVAL_DAYS", "value", 30))))
                .put("/api/v1/pairings/{id}/years/2024/targets", built.b).then().statusCode(200);
        api().body(Map.of("items", List.of(Map.of("indicator", "LAND_APPROVAL_DAYS", "value", 45))))
                .put("/api/v1/pairings/{id}/years/2024/actuals", built.a).then().statusCode(200);
        String actuals = "/api/v1/pairings/{id}/years/2024/actuals/";
        api().post(actuals + "submit", built.a).then().statusCode(200);
        api().post(actuals + "approve", built.a).then().statusCode(200);
        api().post(actuals + "submit", built.b).then().statusCode(200);
        api().post(actuals + "submit", built.c).then().statusCode(200);
        api().body(Map.of("comment", "请更正")).post(actuals + "return", built.c).then().statusCode(200);
        built.workflow.put(built.a, Map.of(2024, "approved"));
        built.workflow.put(built.b, Map.of(2024, "submitted"));
        built.workflow.put(built.c, Map.of(2024, "returned"));

        run(built.program, 2023);
        run(built.program, 2024);
        long first = api().queryParam("program", built.program).queryParam("year", 2024).get("/api/v1/assessments")
                .then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        api().post("/api/v1/assessments/{id}/finalize", first).then().statusCode(200);
        return built;
    }

    @Test
    void everyFigureOfEveryGroupingIsTheSumOfWhatWasCreated() {
        checkEveryGrouping(build());
    }

    /**
     * The summary is read and kept per block of pairs (two ids a block in tests: the three pairs are in two blocks).
     * After writes into one pair's records, only its block is read again; the figures are still the sums.
     */
    @Test
    void afterWritesIntoOnePairEveryFigureIsStillTheSumOfWhatWasCreated() {
        Built built = build();
        checkEveryGrouping(built);
        project(built, built.c, "CHAIN_COLLAB", "300.10", "400", "5", "2024-02-02",
                step(ProjectStatus.SIGNED, "2024-05-05"));
        activity(built, built.c, "CHAIN_COLLAB", ActivityKind.DOCKING_MEETING, "2024-10-10", 7, 2, "99.99");
        values(built.c, 2025, "targets", 120, 80);
        checkEveryGrouping(built);
        // Then another block's pair, and the first one's again.
        project(built, built.a, "DIGITAL_ASSIST", "1.01", "2", "3", "2023-04-04");
        api().body(Map.of("name", "淳安二园", "hostCounty", CHUNAN, "establishedOn", "2023-02-02"))
                .post("/api/v1/pairings/{id}/parks", built.c).then().statusCode(201);
        built.firstPark.put(built.c, LocalDate.parse("2023-02-02"));
        checkEveryGrouping(built);
    }

    /**
     * The figures of each kind of record are kept apart: a write of one kind into one pair makes the next summary
     * read that kind's figures of the pair's block again, and no other kind's. Every kind written is one statement
     * more; another block's pair written with it is none (the stale blocks of a kind are read in one statement).
     */
    @Test
    void aWriteOfOneKindOfRecordReadsThatKindAgainAlone() {
        Built built = build();
        Runnable summary = () -> api().queryParam("year", 2024).get("/api/v1/programs/{code}/summary", built.program)
                .then().statusCode(200);
        summary.run();
        activity(built, built.c, "CHAIN_COLLAB", ActivityKind.DOCKING_MEETING, "2024-10-10", 7, 2, "99.99");
        long oneKind = Statements.kept(summary);
        activity(built, built.c, "CHAIN_COLLAB", ActivityKind.TRAINING, "2024-11-11", 8, 1, null);
        project(built, built.c, "CHAIN_COLLAB", "300.10", "400", "5", "2024-02-02");
        long twoKinds = Statements.kept(summary);
        activity(built, built.c, "CHAIN_COLLAB", ActivityKind.TRAINING, "2024-11-12", 9, 1, null);
        activity(built, built.a, "DIGITAL_ASSIST", ActivityKind.TRAINING, "2023-03-03", 4, 1, null);
        long twoBlocks = Statements.kept(summary);
        assertEquals(oneKind + 1, twoKinds, "the projects' statement besides the activities'");
        assertEquals(oneKind, twoBlocks, "two blocks of activities read in one statement");
        long nothingWritten = Statements.kept(summary);
        assertEquals(0, nothingWritten, "the summary kept as it was read");
        checkEveryGrouping(built);
    }

    /** Every figure of the summary by every grouping, as a series and for one year, against what was created. */
    void checkEveryGrouping(Built built) {
        Map<Long, Map<Integer, Map<String, Map<String, Object>>>> progress = new HashMap<>();
        for (long pairing : built.pairs()) {
            for (int year = 2023; year <= 2025; year++) {
                List<Map<String, Object>> indicators = api().get("/api/v1/pairings/{id}/years/{year}/progress",
                        pairing, year).then().statusCode(200).extract().jsonPath().getList("indicators");
                progress.computeIfAbsent(pairing, p -> new HashMap<>()).put(year, indicators.stream()
                        .collect(Collectors.toMap(i -> (String) i.get("indicator"), i -> i)));
            }
        }
        Map<Integer, List<Map<String, Object>>> ranking = new HashMap<>();
        Map<Long, Map<String, BigDecimal>> trackPoints = new HashMap<>();
        for (int year = 2023; year <= 2024; year++) {
            List<Map<String, Object>> items = api().queryParam("program", built.program).queryParam("year", year)
                    .get("/api/v1/assessments").then().statusCode(200).extract().jsonPath().getList("items");
            ranking.put(year, items);
            for (Map<String, Object> item : items) {
                long id = ((Number) item.get("id")).longValue();
                List<Map<String, Object>> tracks = api().get("/api/v1/assessments/{id}", id).then().statusCode(200)
                        .extract().jsonPath().getList("breakdown.tracks");
                trackPoints.put(id, tracks.stream().collect(Collectors.toMap(t -> (String) t.get("trackCode"),
                        t -> decimal(t.get("points").toString()))));
            }
        }
        Expected expected = new Expected(built, progress, ranking, trackPoints);
        for (String groupBy : List.of("program", "track", "city", "pairing")) {
            JsonPath summary = api().queryParam("groupBy", groupBy).get("/api/v1/programs/{code}/summary",
                    built.program).then().statusCode(200).body("program", equalTo(built.program))
                    .body("groupBy", equalTo(groupBy)).body("asOf", org.hamcrest.Matchers.notNullValue())
                    .extract().jsonPath();
            List<Map<String, Object>> groups = summary.getList("groups");
            assertEquals(expected.keys(groupBy), groups.stream().map(g -> (String) g.get("key")).toList(), groupBy);
            for (Map<String, Object> group : groups) {
                expected.check(groupBy, group);
            }
            // One year asked: the same figures as that year of the series.
            JsonPath year = api().queryParam("groupBy", groupBy).queryParam("year", 2024)
                    .get("/api/v1/programs/{code}/summary", built.program).then().statusCode(200).body("year",
                            equalTo(2024))
                    .extract().jsonPath();
            for (int g = 0; g < groups.size(); g++) {
                assertEquals(summary.getMap("groups[" + g + "].years[1]"), year.getMap("groups[" + g + "].years[0]"));
                assertEquals(1, year.getList("groups[" + g + "].years").size());
            }
        }
        // The programme's park coverage agrees with the park-coverage read at each year's end.
        JsonPath program = api().get("/api/v1/programs/{code}/summary", built.program).then().extract().jsonPath();
        for (int y = 0; y < 3; y++) {
            JsonPath coverage = api().queryParam("asOf", (2023 + y) + "-12-31")
                    .get("/api/v1/programs/{code}/park-coverage", built.program).then().statusCode(200).extract()
                    .jsonPath();
            assertEquals(coverage.getInt("pairingsWithPark"),
                    program.getInt("groups[0].years[" + y + "].parks.pairingsWithPark"));
        }
    }

    /** The figures the test expects, computed from what it created and from the reads it already trusts. */
    static final class Expected {
        final Built built;
        final Map<Long, Map<Integer, Map<String, Map<String, Object>>>> progress;
        final Map<Integer, List<Map<String, Object>>> ranking;
        final Map<Long, Map<String, BigDecimal>> trackPoints;

        Expected(Built built, Map<Long, Map<Integer, Map<String, Map<String, Object>>>> progress,
                Map<Integer, List<Map<String, Object>>> ranking, Map<Long, Map<String, BigDecimal>> trackPoints) {
            this.built = built;
            this.progress = progress;
            this.ranking = ranking;
            this.trackPoints = trackPoints;
        }

        List<String> keys(String groupBy) {
            return switch (groupBy) {
                case "program" -> List.of(built.program);
                case "track" -> List.of("PROJECT_COOP", "CHAIN_COLLAB", "ORDERLY_TRANSFER", "INVEST_INFO",
                        "DIGITAL_ASSIST", "FACTOR_RECIPROCITY");
                case "city" -> new ArrayList<>(new TreeSet<>(built.cityOf.values()));
                default -> built.pairs().stream().sorted().map(String::valueOf).toList();
            };
        }

        /** Whether pairing {@code pairing} belongs to group {@code key}. */
        boolean in(String groupBy, String key, long pairing) {
            return switch (groupBy) {
                case "program", "track" -> true;
                case "city" -> built.cityOf.get(pairing).equals(key);
                default -> Long.toString(pairing).equals(key);
            };
        }

        @SuppressWarnings("unchecked")
        void check(String groupBy, Map<String, Object> group) {
            String key = (String) group.get("key");
            boolean byTrack = groupBy.equals("track");
            List<Long> pairs = built.pairs().stream().filter(p -> in(groupBy, key, p)).toList();
            if (!byTrack) {
                assertEquals(pairs.size(), ((Number) group.get("pairings")).intValue(), key);
            }
            List<Map<String, Object>> years = (List<Map<String, Object>>) group.get("years");
            assertEquals(List.of(2023, 2024, 2025), years.stream().map(y -> y.get("year")).toList());
            for (Map<String, Object> figures : years) {
                int year = (Integer) figures.get("year");
                String at = groupBy + " " + key + " " + year;

                // Projects by step and track.
                List<Map<String, Object>> steps = (List<Map<String, Object>>) figures.get("projects");
                assertEquals(STEPS, steps.stream().map(s -> s.get("status")).toList(), at);
                for (Map<String, Object> step : steps) {
                    String status = (String) step.get("status");
                    List<Project> reached = built.projects.stream()
                            .filter(p -> pairs.contains(p.pairing()) && (!byTrack || p.track().equals(key)))
                            .filter(p -> p.reached().containsKey(status) && p.reached().get(status).getYear() == year)
                            .toList();
                    assertProjects(reached, step, at + " " + status);
                    Map<String, List<Project>> byTrackExpected = reached.stream()
                            .collect(Collectors.groupingBy(Project::track, TreeMap::new, Collectors.toList()));
                    List<Map<String, Object>> tracks = (List<Map<String, Object>>) step.get("tracks");
                    assertEquals(new ArrayList<>(byTrackExpected.keySet()),
                            tracks.stream().map(t -> t.get("track")).toList(), at + " " + status);
                    for (Map<String, Object> track : tracks) {
                        assertProjects(byTrackExpected.get(track.get("track")), track, at + " " + track.get("track"));
                    }
                }

                // Activities by kind.
                List<Map<String, Object>> kinds = (List<Map<String, Object>>) figures.get("activities");
                assertEquals(List.of("DOCKING_MEETING", "TRAINING", "ENTERPRISE_DIAGNOSIS", "CADRE_SECONDMENT",
                        "SIGNED_AGREEMENT", "OTHER"), kinds.stream().map(k -> k.get("kind")).toList());
                for (Map<String, Object> kind : kinds) {
                    List<Activity> held = built.activities.stream()
                            .filter(a -> pairs.contains(a.pairing()) && (!byTrack || a.track().equals(key)))
                            .filter(a -> a.kind().equals(kind.get("kind")) && a.heldOn().getYear() == year).toList();
                    String where = at + " " + kind.get("kind");
                    assertEquals(held.size(), ((Number) kind.get("activities")).intValue(), where);
                    assertEquals(held.stream().mapToInt(a -> a.participants() == null ? 0 : a.participants()).sum(),
                            ((Number) kind.get("participants")).intValue(), where);
                    assertEquals(held.stream().mapToInt(a -> a.enterprises() == null ? 0 : a.enterprises()).sum(),
                            ((Number) kind.get("enterprises")).intValue(), where);
                    assertSame(sum(held, Activity::amount), kind.get("amount"), where);
                }

                // Parks and workflow: by pair, so not by track.
                if (byTrack) {
                    assertNull(figures.get("parks"), at);
                    assertNull(figures.get("workflow"), at);
                } else {
                    Map<String, Object> parks = (Map<String, Object>) figures.get("parks");
                    long withPark = pairs.stream().filter(p -> built.firstPark.containsKey(p)
                            && built.firstPark.get(p).getYear() <= year).count();
                    assertEquals(withPark, ((Number) parks.get("pairingsWithPark")).longValue(), at);
                    assertSame(BigDecimal.valueOf(withPark).divide(BigDecimal.valueOf(pairs.size()), 4,
                            RoundingMode.HALF_UP), parks.get("coverage"), at);
                    Map<String, Object> workflow = (Map<String, Object>) figures.get("workflow");
                    for (String state : List.of("draft", "submitted", "returned", "approved")) {
                        long count = pairs.stream().filter(p -> state.equals(
                                built.workflow.getOrDefault(p, Map.of()).getOrDefault(year, "draft"))).count();
                        assertEquals(count, ((Number) workflow.get(state)).longValue(), at + " " + state);
                    }
                }

                checkIndicators(groupBy, key, pairs, year, (List<Map<String, Object>>) figures.get("indicators"), at);
                checkAssessments(groupBy, key, pairs, year, (Map<String, Object>) figures.get("assessments"), at);
            }
        }

        void checkIndicators(String groupBy, String key, List<Long> pairs, int year,
                List<Map<String, Object>> indicators, String at) {
            Map<String, BigDecimal[]> sums = new TreeMap<>();
            Map<String, Boolean> lowerIsBetter = new HashMap<>();
            Map<String, Integer> withTarget = new HashMap<>();
            for (long pairing : pairs) {
                for (Map<String, Object> indicator : progress.get(pairing).get(year).values()) {
                    String code = (String) indicator.get("indicator");
                    if (!SHIPPED.contains(code) || groupBy.equals("track") && !indicator.get("track").equals(key)) {
                        continue;
                    }
                    Object target = indicator.get("target");
                    Object actual = indicator.get("actual");
                    boolean derived = "DERIVED".equals(indicator.get("source"));
                    boolean counts = target != null || actual != null && (!derived
                            || decimal(actual.toString()).signum() != 0);
                    if (!counts) {
                        continue;
                    }
                    lowerIsBetter.put(code, "LOWER_IS_BETTER".equals(indicator.get("direction")));
                    BigDecimal[] sum = sums.computeIfAbsent(code, c -> new BigDecimal[] { BigDecimal.ZERO,
                            BigDecimal.ZERO });
                    if (target != null) {
                        sum[0] = sum[0].add(decimal(target.toString()));
                        withTarget.merge(code, 1, Integer::sum);
                    }
                    if (actual != null) {
                        sum[1] = sum[1].add(decimal(actual.toString()));
                    }
                }
            }
            List<Map<String, Object>> shipped = indicators.stream().filter(i -> SHIPPED.contains(i.get("indicator")))
                    .toList();
            assertEquals(sums.keySet(), shipped.stream().map(i -> (String) i.get("indicator"))
                    .collect(Collectors.toCollection(TreeSet::new)), at);
            for (Map<String, Object> indicator : shipped) {
                String code = (String) indicator.get("indicator");
                BigDecimal[] sum = sums.get(code);
                assertSame(sum[0], indicator.get("targetSum"), at + " " + code);
                assertSame(sum[1], indicator.get("actualSum"), at + " " + code);
                assertEquals(withTarget.getOrDefault(code, 0), ((Number) indicator.get("pairingsWithTarget")).intValue());
                BigDecimal dividend = lowerIsBetter.get(code) ? sum[0] : sum[1];
                BigDecimal divisor = lowerIsBetter.get(code) ? sum[1] : sum[0];
                if (divisor.signum() == 0) {
                    assertNull(indicator.get("completion"), at + " " + code);
                } else {
                    assertSame(dividend.divide(divisor, 4, RoundingMode.HALF_UP), indicator.get("completion"),
                            at + " " + code);
                }
            }
        }

        @SuppressWarnings("unchecked")
        void checkAssessments(String groupBy, String key, List<Long> pairs, int year, Map<String, Object> assessments,
                String at) {
            List<Map<String, Object>> lines = ranking.getOrDefault(year, List.of()).stream()
                    .filter(l -> pairs.contains(((Number) l.get("pairing")).longValue())).toList();
            Map<String, List<BigDecimal>> byTrack = new TreeMap<>();
            for (Map<String, Object> line : lines) {
                trackPoints.get(((Number) line.get("id")).longValue()).forEach((track, points) -> {
                    if (!groupBy.equals("track") || track.equals(key)) {
                        byTrack.computeIfAbsent(track, t -> new ArrayList<>()).add(points);
                    }
                });
            }
            List<Map<String, Object>> tracks = (List<Map<String, Object>>) assessments.get("tracks");
            assertEquals(new ArrayList<>(byTrack.keySet()), tracks.stream().map(t -> t.get("track")).toList(), at);
            for (Map<String, Object> track : tracks) {
                List<BigDecimal> points = byTrack.get(track.get("track"));
                assertEquals(points.size(), ((Number) track.get("assessed")).intValue(), at);
                assertSame(mean(points), track.get("mean"), at + " mean " + track.get("track"));
                assertSame(median(points), track.get("median"), at + " median " + track.get("track"));
            }
            if (groupBy.equals("track")) {
                assertNull(assessments.get("grades"), at);
                return;
            }
            assertEquals(lines.size(), ((Number) assessments.get("assessed")).intValue(), at);
            assertEquals(lines.stream().filter(l -> l.get("status").equals("FINALIZED")).count(),
                    ((Number) assessments.get("finalized")).longValue(), at);
            assertEquals(lines.stream().filter(l -> (Boolean) l.get("passed")).count(),
                    ((Number) assessments.get("passed")).longValue(), at);
            Map<String, Long> grades = lines.stream()
                    .collect(Collectors.groupingBy(l -> (String) l.get("grade"), Collectors.counting()));
            Map<String, Long> got = ((List<Map<String, Object>>) assessments.get("grades")).stream().collect(
                    Collectors.toMap(g -> (String) g.get("grade"), g -> ((Number) g.get("count")).longValue()));
            assertEquals(grades, got, at);
            List<BigDecimal> totals = lines.stream().map(l -> decimal(l.get("total").toString())).toList();
            if (totals.isEmpty()) {
                assertNull(assessments.get("meanTotal"), at);
                assertNull(assessments.get("medianTotal"), at);
            } else {
                assertSame(mean(totals), assessments.get("meanTotal"), at);
                assertSame(median(totals), assessments.get("medianTotal"), at);
            }
            if (groupBy.equals("pairing")) {
                Integer rank = lines.isEmpty() ? null : (Integer) lines.get(0).get("rank");
                Integer previous = rank == null ? null
                        : ranking.getOrDefault(year - 1, List.of()).stream()
                                .filter(l -> Long.toString(((Number) l.get("pairing")).longValue()).equals(key))
                                .map(l -> (Integer) l.get("rank")).findFirst().orElse(null);
                assertEquals(rank, assessments.get("rank"), at);
                assertEquals(previous, assessments.get("previousRank"), at);
                assertEquals(rank == null || previous == null ? null : previous - rank, assessments.get("rankChange"),
                        at);
            } else {
                assertNull(assessments.get("rank"), at);
            }
        }
    }

    static void assertProjects(List<Project> projects, Map<String, Object> figures, String at) {
        assertEquals(projects.size(), ((Number) figures.get("projects")).intValue(), at);
        assertSame(sum(projects, Project::investment), figures.get("investment"), at + " investment");
        assertSame(sum(projects, Project::output), figures.get("expectedAnnualOutput"), at + " output");
        assertSame(sum(projects, Project::tax), figures.get("expectedAnnualTax"), at + " tax");
    }

    static <T> BigDecimal sum(List<T> items, Function<T, BigDecimal> value) {
        return items.stream().map(value).filter(v -> v != null).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static BigDecimal mean(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(values.size()), 2,
                RoundingMode.HALF_UP);
    }

    static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        BigDecimal middle = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
        return middle.setScale(2, RoundingMode.HALF_UP);
    }

    static void assertSame(BigDecimal expected, Object actual, String at) {
        assertNotNull(actual, at);
        assertEquals(0, expected.compareTo(decimal(actual.toString())), at + ": expected " + expected + ", got "
                + actual);
    }

    static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    @Test
    void aProgrammeWithNoDataAnswersZeros() {
        String empty = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        api().get("/api/v1/programs/{code}/summary", empty).then().statusCode(200)
                .body("groups", hasSize(1)).body("groups[0].pairings", equalTo(0))
                .body("groups[0].years", hasSize(3))
                .body("groups[0].years[0].projects.projects", equalTo(List.of(0, 0, 0, 0, 0)))
                .body("groups[0].years[0].activities.activities", equalTo(List.of(0, 0, 0, 0, 0, 0)))
                .body("groups[0].years[0].parks.pairingsWithPark", equalTo(0))
                .body("groups[0].years[0].parks.coverage", equalTo(null))
                .body("groups[0].years[0].workflow.draft", equalTo(0))
                .body("groups[0].years[0].indicators", hasSize(0))
                .body("groups[0].years[0].assessments.assessed", equalTo(0))
                .body("groups[0].years[0].assessments.meanTotal", equalTo(null));
        api().queryParam("groupBy", "pairing").get("/api/v1/programs/{code}/summary", empty).then().statusCode(200)
                .body("groups", hasSize(0));
        api().queryParam("groupBy", "city").get("/api/v1/programs/{code}/summary", empty).then().statusCode(200)
                .body("groups", hasSize(0));
        api().queryParam("groupBy", "track").get("/api/v1/programs/{code}/summary", empty).then().statusCode(200)
                .body("groups", hasSize(6)).body("groups[0].years[2].projects[0].investment", numberEqualTo(0));

        // A pair with nothing recorded: every figure zero, every pair-year a DRAFT.
        long pairing = Fixtures.pairing(empty, YIWU, LIANDU);
        api().queryParam("groupBy", "pairing").queryParam("year", 2024).get("/api/v1/programs/{code}/summary", empty)
                .then().statusCode(200).body("groups[0].key", equalTo(Long.toString(pairing)))
                .body("groups[0].label", equalTo("义乌市—莲都区"))
                .body("groups[0].years[0].workflow.draft", equalTo(1))
                .body("groups[0].years[0].parks.coverage", numberEqualTo(0))
                .body("groups[0].years[0].assessments.rank", equalTo(null));
    }

    @Test
    void unknownProgrammeIs404AndBadParametersAre400() {
        api().get("/api/v1/programs/{code}/summary", "NO-SUCH-PROGRAM").then().statusCode(404)
                .contentType("application/problem+json").body("type", endsWith("/not-found"));
        String program = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        api().queryParam("groupBy", "county").get("/api/v1/programs/{code}/summary", program).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("groupBy"));
        api().queryParam("year", 2022).get("/api/v1/programs/{code}/summary", program).then().statusCode(400)
                .body("errors[0].field", equalTo("year"));
        api().queryParam("year", "twenty").get("/api/v1/programs/{code}/summary", program).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("year"));
        api().queryParam("groupBy", "county").queryParam("format", "csv")
                .get("/api/v1/programs/{code}/summary", program).then().statusCode(400)
                .body("errors[0].field", equalTo("groupBy"));
        api().queryParam("format", "pdf").get("/api/v1/programs/{code}/summary", program).then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
    }

    @Test
    void theSummaryExportsAsCsvAndXlsx() {
        String program = Fixtures.program(List.of(YIWU, NANHU), List.of(LIANDU, SUICHANG));
        long a = Fixtures.pairing(program, YIWU, LIANDU);
        Fixtures.pairing(program, NANHU, SUICHANG);
        records.project(a, "PROJECT_COOP", decimal("123.45"), null, null, "2024-01-01",
                step(ProjectStatus.SIGNED, "2024-02-02"));
        byte[] csv = Api.raw().queryParam("groupBy", "pairing").queryParam("format", "csv")
                .get("/api/v1/programs/{code}/summary", program).then().statusCode(200)
                .contentType(startsWith("text/csv")).header("Content-Disposition", org.hamcrest.Matchers
                        .containsString(program + "_summary_pairing.csv"))
                .extract().asByteArray();
        List<List<String>> rows = Spreadsheets.csv(csv);
        assertEquals("分组", rows.get(0).get(0));
        assertEquals(1 + 2 * 3, rows.size());
        List<String> signed = rows.stream().filter(r -> r.get(0).equals(Long.toString(a)) && r.get(2).equals("2024"))
                .findFirst().orElseThrow();
        int column = rows.get(0).indexOf("签约项目投资");
        assertEquals(0, new BigDecimal("123.45").compareTo(new BigDecimal(signed.get(column))));
        Api.raw().header("Accept-Language", "en").queryParam("format", "xlsx").queryParam("year", 2024)
                .get("/api/v1/programs/{code}/summary", program).then().statusCode(200)
                .contentType(startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @Test
    void aCountyEditorSeesTheProgrammeButOnlyTheirOwnPairs() {
        String program = Fixtures.program(List.of(YIWU, NANHU), List.of(LIANDU, SUICHANG));
        long own = Fixtures.pairing(program, YIWU, LIANDU);
        long other = Fixtures.pairing(program, NANHU, SUICHANG);
        records.activity(other, "CHAIN_COLLAB", ActivityKind.DOCKING_MEETING, "2024-05-05", 3, 1, null);
        String editor = Fixtures.user("county-editor", LIANDU);
        String viewer = Fixtures.user("viewer", null);

        JsonPath mine = Api.as(editor, Fixtures.PASSWORD).queryParam("groupBy", "pairing")
                .get("/api/v1/programs/{code}/summary", program).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(Long.toString(own)), mine.getList("groups.key"));
        JsonPath everyPair = Api.as(viewer, Fixtures.PASSWORD).queryParam("groupBy", "pairing")
                .get("/api/v1/programs/{code}/summary", program).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(Long.toString(own), Long.toString(other)), everyPair.getList("groups.key"));

        // The programme as a whole, by city and by track, is the same for the editor as for anyone.
        for (String groupBy : List.of("program", "city", "track")) {
            JsonPath editors = Api.as(editor, Fixtures.PASSWORD).queryParam("groupBy", groupBy).queryParam("year", 2024)
                    .get("/api/v1/programs/{code}/summary", program).then().statusCode(200).extract().jsonPath();
            JsonPath admins = api().queryParam("groupBy", groupBy).queryParam("year", 2024)
                    .get("/api/v1/programs/{code}/summary", program).then().statusCode(200).extract().jsonPath();
            assertEquals(admins.getList("groups"), editors.getList("groups"), groupBy);
        }
        assertEquals(1, ((Number) Api.as(editor, Fixtures.PASSWORD).queryParam("year", 2024)
                .get("/api/v1/programs/{code}/summary", program).then().extract().jsonPath()
                .get("groups[0].years[0].activities[0].activities")).intValue());
        // The export is scoped the same way.
        List<List<String>> rows = Spreadsheets.csv(Api.raw().auth().oauth2(Api.token(editor, Fixtures.PASSWORD))
                .queryParam("groupBy", "pairing").queryParam("format", "csv")
                .get("/api/v1/programs/{code}/summary", program).then().statusCode(200).extract().asByteArray());
        assertTrue(rows.stream().skip(1).allMatch(r -> r.get(0).equals(Long.toString(own))));
        assertFalse(rows.size() <= 1);
    }

    @Test
    void aKeptSummaryGoesWhenItsProgrammeChangesAndStaysWhenAnotherDoes() {
        String program = Fixtures.program(List.of(YIWU), List.of(LIANDU));
        long pairing = Fixtures.pairing(program, YIWU, LIANDU);
        String other = Fixtures.program(List.of(NANHU), List.of(SUICHANG));
        long elsewhere = Fixtures.pairing(other, NANHU, SUICHANG);
        String activities = "groups[0].years[1].activities[0].activities";
        api().get("/api/v1/programs/{code}/summary", program).then().statusCode(200).body(activities, equalTo(0));
        records.activity(elsewhere, "CHAIN_COLLAB", ActivityKind.DOCKING_MEETING, "2024-05-05", 3, 1, null);
        api().get("/api/v1/programs/{code}/summary", program).then().statusCode(200).body(activities, equalTo(0));
        records.activity(pairing, "CHAIN_COLLAB", ActivityKind.DOCKING_MEETING, "2024-05-05", 3, 1, null);
        api().get("/api/v1/programs/{code}/summary", program).then().statusCode(200).body(activities, equalTo(1));
        // An assessment run changes the programme's assessments: the kept summary goes too.
        AnnualAssessmentTest.publishedScheme(program, 2024);
        run(program, 2024);
        api().get("/api/v1/programs/{code}/summary", program).then().statusCode(200)
                .body("groups[0].years[1].assessments.assessed", equalTo(1));
    }

    /**
     * Pairs added and dissolved count at once, the first one too: read while the programme had no pairs, its
     * summary keeps its figures of each part whole with no block's scope to check, and its pairs are what make them
     * stale.
     */
    @Test
    void aPairAddedOrDissolvedCountsAtOnce() {
        String program = Fixtures.program(List.of(YIWU, NANHU), List.of(LIANDU, SUICHANG));
        String activities = "groups[0].years[0].activities[0].activities";
        api().queryParam("year", 2024).get("/api/v1/programs/{code}/summary", program).then().statusCode(200)
                .body("groups[0].pairings", equalTo(0)).body(activities, equalTo(0));
        long first = Fixtures.pairing(program, YIWU, LIANDU);
        records.activity(first, "CHAIN_COLLAB", ActivityKind.DOCKING_MEETING, "2024-05-05", 3, 1, null);
        api().queryParam("year", 2024).get("/api/v1/programs/{code}/summary", program).then().statusCode(200)
                .body("groups[0].pairings", equalTo(1)).body(activities, equalTo(1));
        long second = Fixtures.pairing(program, NANHU, SUICHANG);
        records.activity(second, "CHAIN_COLLAB", ActivityKind.DOCKING_MEETING, "2024-06-06", 3, 1, null);
        api().queryParam("year", 2024).get("/api/v1/programs/{code}/summary", program).then().statusCode(200)
                .body("groups[0].pairings", equalTo(2)).body(activities, equalTo(2));
        String etag = api().get("/api/v1/pairings/{id}", first).then().statusCode(200).extract().header("ETag");
        api().header("If-Match", etag).body(Map.of("status", "DISSOLVED")).patch("/api/v1/pairings/{id}", first)
                .then().statusCode(200);
        api().queryParam("year", 2024).get("/api/v1/programs/{code}/summary", program).then().statusCode(200)
                .body("groups[0].pairings", equalTo(1)).body(activities, equalTo(1));
    }

    @Test
    void theStatementsOfASummaryDoNotGrowWithThePairs() {
        List<String> industrial = List.of(YIWU, NANHU, HANGZHOU_XIHU, "330382", "330522", "330483");
        List<String> mountain = List.of(LIANDU, SUICHANG, CHUNAN, "331127", "330822", "331023");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int pairs : List.of(2, 6)) {
            String program = Fixtures.program(industrial, mountain);
            for (int i = 0; i < pairs; i++) {
                long pairing = Fixtures.pairing(program, industrial.get(i), mountain.get(i));
                records.project(pairing, "PROJECT_COOP", decimal("10"), decimal("20"), decimal("1"), "2024-01-01",
                        step(ProjectStatus.SIGNED, "2024-03-03"));
                records.activity(pairing, "FACTOR_RECIPROCITY", ActivityKind.TRAINING,
                        "2024-04-04", 10, 1, null);
                values(pairing, 2024, "targets", 100, 100);
                values(pairing, 2024, "actuals", 50, 50);
                api().body(Map.of("name", "园区" + i, "hostCounty", mountain.get(i), "establishedOn", "2024-05-05"))
                        .post("/api/v1/pairings/{id}/parks", pairing).then().statusCode(201);
            }
            AnnualAssessmentTest.publishedScheme(program, 2024);
            run(program, 2024);
            for (String groupBy : List.of("program", "track", "city", "pairing")) {
                counts.put(groupBy + " " + pairs, Statements.of(() -> api().queryParam("groupBy", groupBy)
                        .get("/api/v1/programs/{code}/summary", program).then().statusCode(200)
                        .body("groups[0].years", hasSize(3))));
            }
        }
        for (String groupBy : List.of("program", "track", "city", "pairing")) {
            assertEquals(counts.get(groupBy + " 2"), counts.get(groupBy + " 6"), groupBy + ": " + counts);
            // About one per figure, and the caller's user and the programme's scopes.
            assertTrue(counts.get(groupBy + " 6") <= 16, "a fixed handful of statements: " + counts);
        }
    }
}
