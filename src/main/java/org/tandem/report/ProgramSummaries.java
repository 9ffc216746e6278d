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
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.tandem.cooperation.ActivityKind;
import org.tandem.cooperation.ProjectStatus;
import org.tandem.problem.ProblemException;
import org.tandem.registry.CountyRef;
import org.tandem.registry.Program;
import org.tandem.web.DateRange;

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

    /**
     * The summary of programme {@code code} in {@code year} (null: every year of the programme), grouped by
     * {@code groupBy}; with {@code ownCounty} (a county editor's), groupBy=pairing shows only that county's pairs.
     * 404 for an unknown programme, 400 for a year outside it.
     */
    public ProgramSummary summary(String code, Integer year, GroupBy groupBy, String ownCounty) {
        OffsetDateTime asOf = OffsetDateTime.now(SERVICE_ZONE);
        Program program = Program.require(code);
        if (year != null && (year < program.startYear || year > program.endYear)) {
            throw ProblemException.invalid("year", "must be a year of the programme, " + program.startYear + " to "
                    + program.endYear);
        }
        int from = year == null ? program.startYear : year;
        int to = year == null ? program.endYear : year;
        Frame frame = new Frame(program.id, program.code, from, to, groupBy,
                groupBy == GroupBy.PAIRING ? ownCounty : null, groupBy == GroupBy.PAIRING && ownCounty != null);
        Map<String, GroupHead> heads = groups(frame, program);
        Figures figures = new Figures();
        projects(frame, figures);
        activities(frame, figures);
        indicators(frame, figures);
        if (groupBy != GroupBy.TRACK) {
            parks(frame, figures);
            workflow(frame, figures);
            grades(frame, figures);
            medians(frame, figures);
        }
        breakdowns(frame, figures);
        funding(frame, figures);
        List<ProgramSummary.Group> groups = new ArrayList<>();
        for (GroupHead head : heads.values()) {
            List<ProgramSummary.YearFigures> years = new ArrayList<>();
            for (int y = from; y <= to; y++) {
                years.add(figures.of(head.key(), y).view(y, head, groupBy, figures.firstParks(head.key()),
                        figures.catalogue));
            }
            groups.add(new ProgramSummary.Group(head.key(), head.label(), head.pairing(), head.industrial(),
                    head.mountain(), groupBy == GroupBy.TRACK ? null : head.pairings(), years));
        }
        return new ProgramSummary(program.code, program.name, groupBy.parameter(), year, asOf,
                ProgramSummary.ROUNDING, groups);
    }

    /** What every statement is restricted to, and how its rows are grouped. */
    private record Frame(long program, String code, int from, int to, GroupBy groupBy, String county,
            boolean restricted) {

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

        /** The programme's pairs (dissolved ones left out) the rows of {@code alias} belong to. */
        String pairs(String alias) {
            return " join pairing p on p.id = " + alias + ".pairing_id"
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
            return query;
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
    private Map<String, GroupHead> groups(Frame frame, Program program) {
        Map<String, GroupHead> heads = new LinkedHashMap<>();
        switch (frame.groupBy()) {
            case TRACK -> {
                List<Object[]> rows = em.createNativeQuery("select code, name_zh from track order by position")
                        .getResultList();
                rows.forEach(r -> heads.put((String) r[0], new GroupHead((String) r[0], (String) r[1], null, null,
                        null, 0)));
            }
            case PROGRAM -> {
                Number count = (Number) frame.bind(em.createNativeQuery("select count(*) from pairing p where"
                        + " p.program_id = :program and p.status <> 'DISSOLVED'"), false).getSingleResult();
                heads.put(program.code, new GroupHead(program.code, program.name, null, null, null,
                        count.longValue()));
            }
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

    /** The projects that reached each step in each year, per group and track, from the project tallies. */
    @SuppressWarnings("unchecked")
    private void projects(Frame frame, Figures figures) {
        String key = frame.key("t.track_code");
        List<Object[]> rows = frame.bind(em.createNativeQuery("select " + key + ", t.calendar_year, t.track_code,"
                + " t.step, sum(t.projects), sum(t.investment), sum(t.expected_annual_output),"
                + " sum(t.expected_annual_tax) from project_tally t" + frame.pairs("t") + frame.years("t")
                + Frame.groupBy(key, "t.calendar_year", "t.track_code", "t.step")), true).getResultList();
        for (Object[] r : rows) {
            figures.of(frame.group(r[0]), year(r[1])).project((String) r[3], (String) r[2], count(r[4]),
                    money(r[5]), money(r[6]), money(r[7]));
        }
    }

    /** The activities held in each year, per group and kind, from the activity tallies. */
    @SuppressWarnings("unchecked")
    private void activities(Frame frame, Figures figures) {
        String key = frame.key("t.track_code");
        List<Object[]> rows = frame.bind(em.createNativeQuery("select " + key + ", t.calendar_year, t.kind,"
                + " sum(t.activities), sum(t.participants), sum(t.enterprises), sum(t.amount), t.track_code"
                + " from activity_tally t" + frame.pairs("t") + frame.years("t")
                + Frame.groupBy(key, "t.calendar_year", "t.track_code", "t.kind")), true).getResultList();
        for (Object[] r : rows) {
            figures.of(frame.group(r[0]), year(r[1])).activity((String) r[7], (String) r[2], count(r[3]), count(r[4]),
                    count(r[5]), money(r[6]));
        }
    }

    /**
     * Targets and reported actuals summed per group, year and indicator (one statement); derived actuals evaluated
     * over the project and activity tallies already read ({@link #derive}).
     */
    @SuppressWarnings("unchecked")
    private void indicators(Frame frame, Figures figures) {
        List<Object[]> catalogue = em.createNativeQuery("select i.code, i.track_code, i.name_zh, i.unit, i.source,"
                + " i.direction, i.derived_from, i.derived_aggregate, i.derived_measure, i.derived_any_track,"
                + " i.derived_project_status, i.derived_activity_kinds from indicator i"
                + " join track k on k.code = i.track_code order by k.position, i.code").getResultList();
        catalogue.forEach(r -> figures.catalogue.put((String) r[0], r));

        String key = frame.key("i.track_code");
        // Only by track is the indicator's row needed: joining it for nothing took about 40% of the statement.
        List<Object[]> values = frame.bind(em.createNativeQuery("select " + key + ", v.calendar_year,"
                + " v.indicator_code, v.kind, sum(v.quantity), count(*) from indicator_value v"
                + (frame.groupBy() == GroupBy.TRACK ? " join indicator i on i.code = v.indicator_code" : "")
                + frame.pairs("v") + frame.years("v")
                + Frame.groupBy(key, "v.calendar_year", "v.indicator_code", "v.kind")), true).getResultList();
        for (Object[] r : values) {
            Indicator indicator = figures.of(frame.group(r[0]), year(r[1])).indicator((String) r[2]);
            if ("TARGET".equals(r[3])) {
                indicator.target = indicator.target.add(decimal(r[4]));
                indicator.pairsWithTarget += count(r[5]);
            } else {
                indicator.actual = indicator.actual.add(decimal(r[4]));
            }
        }

        derive(frame.groupBy(), figures);
    }

    /**
     * The actuals of the derived indicators, evaluated over the tallies already read (per group, year, track and
     * step or kind) the way {@code DerivedValues} evaluates them for one pair: a derived indicator counts or sums
     * the projects that reached its step, or the activities of its kinds, under its track unless any track counts.
     * By track, an indicator that counts any track's records is evaluated over every track's and shown under its own.
     */
    private static void derive(GroupBy groupBy, Figures figures) {
        List<Object[]> derived = figures.catalogue.values().stream().filter(r -> "DERIVED".equals(r[4])).toList();
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
            for (ActivityTally tally : year.activityTallies) {
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
    }

    /**
     * Per group, how many pairs had their first park established in each year (up to the last year asked). The
     * programme's parks are found by a join: as {@code pairing_id in (select ...)}, H2 evaluated the subquery again
     * for every park when it does not reuse results, 2.7 s at 2,000 pairs.
     */
    @SuppressWarnings("unchecked")
    private void parks(Frame frame, Figures figures) {
        String key = frame.key(null);
        List<Object[]> rows = frame.bind(em.createNativeQuery("select " + key + ", f.first_year, count(*) from"
                + " (select k.pairing_id, cast(extract(year from min(k.established_on)) as integer) as first_year"
                + " from cooperation_park k join pairing q on q.id = k.pairing_id where q.program_id = :program"
                + " and k.established_on is not null group by k.pairing_id) f"
                + frame.pairs("f") + " and f.first_year <= :to" + Frame.groupBy(key, "f.first_year")), false)
                .setParameter("to", frame.to()).getResultList();
        // A park established before the programme's first year counts in every year.
        for (Object[] r : rows) {
            figures.firstParks(frame.group(r[0])).merge(year(r[1]), count(r[2]), Long::sum);
        }
    }

    /** Pair-years per group, year and workflow state; RETURNED is a DRAFT submitted before. */
    @SuppressWarnings("unchecked")
    private void workflow(Frame frame, Figures figures) {
        String key = frame.key(null);
        List<Object[]> rows = frame.bind(em.createNativeQuery("select " + key + ", y.calendar_year, y.actuals_state,"
                + " y.ever_submitted, count(*) from pair_year y" + frame.pairs("y") + frame.years("y")
                + Frame.groupBy(key, "y.calendar_year", "y.actuals_state", "y.ever_submitted")), true)
                .getResultList();
        for (Object[] r : rows) {
            Year year = figures.of(frame.group(r[0]), year(r[1]));
            long n = count(r[4]);
            switch ((String) r[2]) {
                case "SUBMITTED" -> year.submitted += n;
                case "APPROVED" -> year.approved += n;
                default -> {
                    if (Boolean.TRUE.equals(r[3])) {
                        year.returned += n;
                    }
                }
            }
        }
    }

    /** Assessments per group, year and grade: how many, their totals, how many passed and are final. */
    @SuppressWarnings("unchecked")
    private void grades(Frame frame, Figures figures) {
        String key = frame.key(null);
        List<Object[]> rows = frame.bind(em.createNativeQuery("select " + key + ", a.calendar_year, a.grade_code,"
                + " a.grade_label, count(*), sum(a.total), sum(case when a.passed then 1 else 0 end),"
                + " sum(case when a.status = 'FINALIZED' then 1 else 0 end) from assessment a" + frame.pairs("a")
                + frame.years("a") + Frame.groupBy(key, "a.calendar_year", "a.grade_code", "a.grade_label")), true)
                .getResultList();
        for (Object[] r : rows) {
            Year year = figures.of(frame.group(r[0]), year(r[1]));
            long n = count(r[4]);
            year.grades.add(new Grade((String) r[2], (String) r[3], n, decimal(r[5])));
            year.assessed += n;
            year.totals = year.totals.add(decimal(r[5]));
            year.passed += count(r[6]);
            year.finalized += count(r[7]);
        }
    }

    /** The median total per group and year. */
    @SuppressWarnings("unchecked")
    private void medians(Frame frame, Figures figures) {
        String key = frame.key(null);
        List<Object[]> rows = frame.bind(em.createNativeQuery("select " + key + ", a.calendar_year,"
                + " percentile_cont(0.5) within group (order by a.total) from assessment a" + frame.pairs("a")
                + frame.years("a") + Frame.groupBy(key, "a.calendar_year")), true).getResultList();
        for (Object[] r : rows) {
            if (r[2] != null) {
                figures.of(frame.group(r[0]), year(r[1])).median = new BigDecimal(r[2].toString()).setScale(SCORE,
                        RoundingMode.HALF_UP);
            }
        }
    }

    /**
     * Each assessment's track points, from its breakdown (the one figure not in a column), and its rank this year
     * and the year before; one statement.
     */
    @SuppressWarnings("unchecked")
    private void breakdowns(Frame frame, Figures figures) {
        String key = frame.groupBy() == GroupBy.TRACK ? "p.program_id" : frame.key(null);
        List<Object[]> rows = frame.bind(em.createNativeQuery("select " + key + ", a.calendar_year, a.rank_in_year,"
                + " b.rank_in_year, s.body from assessment a join score_breakdown s on s.id = a.breakdown_id"
                + " left join assessment b on b.pairing_id = a.pairing_id and b.calendar_year = a.calendar_year - 1"
                + frame.pairs("a") + frame.years("a")), true).getResultList();
        for (Object[] r : rows) {
            int year = year(r[1]);
            JsonNode tracks = tracksOf((String) r[4]);
            for (JsonNode track : tracks) {
                String code = track.path("trackCode").asText();
                Year figuresOfGroup = figures.of(frame.groupBy() == GroupBy.TRACK ? code : frame.group(r[0]), year);
                figuresOfGroup.trackPoints.computeIfAbsent(code, c -> new ArrayList<>())
                        .add(track.path("points").decimalValue());
            }
            if (frame.groupBy() == GroupBy.TRACK) {
                continue;
            }
            Year own = figures.of(frame.group(r[0]), year);
            if (frame.groupBy() == GroupBy.PAIRING) {
                own.rank = r[2] == null ? null : ((Number) r[2]).intValue();
                own.previousRank = r[3] == null ? null : ((Number) r[3]).intValue();
            }
        }
    }

    /**
     * The funding ledger's sums per group, year and effect (a correction counts, negative, under the effect of the
     * entry it reverses); for groupBy=track the earmarked track, entries not earmarked left out. One statement.
     */
    @SuppressWarnings("unchecked")
    private void funding(Frame frame, Figures figures) {
        String key = frame.key("e.track_code");
        List<Object[]> rows = frame.bind(em.createNativeQuery("select " + key + ", e.calendar_year, e.effect,"
                + " sum(e.amount) from ledger_entry e" + frame.pairs("e") + frame.years("e")
                + Frame.groupBy(key, "e.calendar_year", "e.effect")), true).getResultList();
        for (Object[] r : rows) {
            if (r[0] == null) {
                continue;
            }
            Year year = figures.of(frame.group(r[0]), year(r[1]));
            BigDecimal amount = money(r[3]);
            switch ((String) r[2]) {
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

    /** Everything read, by group and year. */
    private static final class Figures {
        final Map<String, Map<Integer, Year>> years = new HashMap<>();
        final Map<String, Map<Integer, Long>> firstParks = new HashMap<>();
        final Map<String, Object[]> catalogue = new LinkedHashMap<>();

        Year of(String group, int year) {
            return years.computeIfAbsent(group, g -> new HashMap<>()).computeIfAbsent(year, y -> new Year());
        }

        Map<Integer, Long> firstParks(String group) {
            return firstParks.computeIfAbsent(group, g -> new TreeMap<>());
        }
    }

    private record Grade(String code, String label, long count, BigDecimal totals) {
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
        final List<ActivityTally> activityTallies = new ArrayList<>();
        final Map<String, Indicator> indicators = new HashMap<>();
        long submitted;
        long approved;
        long returned;
        final List<Grade> grades = new ArrayList<>();
        long assessed;
        long passed;
        long finalized;
        BigDecimal totals = BigDecimal.ZERO;
        BigDecimal median;
        final Map<String, List<BigDecimal>> trackPoints = new TreeMap<>();
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
            activityTallies.add(new ActivityTally(track, kind, count, participants, enterprises, amount));
            Sums sums = activities.computeIfAbsent(kind, k -> new Sums());
            sums.count += count;
            sums.participants += participants;
            sums.enterprises += enterprises;
            sums.amount = sums.amount.add(amount);
        }

        Indicator indicator(String code) {
            return indicators.computeIfAbsent(code, c -> new Indicator());
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
                    points.size(), mean(points), median(points))));
            ProgramSummary.Assessments assessments;
            if (pairs) {
                List<Grade> byBest = new ArrayList<>(grades);
                // Better grades first: by the mean total of those who got them.
                byBest.sort((a, b) -> b.totals().divide(BigDecimal.valueOf(b.count()), SCORE, RoundingMode.HALF_UP)
                        .compareTo(a.totals().divide(BigDecimal.valueOf(a.count()), SCORE, RoundingMode.HALF_UP)));
                assessments = new ProgramSummary.Assessments(assessed, finalized, passed,
                        byBest.stream().map(g -> new ProgramSummary.GradeCount(g.code(), g.label(), g.count()))
                                .toList(),
                        assessed == 0 ? null
                                : totals.divide(BigDecimal.valueOf(assessed), SCORE, RoundingMode.HALF_UP),
                        median, trackScores, rank, previousRank,
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

    static BigDecimal mean(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), SCORE, RoundingMode.HALF_UP);
    }

    static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
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
