package org.tandem.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.tandem.assessment.AssessmentScopes;
import org.tandem.cooperation.ActivityKind;
import org.tandem.cooperation.ProjectStatus;
import org.tandem.problem.ProblemException;
import org.tandem.registry.CountyRef;
import org.tandem.registry.Pairing;
import org.tandem.registry.Program;
import org.tandem.registry.RecordKind;
import org.tandem.web.DateRange;
import org.tandem.web.InList;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A programme's figures ({@link ProgramSummary}), each read already grouped by the database: one statement per
 * figure, whatever the number of pairs, groups or years. The projects and activities come from the tallies the
 * cooperation records keep (per pair, year, track and step or kind); derived indicators are evaluated in Java over
 * those grouped rows, the way {@code DerivedValues} evaluates them for one pair (no statement of their own). Only the
 * per-track scores are not in a column: they are read from the assessments' breakdowns, in one statement.
 * <p>
 * The figures are read per block of pairs ({@link SummaryBlocks}) and added up in Java. A block's figures of each
 * kind of record are kept while none of its pairs' records of that kind changes, its figures of assessments while the
 * programme's assessments and pairings do not, so after a clerk's write only that pair's block is read again, by the
 * one statement of the kind written, with the block's pairs listed.
 * <p>
 * Every pair of the programme counts but the dissolved ones. A county editor's groupBy=pairing shows only the
 * pairs of their county.
 */
@ApplicationScoped
public class ProgramSummaries {

    private static final int MONEY = 2;
    private static final int RATIO = 4;
    private static final int SCORE = 2;
    private static final ZoneId SERVICE_ZONE = ZoneId.of(DateRange.ZONE);
    private static final List<String> STEPS = Arrays.stream(ProjectStatus.values()).map(Enum::name).toList();
    private static final List<String> KINDS = Arrays.stream(ActivityKind.values()).map(Enum::name).toList();

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    SummaryBlocks blocks;

    /**
     * The summary of programme {@code code} in {@code year} (null: every year of the programme), grouped by
     * {@code groupBy}; with {@code ownCounty} (a county editor's), groupBy=pairing shows only that county's pairs.
     * 404 for an unknown programme, 400 for a year outside it.
     */
    public ProgramSummary summary(String code, Integer year, GroupBy groupBy, String ownCounty) {
        return summary(Program.require(code), year, groupBy, ownCounty);
    }

    /** The same of {@code program}, looked up already; declares what a kept summary depends on. */
    ProgramSummary summary(Program program, Integer year, GroupBy groupBy, String ownCounty) {
        OffsetDateTime asOf = OffsetDateTime.now(SERVICE_ZONE);
        ReportScopes.ofProgram(program.id);
        if (year != null && (year < program.startYear || year > program.endYear)) {
            throw ProblemException.invalid("year", "must be a year of the programme, " + program.startYear + " to "
                    + program.endYear);
        }
        int from = year == null ? program.startYear : year;
        int to = year == null ? program.endYear : year;
        Frame frame = new Frame(program.id, program.code, from, to, groupBy,
                groupBy == GroupBy.PAIRING ? ownCounty : null, groupBy == GroupBy.PAIRING && ownCounty != null,
                blocks.pairsPerBlock(), null);
        SummaryBlocks.Pairs pairs = blocks.pairs(program.id, frame.county(), () -> pairsOf(frame));
        Map<String, GroupHead> heads = groups(frame, program, pairs.ids().size());
        Map<String, Object[]> catalogue = catalogue();
        // By pairing, a block holds a group per pair: they are read, not kept (the whole answer is, by the read cache).
        boolean keep = groupBy != GroupBy.PAIRING;
        Figures figures = new Figures();
        // Each kind of record apart: after a clerk's write of one kind, only that kind's statement reads its block.
        Set<String> pairings = Set.of(Pairing.pairingsScope(program.id));
        for (Map.Entry<RecordKind, Statement> kind : records(groupBy).entrySet()) {
            SummaryBlocks.Summary records = new SummaryBlocks.Summary(kind.getKey().name(), program.id, groupBy, from,
                    to, frame.county());
            figures.add(blocks.figures(records, pairs, ids -> SummaryBlocks.scopesOf(ids, kind.getKey(), pairings),
                    keep, listed -> {
                        Map<Long, Figures> read = new HashMap<>();
                        kind.getValue().read(frame.within(listed), read);
                        return read;
                    }));
        }
        SummaryBlocks.Summary assessments = new SummaryBlocks.Summary("ASSESSMENTS", program.id, groupBy, from, to,
                frame.county());
        Set<String> assessed = Set.of(AssessmentScopes.scopeOf(program.id), Pairing.pairingsScope(program.id));
        figures.add(blocks.figures(assessments, pairs, ids -> assessed, keep,
                listed -> assessments(frame.within(listed))));
        derive(groupBy, figures, catalogue);
        List<ProgramSummary.Group> groups = new ArrayList<>();
        for (GroupHead head : heads.values()) {
            List<ProgramSummary.YearFigures> years = new ArrayList<>();
            for (int y = from; y <= to; y++) {
                years.add(figures.of(head.key(), y).view(y, head, groupBy, figures.firstParks(head.key()),
                        catalogue));
            }
            groups.add(new ProgramSummary.Group(head.key(), head.label(), head.pairing(), head.industrial(),
                    head.mountain(), groupBy == GroupBy.TRACK ? null : head.pairings(), years));
        }
        return new ProgramSummary(program.code, program.name, groupBy.parameter(), year, asOf,
                ProgramSummary.ROUNDING, groups);
    }

    /** One statement of the figures of records: reads them for the frame's pairs into {@code read}, by block. */
    @FunctionalInterface
    private interface Statement {
        void read(Frame frame, Map<Long, Figures> read);
    }

    /**
     * The statements of the figures of records, by the kind of record each reads, in the order they are added up.
     * A block's figures of a kind depend on its pairs' records of that kind ({@link Pairing#scope(long, RecordKind)},
     * which only a change of such a record moves: the tallies of projects and activities change with them) and on the
     * programme's pairings (a pair's counties name its city).
     */
    private Map<RecordKind, Statement> records(GroupBy groupBy) {
        Map<RecordKind, Statement> records = new LinkedHashMap<>();
        records.put(RecordKind.PROJECTS, this::projects);
        records.put(RecordKind.ACTIVITIES, this::activities);
        records.put(RecordKind.VALUES, this::indicators);
        if (groupBy != GroupBy.TRACK) {
            records.put(RecordKind.PARKS, this::parks);
            records.put(RecordKind.PAIR_YEARS, this::workflow);
        }
        records.put(RecordKind.LEDGER, this::funding);
        return records;
    }

    /** The figures of the assessments of the frame's pairs, by block of pairs: one statement per figure. */
    private Map<Long, Figures> assessments(Frame frame) {
        Map<Long, Figures> read = new HashMap<>();
        if (frame.groupBy() != GroupBy.TRACK) {
            grades(frame, read);
        }
        breakdowns(frame, read);
        // Kept in order: adding them up merges them, and their medians are taken without sorting them again.
        read.values().forEach(Figures::sortScores);
        return read;
    }

    /** The figures of the block a row's {@link Frame#block} column names. */
    private static Figures of(Map<Long, Figures> read, Object block) {
        return read.computeIfAbsent(((Number) block).longValue(), b -> new Figures());
    }

    /**
     * What every statement is restricted to, and how its rows are grouped: pairs of the programme (those of
     * {@code county} when {@code restricted}; only those {@code listed}, when that is not null), grouped by block of
     * {@code pairsPerBlock} pairs besides the group.
     */
    private record Frame(long program, String code, int from, int to, GroupBy groupBy, String county,
            boolean restricted, int pairsPerBlock, InList listed) {

        /** The same frame over the pairs {@code pairs} (null: every pair of the programme). */
        Frame within(List<Long> pairs) {
            return new Frame(program, code, from, to, groupBy, county, restricted, pairsPerBlock,
                    pairs == null ? null : InList.of("pair", pairs));
        }

        /** The columns of a pair the statements use: all that a derived table of listed pairs needs to hold. */
        static final String PAIR_COLUMNS = "id, program_id, status, industrial_county_code, mountain_county_code";

        /** A row's block ({@link SummaryBlocks#blockOf}), as SQL: an integer division of the pair's id. */
        String block() {
            return "(p.id / " + pairsPerBlock + ")";
        }

        /**
         * The group of a row, as SQL; {@code track} is the row's track column, used by groupBy=track. Read as it is
         * stored ({@link #group} makes it a string): casting it in SQL cost about a third of a tally's statement.
         */
        String key(String track) {
            return switch (groupBy) {
                case PROGRAM -> "p.program_id";
                case TRACK -> track;
                case CITY -> "mc.city_code";
                case PAIRING -> "p.id";
            };
        }

        /**
         * The programme's pairs (dissolved ones left out) the rows of {@code alias} belong to. Listed pairs are
         * chosen in a derived table: H2 checks a condition on the joined pair again for every row, so a list there
         * costs the list's length for each row, and reading a few hundred listed pairs took longer than every pair.
         */
        String pairs(String alias) {
            return " join " + (listed == null ? "pairing"
                    : "(select " + PAIR_COLUMNS + " from pairing where id in "
                            + listed.sql() + ")")
                    + " p on p.id = " + alias + ".pairing_id"
                    + (groupBy == GroupBy.CITY ? " join county mc on mc.code = p.mountain_county_code" : "")
                    + " where p.program_id = :program and p.status <> 'DISSOLVED'"
                    + (restricted ? " and (p.industrial_county_code = :county or p.mountain_county_code = :county)"
                            : "");
        }

        String years(String alias) {
            return " and " + alias + ".calendar_year between :from and :to";
        }

        /** {@code columns}, each once, as a group by clause. */
        static String groupBy(String... columns) {
            return " group by " + String.join(", ", new LinkedHashSet<>(Arrays.asList(columns)));
        }

        Query bind(Query query, boolean years) {
            query.setParameter("program", program);
            if (years) {
                query.setParameter("from", from).setParameter("to", to);
            }
            if (restricted) {
                query.setParameter("county", county == null ? "" : county);
            }
            return listed == null ? query : listed.bind(query);
        }

        /** The group a row's key names: the programme's code for groupBy=program. */
        String group(Object key) {
            return groupBy == GroupBy.PROGRAM ? code : key.toString();
        }
    }

    /** A group as listed: its key and label, and for pairs their counties. */
    private record GroupHead(String key, String label, Long pairing, CountyRef industrial, CountyRef mountain,
            long pairings) {
    }

    /** The groups, in order: the programme; the tracks by position; the cities by code; the pairs by id. */
    @SuppressWarnings("unchecked")
    private Map<String, GroupHead> groups(Frame frame, Program program, int pairs) {
        Map<String, GroupHead> heads = new LinkedHashMap<>();
        switch (frame.groupBy()) {
            case TRACK -> {
                List<Object[]> rows = em.createNativeQuery("select code, name_zh from track order by position")
                        .getResultList();
                rows.forEach(r -> heads.put((String) r[0], new GroupHead((String) r[0], (String) r[1], null, null,
                        null, 0)));
            }
            case PROGRAM -> heads.put(program.code, new GroupHead(program.code, program.name, null, null, null,
                    pairs));
            case CITY -> {
                List<Object[]> rows = frame.bind(em.createNativeQuery("select mc.city_code, mc.city_name, count(*)"
                        + " from pairing p join county mc on mc.code = p.mountain_county_code where p.program_id ="
                        + " :program and p.status <> 'DISSOLVED' group by mc.city_code, mc.city_name"
                        + " order by mc.city_code"), false).getResultList();
                rows.forEach(r -> heads.put((String) r[0], new GroupHead((String) r[0], (String) r[1], null, null,
                        null, ((Number) r[2]).longValue())));
            }
            case PAIRING -> {
                List<Object[]> rows = frame.bind(em.createNativeQuery("select p.id, ic.code, ic.name, mc.code,"
                        + " mc.name from pairing p join county ic on ic.code = p.industrial_county_code"
                        + " join county mc on mc.code = p.mountain_county_code where p.program_id = :program"
                        + " and p.status <> 'DISSOLVED'" + (frame.restricted()
                                ? " and (p.industrial_county_code = :county or p.mountain_county_code = :county)"
                                : "")
                        + " order by p.id"), false).getResultList();
                for (Object[] r : rows) {
                    long id = ((Number) r[0]).longValue();
                    heads.put(Long.toString(id), new GroupHead(Long.toString(id), r[2] + "—" + r[4], id,
                            new CountyRef((String) r[1], (String) r[2]), new CountyRef((String) r[3], (String) r[4]),
                            1));
                }
            }
        }
        return heads;
    }

    /** The programme's pairs (a county editor's own, by pairing) but the dissolved ones, by id. */
    @SuppressWarnings("unchecked")
    private List<Long> pairsOf(Frame frame) {
        List<Number> ids = frame.bind(em.createNativeQuery("select p.id from pairing p where p.program_id = :program"
                + " and p.status <> 'DISSOLVED'" + (frame.restricted()
                        ? " and (p.industrial_county_code = :county or p.mountain_county_code = :county)"
                        : "")
                + " order by p.id"), false).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** The indicators, by code, in the order of their tracks: their columns as {@link #evaluate} reads them. */
    @SuppressWarnings("unchecked")
    private Map<String, Object[]> catalogue() {
        List<Object[]> rows = em.createNativeQuery("select i.code, i.track_code, i.name_zh, i.unit, i.source,"
                + " i.direction, i.derived_from, i.derived_aggregate, i.derived_measure, i.derived_any_track,"
                + " i.derived_project_status, i.derived_activity_kinds from indicator i"
                + " join track k on k.code = i.track_code order by k.position, i.code").getResultList();
        Map<String, Object[]> catalogue = new LinkedHashMap<>();
        rows.forEach(r -> catalogue.put((String) r[0], r));
        return catalogue;
    }

    /** The projects that reached each step in each year, per group and track, from the project tallies. */
    @SuppressWarnings("unchecked")
    private void projects(Frame frame, Map<Long, Figures> read) {
        String key = frame.key("t.track_code");
        List<Object[]> rows = frame.bind(em.createNativeQuery("select " + key + ", " + frame.block() + ","
                + " t.calendar_year, t.track_code, t.step, sum(t.projects), sum(t.investment),"
                + " sum(t.expected_annual_output), sum(t.expected_annual_tax) from project_tally t"
                + frame.pairs("t") + frame.years("t")
                + Frame.groupBy(key, frame.block(), "t.calendar_year", "t.track_code", "t.step")), true)
                .getResultList();
        for (Object[] r : rows) {
            of(read, r[1]).of(frame.group(r[0]), year(r[2])).project((String) r[4], (String) r[3], count(r[5]),
                    money(r[6]), money(r[7]), money(r[8]));
        }
    }

    /** The activities held in each year, per group and kind, from the activity tallies. */
    @SuppressWarnings("unchecked")
    private void activities(Frame frame, Map<Long, Figures> read) {
        String key = frame.key("t.track_code");
        List<Object[]> rows = frame.bind(em.createNativeQuery("select " + key + ", " + frame.block() + ","
                + " t.calendar_year, t.kind, sum(t.activities), sum(t.participants), sum(t.enterprises),"
                + " sum(t.amount), t.track_code from activity_tally t" + frame.pairs("t") + frame.years("t")
                + Frame.groupBy(key, frame.block(), "t.calendar_year", "t.track_code", "t.kind")), true)
                .getResultList();
        for (Object[] r : rows) {
            of(read, r[1]).of(frame.group(r[0]), year(r[2])).activity((String) r[8], (String) r[3], count(r[4]),
                    count(r[5]), count(r[6]), money(r[7]));
        }
    }

    /**
     * Targets and reported actuals summed per group, year and indicator (one statement). The derived actuals are
     * evaluated once the blocks are added up, over their project and activity tallies ({@link #derive}).
     */
    @SuppressWarnings("unchecked")
    private void indicators(Frame frame, Map<Long, Figures> read) {
        String key = frame.key("i.track_code");
        // Only by track is the indicator's row needed: joining it for nothing took about 40% of the statement.
        List<Object[]> values = frame.bind(em.createNativeQuery("select " + key + ", " + frame.block() + ","
                + " v.calendar_year, v.indicator_code, v.kind, sum(v.quantity), count(*) from indicator_value v"
                + (frame.groupBy() == GroupBy.TRACK ? " join indicator i on i.code = v.indicator_code" : "")
                + frame.pairs("v") + frame.years("v")
                + Frame.groupBy(key, frame.block(), "v.calendar_year", "v.indicator_code", "v.kind")), true)
                .getResultList();
        for (Object[] r : values) {
            of(read, r[1]).of(frame.group(r[0]), year(r[2])).indicator((String) r[3], (String) r[4], decimal(r[5]),
                    count(r[6]));
        }
    }

    /**
     * The actuals of the derived indicators, evaluated over the tallies already read (per group, year, track and
     * step or kind) the way {@code DerivedValues} evaluates them for one pair: a derived indicator counts or sums
     * the projects that reached its step, or the activities of its kinds, under its track unless any track counts.
     * By track, an indicator that counts any track's records is evaluated over every track's and shown under its own.
     */
    private static void derive(GroupBy groupBy, Figures figures, Map<String, Object[]> catalogue) {
        List<Object[]> derived = catalogue.values().stream().filter(r -> "DERIVED".equals(r[4])).toList();
        if (groupBy != GroupBy.TRACK) {
            for (Map<Integer, Year> years : figures.years.values()) {
                for (Year year : years.values()) {
                    for (Object[] indicator : derived) {
                        BigDecimal value = evaluate(indicator, List.of(year));
                        if (value != null) {
                            Indicator figure = year.indicator((String) indicator[0]);
                            figure.actual = figure.actual.add(value);
                        }
                    }
                }
            }
            return;
        }
        Map<Integer, List<Year>> byYear = new TreeMap<>();
        figures.years.values().forEach(years -> years.forEach((y, year) -> byYear
                .computeIfAbsent(y, k -> new ArrayList<>()).add(year)));
        byYear.forEach((y, tracks) -> {
            for (Object[] indicator : derived) {
                BigDecimal value = evaluate(indicator, tracks);
                if (value != null) {
                    Indicator figure = figures.of((String) indicator[1], y).indicator((String) indicator[0]);
                    figure.actual = figure.actual.add(value);
                }
            }
        });
    }

    /** A derived indicator's value over the tallies of {@code years}; null when no tally is one it counts. */
    private static BigDecimal evaluate(Object[] indicator, List<Year> years) {
        String track = (String) indicator[1];
        boolean count = "COUNT".equals(indicator[7]);
        String measure = (String) indicator[8];
        boolean anyTrack = Boolean.TRUE.equals(indicator[9]);
        boolean matched = false;
        BigDecimal value = BigDecimal.ZERO;
        if ("PROJECT".equals(indicator[6])) {
            for (Year year : years) {
                for (Map.Entry<String, Sums> byTrack : year.projects.getOrDefault((String) indicator[10], Map.of())
                        .entrySet()) {
                    if (anyTrack || byTrack.getKey().equals(track)) {
                        Sums sums = byTrack.getValue();
                        matched = true;
                        value = value.add(count ? BigDecimal.valueOf(sums.count) : switch (String.valueOf(measure)) {
                            case "INVESTMENT" -> sums.investment;
                            case "EXPECTED_ANNUAL_OUTPUT" -> sums.output;
                            case "EXPECTED_ANNUAL_TAX" -> sums.tax;
                            default -> BigDecimal.ZERO;
                        });
                    }
                }
            }
            return matched ? value : null;
        }
        String kindsColumn = (String) indicator[11];
        List<String> kinds = kindsColumn == null || kindsColumn.isBlank() ? null
                : Arrays.stream(kindsColumn.split(",")).map(String::trim).toList();
        for (Year year : years) {
            for (ActivityTally tally : year.activityTallies.values()) {
                if ((anyTrack || tally.track().equals(track)) && (kinds == null || kinds.contains(tally.kind()))) {
                    matched = true;
                    value = value.add(count ? BigDecimal.valueOf(tally.activities()) : switch (String.valueOf(measure)) {
                        case "PARTICIPANTS" -> BigDecimal.valueOf(tally.participants());
                        case "ENTERPRISES" -> BigDecimal.valueOf(tally.enterprises());
                        case "AMOUNT" -> tally.amount();
                        default -> BigDecimal.ZERO;
                    });
                }
            }
        }
        return matched ? value : null;
    }

    /** One activity tally row as read: a group's activities of one track and kind in one year. */
    private record ActivityTally(String track, String kind, long activities, long participants, long enterprises,
            BigDecimal amount) {

        ActivityTally plus(ActivityTally other) {
            return new ActivityTally(track, kind, activities + other.activities, participants + other.participants,
                    enterprises + other.enterprises, amount.add(other.amount));
        }
    }

    /**
     * Per group, how many pairs had their first park established in each year (up to the last year asked): each
     * pair's first year is read (one row per pair with a dated park), and counted here. A park established before
     * the programme's first year counts in every year. Read as a derived table grouped again by year, H2 evaluated it
     * once for every pair of the block, over all the programme's pairs: 25 ms for a block of 32.
     */
    @SuppressWarnings("unchecked")
    private void parks(Frame frame, Map<Long, Figures> read) {
        String key = frame.key(null);
        List<Object[]> rows = frame.bind(em.createNativeQuery("select " + key + ", " + frame.block() + ","
                + " cast(extract(year from min(k.established_on)) as integer) from cooperation_park k"
                + frame.pairs("k") + " and k.established_on is not null" + Frame.groupBy("p.id", key, frame.block())),
                false).getResultList();
        for (Object[] r : rows) {
            int first = year(r[2]);
            if (first <= frame.to()) {
                of(read, r[1]).firstParks(frame.group(r[0])).merge(first, 1L, Long::sum);
            }
        }
    }

    /** Pair-years per group, year and workflow state; RETURNED is a DRAFT submitted before. */
    @SuppressWarnings("unchecked")
    private void workflow(Frame frame, Map<Long, Figures> read) {
        String key = frame.key(null);
        List<Object[]> rows = frame.bind(em.createNativeQuery("select " + key + ", " + frame.block() + ","
                + " y.calendar_year, y.actuals_state, y.ever_submitted, count(*) from pair_year y"
                + frame.pairs("y") + frame.years("y")
                + Frame.groupBy(key, frame.block(), "y.calendar_year", "y.actuals_state", "y.ever_submitted")), true)
                .getResultList();
        for (Object[] r : rows) {
            Year year = of(read, r[1]).of(frame.group(r[0]), year(r[2]));
            long n = count(r[5]);
            switch ((String) r[3]) {
                case "SUBMITTED" -> year.submitted += n;
                case "APPROVED" -> year.approved += n;
                default -> {
                    if (Boolean.TRUE.equals(r[4])) {
                        year.returned += n;
                    }
                }
            }
        }
    }

    /** Assessments per group, year and grade: how many, their totals, how many passed and are final. */
    @SuppressWarnings("unchecked")
    private void grades(Frame frame, Map<Long, Figures> read) {
        String key = frame.key(null);
        List<Object[]> rows = frame.bind(em.createNativeQuery("select " + key + ", " + frame.block() + ","
                + " a.calendar_year, a.grade_code, a.grade_label, count(*), sum(a.total),"
                + " sum(case when a.passed then 1 else 0 end), sum(case when a.status = 'FINALIZED' then 1 else 0 end)"
                + " from assessment a" + frame.pairs("a") + frame.years("a")
                + Frame.groupBy(key, frame.block(), "a.calendar_year", "a.grade_code", "a.grade_label")), true)
                .getResultList();
        for (Object[] r : rows) {
            of(read, r[1]).of(frame.group(r[0]), year(r[2])).grade(new Grade((String) r[3], (String) r[4],
                    count(r[5]), decimal(r[6])), count(r[7]), count(r[8]));
        }
    }

    /**
     * Each assessment's total (for the median) and track points, from its breakdown (the one figure not in a
     * column), and its rank this year and the year before; one statement.
     */
    @SuppressWarnings("unchecked")
    private void breakdowns(Frame frame, Map<Long, Figures> read) {
        String key = frame.groupBy() == GroupBy.TRACK ? "p.program_id" : frame.key(null);
        List<Object[]> rows = frame.bind(em.createNativeQuery("select " + key + ", " + frame.block() + ","
                + " a.calendar_year, a.rank_in_year, b.rank_in_year, s.body, a.total from assessment a"
                + " join score_breakdown s on s.id = a.breakdown_id"
                + " left join assessment b on b.pairing_id = a.pairing_id and b.calendar_year = a.calendar_year - 1"
                + frame.pairs("a") + frame.years("a")), true).getResultList();
        for (Object[] r : rows) {
            Figures figures = of(read, r[1]);
            int year = year(r[2]);
            JsonNode tracks = tracksOf((String) r[5]);
            for (JsonNode track : tracks) {
                String code = track.path("trackCode").asText();
                Year figuresOfGroup = figures.of(frame.groupBy() == GroupBy.TRACK ? code : frame.group(r[0]), year);
                figuresOfGroup.trackPoint(code, track.path("points").decimalValue());
            }
            if (frame.groupBy() == GroupBy.TRACK) {
                continue;
            }
            Year own = figures.of(frame.group(r[0]), year);
            own.scores.add(decimal(r[6]));
            if (frame.groupBy() == GroupBy.PAIRING) {
                own.rank = r[3] == null ? null : ((Number) r[3]).intValue();
                own.previousRank = r[4] == null ? null : ((Number) r[4]).intValue();
            }
        }
    }

    /**
     * The funding ledger's sums per group, year and effect (a correction counts, negative, under the effect of the
     * entry it reverses); for groupBy=track the earmarked track, entries not earmarked left out. One statement.
     */
    @SuppressWarnings("unchecked")
    private void funding(Frame frame, Map<Long, Figures> read) {
        String key = frame.key("e.track_code");
        List<Object[]> rows = frame.bind(em.createNativeQuery("select " + key + ", " + frame.block() + ","
                + " e.calendar_year, e.effect, sum(e.amount) from ledger_entry e" + frame.pairs("e")
                + frame.years("e") + Frame.groupBy(key, frame.block(), "e.calendar_year", "e.effect")), true)
                .getResultList();
        for (Object[] r : rows) {
            if (r[0] == null) {
                continue;
            }
            Year year = of(read, r[1]).of(frame.group(r[0]), year(r[2]));
            BigDecimal amount = money(r[4]);
            switch ((String) r[3]) {
                case "ALLOCATION" -> year.allocated = year.allocated.add(amount);
                case "DISBURSEMENT" -> year.disbursed = year.disbursed.add(amount);
                default -> year.clawedBack = year.clawedBack.add(amount);
            }
        }
    }

    /**
     * The {@code tracks} of a stored breakdown, the rest skipped unread into objects: a breakdown is mostly its
     * indicators, and a summary of a big programme reads thousands.
     */
    private JsonNode tracksOf(String breakdown) {
        try (JsonParser parser = json.createParser(breakdown)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if ("tracks".equals(field)) {
                        // The rest of the breakdown is left unread: no check for what follows the tracks.
                        return json.readerFor(JsonNode.class)
                                .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(parser);
                    }
                    parser.skipChildren();
                }
            }
            return json.createArrayNode();
        } catch (IOException e) {
            throw new IllegalStateException("a stored breakdown is unreadable", e);
        }
    }

    /**
     * Everything read of some pairs (a block of them, or all added up), by group and year. The figures of a block
     * are kept ({@link SummaryBlocks}) and never changed once read: {@link #add} copies what it adds.
     */
    static final class Figures {
        final Map<String, Map<Integer, Year>> years = new HashMap<>();
        final Map<String, Map<Integer, Long>> firstParks = new HashMap<>();

        Year of(String group, int year) {
            return years.computeIfAbsent(group, g -> new HashMap<>()).computeIfAbsent(year, y -> new Year());
        }

        Map<Integer, Long> firstParks(String group) {
            return firstParks.computeIfAbsent(group, g -> new TreeMap<>());
        }

        /** Adds the figures of other pairs to these. */
        void add(Figures other) {
            other.years.forEach((group, years) -> years.forEach((year, figures) -> of(group, year).add(figures)));
            other.firstParks.forEach((group, parks) -> parks.forEach((year, pairs) -> firstParks(group)
                    .merge(year, pairs, Long::sum)));
        }

        void sortScores() {
            years.values().forEach(years -> years.values().forEach(Year::sortScores));
        }

        /** How many group-years these figures hold: what keeping them weighs. */
        int groupYears() {
            return years.values().stream().mapToInt(Map::size).sum() + firstParks.size();
        }
    }

    private record Grade(String code, String label, long count, BigDecimal totals) {

        Grade plus(Grade other) {
            return new Grade(code, label, count + other.count, totals.add(other.totals));
        }
    }

    private static final class Indicator {
        BigDecimal target = BigDecimal.ZERO;
        BigDecimal actual = BigDecimal.ZERO;
        long pairsWithTarget;
    }

    /** Sums of several columns of money, and a count. */
    private static final class Sums {
        long count;
        long participants;
        long enterprises;
        BigDecimal investment = zeroMoney();
        BigDecimal output = zeroMoney();
        BigDecimal tax = zeroMoney();
        BigDecimal amount = zeroMoney();
    }

    /** One group's figures in one year, as read. */
    private static final class Year {
        final Map<String, Map<String, Sums>> projects = new HashMap<>();
        final Map<String, Sums> activities = new HashMap<>();
        /** By track and kind. */
        final Map<String, ActivityTally> activityTallies = new LinkedHashMap<>();
        final Map<String, Indicator> indicators = new HashMap<>();
        long submitted;
        long approved;
        long returned;
        /** By code and label. */
        final Map<String, Grade> grades = new LinkedHashMap<>();
        long assessed;
        long passed;
        long finalized;
        BigDecimal totals = BigDecimal.ZERO;
        /**
         * Every assessment's total, for the median; in order, and never changed, once read ({@link #sortScores}):
         * adding up shares such lists rather than copying them.
         */
        List<BigDecimal> scores = new ArrayList<>();
        /** Every assessment's points in each track, likewise, and their sum in each track. */
        final Map<String, List<BigDecimal>> trackPoints = new TreeMap<>();
        final Map<String, BigDecimal> trackPointSums = new HashMap<>();
        Integer rank;
        Integer previousRank;
        BigDecimal allocated = zeroMoney();
        BigDecimal disbursed = zeroMoney();
        BigDecimal clawedBack = zeroMoney();

        void project(String step, String track, long count, BigDecimal investment, BigDecimal output,
                BigDecimal tax) {
            Sums sums = projects.computeIfAbsent(step, s -> new TreeMap<>()).computeIfAbsent(track, t -> new Sums());
            sums.count += count;
            sums.investment = sums.investment.add(investment);
            sums.output = sums.output.add(output);
            sums.tax = sums.tax.add(tax);
        }

        void activity(String track, String kind, long count, long participants, long enterprises,
                BigDecimal amount) {
            activityTallies.merge(track + ' ' + kind, new ActivityTally(track, kind, count, participants, enterprises,
                    amount), ActivityTally::plus);
            Sums sums = activities.computeIfAbsent(kind, k -> new Sums());
            sums.count += count;
            sums.participants += participants;
            sums.enterprises += enterprises;
            sums.amount = sums.amount.add(amount);
        }

        Indicator indicator(String code) {
            return indicators.computeIfAbsent(code, c -> new Indicator());
        }

        /** Adds a sum of targets ({@code pairs} of them) or of actuals. */
        void indicator(String code, String kind, BigDecimal sum, long pairs) {
            Indicator indicator = indicator(code);
            if ("TARGET".equals(kind)) {
                indicator.target = indicator.target.add(sum);
                indicator.pairsWithTarget += pairs;
            } else {
                indicator.actual = indicator.actual.add(sum);
            }
        }

        /** Adds assessments of one grade, with how many of them passed and are final. */
        void grade(Grade grade, long passed, long finalized) {
            grades.merge(grade.code() + ' ' + grade.label(), grade, Grade::plus);
            assessed += grade.count();
            totals = totals.add(grade.totals());
            this.passed += passed;
            this.finalized += finalized;
        }

        void trackPoint(String track, BigDecimal points) {
            trackPoints.computeIfAbsent(track, c -> new ArrayList<>()).add(points);
            trackPointSums.merge(track, points, BigDecimal::add);
        }

        void sortScores() {
            scores = sorted(scores);
            trackPoints.replaceAll((track, points) -> sorted(points));
        }

        /** Adds the figures of other pairs in the same group and year. */
        void add(Year other) {
            other.projects.forEach((step, byTrack) -> byTrack.forEach((track, sums) -> project(step, track,
                    sums.count, sums.investment, sums.output, sums.tax)));
            other.activityTallies.values().forEach(t -> activity(t.track(), t.kind(), t.activities(),
                    t.participants(), t.enterprises(), t.amount()));
            other.indicators.forEach((code, figure) -> {
                Indicator indicator = indicator(code);
                indicator.target = indicator.target.add(figure.target);
                indicator.actual = indicator.actual.add(figure.actual);
                indicator.pairsWithTarget += figure.pairsWithTarget;
            });
            submitted += other.submitted;
            approved += other.approved;
            returned += other.returned;
            other.grades.values().forEach(grade -> grades.merge(grade.code() + ' ' + grade.label(), grade,
                    Grade::plus));
            assessed += other.assessed;
            passed += other.passed;
            finalized += other.finalized;
            totals = totals.add(other.totals);
            scores = merged(scores, other.scores);
            other.trackPoints.forEach((track, points) -> trackPoints.put(track,
                    merged(trackPoints.getOrDefault(track, List.of()), points)));
            other.trackPointSums.forEach((track, sum) -> trackPointSums.merge(track, sum, BigDecimal::add));
            if (other.rank != null) {
                rank = other.rank;
            }
            if (other.previousRank != null) {
                previousRank = other.previousRank;
            }
            allocated = allocated.add(other.allocated);
            disbursed = disbursed.add(other.disbursed);
            clawedBack = clawedBack.add(other.clawedBack);
        }

        ProgramSummary.YearFigures view(int year, GroupHead head, GroupBy groupBy, Map<Integer, Long> firstParks,
                Map<String, Object[]> catalogue) {
            List<ProgramSummary.ProjectStep> steps = new ArrayList<>();
            for (String step : STEPS) {
                Map<String, Sums> byTrack = projects.getOrDefault(step, Map.of());
                Sums all = new Sums();
                List<ProgramSummary.ProjectTrack> tracks = new ArrayList<>();
                byTrack.forEach((track, sums) -> {
                    all.count += sums.count;
                    all.investment = all.investment.add(sums.investment);
                    all.output = all.output.add(sums.output);
                    all.tax = all.tax.add(sums.tax);
                    tracks.add(new ProgramSummary.ProjectTrack(track, sums.count, sums.investment, sums.output,
                            sums.tax));
                });
                steps.add(new ProgramSummary.ProjectStep(step, all.count, all.investment, all.output, all.tax,
                        tracks));
            }
            List<ProgramSummary.ActivityKindFigures> kinds = new ArrayList<>();
            for (String kind : KINDS) {
                Sums sums = activities.getOrDefault(kind, new Sums());
                kinds.add(new ProgramSummary.ActivityKindFigures(kind, sums.count, sums.participants,
                        sums.enterprises, sums.amount));
            }
            List<ProgramSummary.IndicatorFigures> indicatorFigures = new ArrayList<>();
            catalogue.forEach((code, row) -> {
                Indicator indicator = indicators.get(code);
                if (indicator == null) {
                    return;
                }
                boolean lowerIsBetter = "LOWER_IS_BETTER".equals(row[5]);
                BigDecimal dividend = lowerIsBetter ? indicator.target : indicator.actual;
                BigDecimal divisor = lowerIsBetter ? indicator.actual : indicator.target;
                indicatorFigures.add(new ProgramSummary.IndicatorFigures(code, (String) row[1], (String) row[2],
                        (String) row[3], (String) row[4], (String) row[5], plain(indicator.target),
                        plain(indicator.actual), indicator.pairsWithTarget, divisor.signum() == 0 ? null
                                : dividend.divide(divisor, RATIO, RoundingMode.HALF_UP)));
            });
            boolean pairs = groupBy != GroupBy.TRACK;
            ProgramSummary.Parks parks = null;
            ProgramSummary.Workflow workflow = null;
            if (pairs) {
                long withPark = firstParks.entrySet().stream().filter(e -> e.getKey() <= year)
                        .mapToLong(Map.Entry::getValue).sum();
                parks = new ProgramSummary.Parks(head.pairings(), withPark, head.pairings() == 0 ? null
                        : BigDecimal.valueOf(withPark).divide(BigDecimal.valueOf(head.pairings()), RATIO,
                                RoundingMode.HALF_UP));
                workflow = new ProgramSummary.Workflow(head.pairings() - submitted - approved - returned, submitted,
                        returned, approved);
            }
            List<ProgramSummary.TrackScores> trackScores = new ArrayList<>();
            trackPoints.forEach((track, points) -> trackScores.add(new ProgramSummary.TrackScores(track,
                    points.size(), trackPointSums.get(track).divide(BigDecimal.valueOf(points.size()), SCORE,
                            RoundingMode.HALF_UP),
                    median(points))));
            ProgramSummary.Assessments assessments;
            if (pairs) {
                List<Grade> byBest = new ArrayList<>(grades.values());
                // Better grades first: by the mean total of those who got them.
                byBest.sort((a, b) -> b.totals().divide(BigDecimal.valueOf(b.count()), SCORE, RoundingMode.HALF_UP)
                        .compareTo(a.totals().divide(BigDecimal.valueOf(a.count()), SCORE, RoundingMode.HALF_UP)));
                assessments = new ProgramSummary.Assessments(assessed, finalized, passed,
                        byBest.stream().map(g -> new ProgramSummary.GradeCount(g.code(), g.label(), g.count()))
                                .toList(),
                        assessed == 0 ? null
                                : totals.divide(BigDecimal.valueOf(assessed), SCORE, RoundingMode.HALF_UP),
                        scores.isEmpty() ? null : median(scores), trackScores, rank, previousRank,
                        rank == null || previousRank == null ? null : previousRank - rank);
            } else {
                long assessedInTrack = trackScores.stream().mapToLong(ProgramSummary.TrackScores::assessed).sum();
                assessments = new ProgramSummary.Assessments(assessedInTrack, null, null, null, null, null,
                        trackScores, null, null, null);
            }
            return new ProgramSummary.YearFigures(year, steps, kinds, parks, indicatorFigures, workflow, assessments,
                    new ProgramSummary.Funding(allocated, disbursed, clawedBack,
                            allocated.subtract(clawedBack).subtract(disbursed)));
        }
    }

    /** {@code values} in order, in a list that cannot be changed. */
    static List<BigDecimal> sorted(List<BigDecimal> values) {
        return values.stream().sorted().toList();
    }

    /**
     * The values of two ordered lists, in order: one of them when the other is empty (the lists are never changed),
     * else a new list.
     */
    static List<BigDecimal> merged(List<BigDecimal> one, List<BigDecimal> other) {
        if (one.isEmpty() || other.isEmpty()) {
            return one.isEmpty() ? other : one;
        }
        List<BigDecimal> merged = new ArrayList<>(one.size() + other.size());
        int i = 0;
        int j = 0;
        while (i < one.size() || j < other.size()) {
            merged.add(j == other.size() || i < one.size() && one.get(i).compareTo(other.get(j)) <= 0 ? one.get(i++)
                    : other.get(j++));
        }
        return Collections.unmodifiableList(merged);
    }

    /** The median of {@code values}, which are in order. */
    static BigDecimal median(List<BigDecimal> sorted) {
        int n = sorted.size();
        BigDecimal middle = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
        return middle.setScale(SCORE, RoundingMode.HALF_UP);
    }

    private static BigDecimal zeroMoney() {
        return BigDecimal.ZERO.setScale(MONEY);
    }

    private static int year(Object value) {
        return ((Number) value).intValue();
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    private static BigDecimal money(Object value) {
        return decimal(value).setScale(MONEY, RoundingMode.HALF_UP);
    }

    /** A quantity without trailing zeros, never in exponent form. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
