package org.tandem.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tandem.cache.DataChanged;
import org.tandem.cooperation.CooperationTallies;
import org.tandem.cooperation.ProjectYears;
import org.tandem.registry.PairingCounts;

import io.quarkus.runtime.StartupEvent;

/**
 * Synthetic data for benchmarks at national scale: off unless {@code tandem.generate.pairings} is set.
 * <p>
 * For each N in {@code tandem.generate.pairings} (e.g. {@code 2000} or {@code 2000,200}) it creates, at
 * start-up and before the service answers, a NEW programme {@code SYN-N} (2023–2025) with 2N synthetic
 * counties of its own, N pairings, and per pair-year: a pair-year row, targets of every active indicator and
 * actuals of the REPORTED ones, projects (statuses and step dates spread over the lifecycle and tracks) and
 * activities (kinds spread over tracks); one park per pairing; and a PUBLISHED scoring scheme per year whose
 * rules are a copy of the shipped example scheme (id 1). Nothing real is touched or mixed in: the synthetic
 * counties have codes 9xxxxx, names 合成县NNNNN, city 990000 合成市 and category OTHER, and are designated
 * only in the synthetic programme. A programme whose code already exists is left as it is, so a restart on
 * the same data directory does not generate twice.
 * <p>
 * Rows go in with plain JDBC: one prepared statement per table, batched, a transaction per slice of
 * pairings. Ids come from the tables' own sequences, one {@code nextval} per block of 50, used as
 * [value, value + 49] exactly as Hibernate's pooled-lo optimizer does, so the service keeps inserting
 * afterwards without collisions. Last, the programme's {@link CooperationTallies} are counted in one go, and its projects'
 * years
 * ({@link ProjectYears}) written.
 */
@ApplicationScoped
public class SyntheticData {

    private static final Logger LOG = Logger.getLogger(SyntheticData.class);

    static final String[] TRACKS = { "PROJECT_COOP", "CHAIN_COLLAB", "ORDERLY_TRANSFER", "INVEST_INFO",
            "DIGITAL_ASSIST", "FACTOR_RECIPROCITY" };
    private static final int[] PROJECT_TRACK_WEIGHTS = { 8, 4, 5, 3, 3, 2 };
    private static final String[] KINDS = { "DOCKING_MEETING", "TRAINING", "ENTERPRISE_DIAGNOSIS",
            "CADRE_SECONDMENT", "SIGNED_AGREEMENT", "OTHER" };
    private static final int[] KIND_WEIGHTS = { 25, 25, 15, 10, 10, 15 };
    private static final String[] STATUSES = { "PLANNED", "SIGNED", "UNDER_CONSTRUCTION", "IN_PRODUCTION",
            "CANCELLED" };
    private static final int[] STATUS_WEIGHTS = { 20, 25, 25, 22, 8 };
    /** Sequences step by 50 (see the migrations), as the entities' allocationSize. */
    private static final int BLOCK = 50;
    private static final int BATCH = 1000;
    /** Pairings per transaction. */
    private static final int SLICE = 250;
    static final int FIRST_YEAR = 2023;
    static final int LAST_YEAR = 2025;

    @Inject
    DataSource dataSource;
    @Inject
    Event<DataChanged> dataChanged;

    @ConfigProperty(name = "tandem.generate.pairings")
    Optional<List<Integer>> pairings;
    @ConfigProperty(name = "tandem.generate.years", defaultValue = "3")
    int years;
    @ConfigProperty(name = "tandem.generate.projects-per-year", defaultValue = "25")
    int projectsPerYear;
    @ConfigProperty(name = "tandem.generate.activities-per-year", defaultValue = "100")
    int activitiesPerYear;
    @ConfigProperty(name = "tandem.generate.seed", defaultValue = "20230301")
    long seed;

    /** What one generation wrote. */
    public record Loaded(String program, int pairings, int years, Map<String, Long> rows, long millis) {
        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    void onStart(@Observes StartupEvent event) {
        if (pairings.isEmpty()) {
            return;
        }
        for (int n : pairings.get()) {
            generate(n, years);
        }
    }

    /** Generates programme {@code SYN-n} with {@code yearCount} years of data from 2023; null when it exists. */
    public Loaded generate(int n, int yearCount) {
        if (n < 1 || n > 40_000) {
            throw new IllegalArgumentException("tandem.generate.pairings must be 1..40000, was " + n);
        }
        if (yearCount < 1 || yearCount > LAST_YEAR - FIRST_YEAR + 1) {
            throw new IllegalArgumentException("tandem.generate.years must be 1..3, was " + yearCount);
        }
        String code = "SYN-" + n;
        long started = System.nanoTime();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStarted = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                if (exists(c, code)) {
                    LOG.infof("Synthetic data: program %s exists already, nothing generated", code);
                    return null;
                }
                Map<String, Long> rows = new Generation(c, code, n, yearCount).run();
                long millis = (System.nanoTime() - started) / 1_000_000;
                Loaded loaded = new Loaded(code, n, yearCount, rows, millis);
                // CPU time of this thread, since on a shared machine the wall time says little on its own.
                long cpuMillis = cpuStarted < 0 ? -1 : (threads.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000;
                LOG.infof("Synthetic data: program %s, %d pairings x %d years: %,d rows in %,d ms (CPU %,d ms) (%s)",
                        code, n, yearCount, loaded.totalRows(), millis, cpuMillis, rows);
                return loaded;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
                // Written past Hibernate, so its changes must be announced here (slices may have committed).
                dataChanged.fire(DataChanged.everything());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("synthetic data generation failed for " + code, e);
        }
    }

    private static boolean exists(Connection c, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select count(*) from program where code = ?")) {
            s.setString(1, code);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1) > 0;
            }
        }
    }

    /** One programme's generation: the prepared statements, id blocks and row counts. */
    private final class Generation {

        private final Connection c;
        private final String code;
        private final int n;
        private final int yearCount;
        private final SplittableRandom random;
        private final OffsetDateTime now = OffsetDateTime.now();
        private final Map<String, Long> rows = new java.util.LinkedHashMap<>();
        private final Map<String, Batch> batches = new HashMap<>();
        private final Map<String, long[]> idBlocks = new HashMap<>();
        private final Map<String, PreparedStatement> nextval = new HashMap<>();

        Generation(Connection c, String code, int n, int yearCount) {
            this.c = c;
            this.code = code;
            this.n = n;
            this.yearCount = yearCount;
            this.random = new SplittableRandom(seed ^ n);
        }

        Map<String, Long> run() throws SQLException {
            List<Indicator> indicators = indicators();
            String rules = exampleRules();
            int firstCounty = nextCountyNumber();
            long programId = nextId("program_seq");
            prepareAll();
            insert("program", programId, code, "合成基准计划（" + n + "对，合成数据）", FIRST_YEAR, LAST_YEAR,
                    new BigDecimal("1800000000.00"), 0L, now, now);
            for (int year = FIRST_YEAR; year < FIRST_YEAR + yearCount; year++) {
                insert("scoring_scheme", nextId("scoring_scheme_seq"), programId, year, 1, "PUBLISHED",
                        year + "年度合成基准评分办法（示例规则的副本）",
                        "Synthetic benchmark data: a copy of the rules of the shipped example scheme (id 1).", true,
                        rules, now, "synthetic-data", 0L, now, now);
            }
            flushAll();
            c.commit();
            for (int from = 0; from < n; from += SLICE) {
                int to = Math.min(n, from + SLICE);
                for (int i = from; i < to; i++) {
                    pairing(programId, firstCounty + 2 * i, firstCounty + 2 * i + 1, indicators);
                }
                flushAll();
                c.commit();
            }
            // Written past CooperationRecords, so nothing recounted these records yet: counted here, set-based.
            CooperationTallies.recountProgram(c, programId);
            ProjectYears.writeProgram(c, programId);
            PairingCounts.recountProgram(c, programId);
            c.commit();
            for (Batch batch : batches.values()) {
                batch.statement.close();
            }
            for (PreparedStatement s : nextval.values()) {
                s.close();
            }
            return rows;
        }

        private void pairing(long programId, int industrialNumber, int mountainNumber, List<Indicator> indicators)
                throws SQLException {
            String industrial = countyCode(industrialNumber);
            String mountain = countyCode(mountainNumber);
            insert("county", industrial, countyName(industrialNumber), "990000", "合成市", "OTHER");
            insert("county", mountain, countyName(mountainNumber), "990000", "合成市", "OTHER");
            insert("program_county", programId, industrial, "INDUSTRIAL");
            insert("program_county", programId, mountain, "MOUNTAIN");
            long pairingId = nextId("pairing_seq");
            insert("pairing", pairingId, programId, industrial, mountain, LocalDate.of(FIRST_YEAR, 3, 1), "ACTIVE",
                    null, "Synthetic benchmark data, not a real pairing.", 0L, now, now);
            insert("cooperation_park", nextId("cooperation_park_seq"), pairingId, "合成共富产业园 " + pairingId, mountain,
                    LocalDate.of(FIRST_YEAR, 1 + random.nextInt(12), 1 + random.nextInt(28)),
                    money(200, 3000), "合成产业", 0L, now, now);
            for (int year = FIRST_YEAR; year < FIRST_YEAR + yearCount; year++) {
                pairYear(programId, pairingId, year, industrial, mountain, indicators);
            }
        }

        private void pairYear(long programId, long pairingId, int year, String industrial, String mountain,
                List<Indicator> indicators) throws SQLException {
            boolean approved = random.nextInt(10) > 0;
            insert("pair_year", nextId("pair_year_seq"), pairingId, year, approved ? "APPROVED" : "DRAFT", approved,
                    0L, now, now);
            for (Indicator indicator : indicators) {
                BigDecimal target = indicator.target(random);
                insert("indicator_value", nextId("indicator_value_seq"), pairingId, year, "TARGET", indicator.code,
                        target, 0L, now, now);
                if (indicator.reported) {
                    insert("indicator_value", nextId("indicator_value_seq"), pairingId, year, "ACTUAL",
                            indicator.code, indicator.actual(target, random), 0L, now, now);
                }
            }
            for (int k = 0; k < projectsPerYear; k++) {
                project(programId, pairingId, year, k, industrial, mountain);
            }
            LocalDate jan1 = LocalDate.of(year, 1, 1);
            int days = jan1.lengthOfYear();
            for (int k = 0; k < activitiesPerYear; k++) {
                String kind = KINDS[pick(KIND_WEIGHTS)];
                insert("cooperation_activity", nextId("cooperation_activity_seq"), pairingId,
                        TRACKS[random.nextInt(TRACKS.length)], kind, jan1.plusDays(random.nextInt(days)),
                        "合成活动 " + pairingId + "-" + year + "-" + k, 10 + random.nextInt(190), random.nextInt(30),
                        kind.equals("SIGNED_AGREEMENT") ? money(1_000_000, 200_000_000) : null, null, 0L, now, now);
            }
        }

        private void project(long programId, long pairingId, int year, int k, String industrial, String mountain)
                throws SQLException {
            String status = STATUSES[pick(STATUS_WEIGHTS)];
            LocalDate planned = LocalDate.of(year, 1, 1).plusDays(random.nextInt(120));
            LocalDate signed = null;
            LocalDate construction = null;
            LocalDate production = null;
            LocalDate cancelled = null;
            switch (status) {
                case "CANCELLED" -> cancelled = planned.plusDays(30 + random.nextInt(120));
                case "PLANNED" -> {
                }
                default -> {
                    signed = planned.plusDays(20 + random.nextInt(70));
                    if (!status.equals("SIGNED")) {
                        construction = signed.plusDays(30 + random.nextInt(60));
                    }
                    if (status.equals("IN_PRODUCTION")) {
                        production = construction.plusDays(30 + random.nextInt(90));
                    }
                }
            }
            BigDecimal investment = money(10_000_000, 1_000_000_000);
            insert("cooperation_project", nextId("cooperation_project_seq"), pairingId, programId,
                    TRACKS[pick(PROJECT_TRACK_WEIGHTS)], "合成项目 " + pairingId + "-" + year + "-" + k,
                    "合成企业" + random.nextInt(100_000), random.nextInt(5) == 0 ? industrial : mountain, investment,
                    investment.multiply(BigDecimal.valueOf(1 + random.nextInt(3))),
                    investment.divide(BigDecimal.valueOf(10 + random.nextInt(20)), 2, RoundingMode.HALF_UP), status,
                    planned, signed, construction, production, cancelled, null, 0L, now, now);
        }

        private int pick(int[] weights) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int r = random.nextInt(total);
            for (int i = 0; i < weights.length; i++) {
                r -= weights[i];
                if (r < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        private BigDecimal money(long from, long to) {
            return BigDecimal.valueOf(from + (long) (random.nextDouble() * (to - from)), 0).setScale(2);
        }

        // --- statements ---------------------------------------------------------------------------------

        private void prepareAll() throws SQLException {
            prepare("county", "insert into county (code, name, city_code, city_name, category) values (?, ?, ?, ?, ?)");
            prepare("program", "insert into program (id, code, name, start_year, end_year, annual_budget, version,"
                    + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            prepare("program_county", "insert into program_county (program_id, county_code, role) values (?, ?, ?)");
            prepare("scoring_scheme", "insert into scoring_scheme (id, program_id, calendar_year, number, status,"
                    + " name, description, example, rules, published_at, published_by, version, created_at, updated_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            prepare("pairing", "insert into pairing (id, program_id, industrial_county_code, mountain_county_code,"
                    + " formed_on, status, evidence, source_note, version, created_at, updated_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            prepare("cooperation_park", "insert into cooperation_park (id, pairing_id, name, host_county_code,"
                    + " established_on, area_mu, focus_industry, version, created_at, updated_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            prepare("pair_year", "insert into pair_year (id, pairing_id, calendar_year, actuals_state, ever_submitted,"
                    + " version, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)");
            prepare("indicator_value", "insert into indicator_value (id, pairing_id, calendar_year, kind,"
                    + " indicator_code, quantity, version, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            prepare("cooperation_project", "insert into cooperation_project (id, pairing_id, program_id, track_code,"
                    + " title, lead_enterprise, host_county_code, investment, expected_annual_output,"
                    + " expected_annual_tax, status, planned_on, signed_on, construction_started_on,"
                    + " production_started_on, cancelled_on, description, version, created_at, updated_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            prepare("cooperation_activity", "insert into cooperation_activity (id, pairing_id, track_code, kind,"
                    + " held_on, title, participants, enterprises, amount, description, version, created_at, updated_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        private void prepare(String table, String sql) throws SQLException {
            batches.put(table, new Batch(c.prepareStatement(sql)));
            rows.put(table, 0L);
        }

        /** Adds one row to the table's batch; a full batch runs every batch, parents first (foreign keys). */
        private void insert(String table, Object... values) throws SQLException {
            Batch batch = batches.get(table);
            PreparedStatement s = batch.statement;
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v == null) {
                    s.setNull(i + 1, Types.NULL);
                } else if (v instanceof String text) {
                    s.setString(i + 1, text);
                } else if (v instanceof Integer number) {
                    s.setInt(i + 1, number);
                } else if (v instanceof Long number) {
                    s.setLong(i + 1, number);
                } else if (v instanceof Boolean flag) {
                    s.setBoolean(i + 1, flag);
                } else if (v instanceof BigDecimal decimal) {
                    s.setBigDecimal(i + 1, decimal);
                } else {
                    s.setObject(i + 1, v);
                }
            }
            s.addBatch();
            rows.merge(table, 1L, Long::sum);
            if (++batch.pending >= BATCH) {
                flushAll();
            }
        }

        /** Runs the pending batches, parents before children so foreign keys hold. */
        private void flushAll() throws SQLException {
            for (String table : List.of("county", "program", "program_county", "scoring_scheme", "pairing",
                    "cooperation_park", "pair_year", "indicator_value", "cooperation_project",
                    "cooperation_activity")) {
                batches.get(table).run();
            }
        }

        /** The next id of a sequence: one nextval per 50 ids, used as [value, value + 49] (pooled-lo). */
        private long nextId(String sequence) throws SQLException {
            long[] block = idBlocks.get(sequence);
            if (block == null || block[0] > block[1]) {
                PreparedStatement s = nextval.get(sequence);
                if (s == null) {
                    s = c.prepareStatement("select nextval('" + sequence + "')");
                    nextval.put(sequence, s);
                }
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    long value = r.getLong(1);
                    block = new long[] { value, value + BLOCK - 1 };
                    idBlocks.put(sequence, block);
                }
            }
            return block[0]++;
        }

        /** Synthetic county numbers continue after the highest synthetic code already there. */
        private int nextCountyNumber() throws SQLException {
            try (PreparedStatement s = c.prepareStatement("select max(code) from county where code like '9%'");
                    ResultSet r = s.executeQuery()) {
                r.next();
                String max = r.getString(1);
                int next = max == null ? 1 : Integer.parseInt(max) - 900_000 + 1;
                if (next + 2 * n > 100_000) {
                    throw new IllegalStateException("no room for " + 2 * n + " more synthetic county codes 9xxxxx");
                }
                return next;
            }
        }

        private String countyCode(int number) {
            return Integer.toString(900_000 + number);
        }

        private String countyName(int number) {
            return String.format("合成县%05d", number);
        }

        private List<Indicator> indicators() throws SQLException {
            List<Indicator> list = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "select code, unit, source from indicator where active = true order by code");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    list.add(new Indicator(r.getString(1), r.getString(2), "REPORTED".equals(r.getString(3))));
                }
            }
            return list;
        }

        private String exampleRules() throws SQLException {
            try (PreparedStatement s = c.prepareStatement("select rules from scoring_scheme where id = 1");
                    ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("the shipped example scheme (id 1) is missing");
                }
                return r.getString(1);
            }
        }
    }

    private static final class Batch {
        final PreparedStatement statement;
        int pending;

        Batch(PreparedStatement statement) {
            this.statement = statement;
        }

        void run() throws SQLException {
            if (pending > 0) {
                statement.executeBatch();
                pending = 0;
            }
        }
    }

    /** An indicator of the catalogue with plausible magnitudes for its unit. */
    private record Indicator(String code, String unit, boolean reported) {

        BigDecimal target(SplittableRandom random) {
            return switch (unit) {
                case "CNY" -> BigDecimal.valueOf(50_000_000L + random.nextLong(2_000_000_000L));
                case "亩" -> BigDecimal.valueOf(50 + random.nextInt(450));
                case "天" -> BigDecimal.valueOf(20 + random.nextInt(70));
                case "人次" -> BigDecimal.valueOf(50 + random.nextInt(1000));
                default -> BigDecimal.valueOf(2 + random.nextInt(30));
            };
        }

        /** Between half and 1.4 times the target, whole numbers. */
        BigDecimal actual(BigDecimal target, SplittableRandom random) {
            double factor = 0.5 + random.nextDouble() * 0.9;
            return target.multiply(BigDecimal.valueOf(factor)).setScale(0, RoundingMode.HALF_UP);
        }
    }
}
