package org.tandem.cooperation;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;

import org.tandem.IdArray;
import org.tandem.web.Filter;

/**
 * {@code project_count} (V33): how many projects had a step in each programme, year, track and status, which is
 * {@code project_year} grouped by those columns. The projects list filtered by year reads its total here instead
 * of counting every matching row. {@link ProjectYears} keeps it in the transaction that writes a project's years,
 * by adding what changed ({@link #add}), and counts a programme again after writing all of its years
 * ({@link #recount}).
 */
final class ProjectCounts {

    /** A group of {@code project_year}'s rows, ordered as the primary key of {@code project_count}. */
    record Key(long program, int year, String track, String status) implements Comparable<Key> {

        private static final Comparator<Key> ORDER = Comparator.comparingLong(Key::program)
                .thenComparingInt(Key::year).thenComparing(Key::track).thenComparing(Key::status);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }

        private void bind(PreparedStatement statement, int first) throws SQLException {
            statement.setLong(first, program);
            statement.setInt(first + 1, year);
            statement.setString(first + 2, track);
            statement.setString(first + 3, status);
        }
    }

    private static final String KEY = "program_id = ? and calendar_year = ? and track_code = ? and status = ?";

    private ProjectCounts() {
    }

    /**
     * Adds {@code sign} times the groups of these projects' rows (their ids an {@link IdArray}) in
     * {@code project_year}, as they are now, to {@code changes}: called with -1 before the rows are deleted and with
     * +1 after they are written again.
     */
    static void collect(Connection connection, Array projectIds, int sign, Map<Key, Integer> changes)
            throws SQLException {
        try (PreparedStatement groups = connection.prepareStatement("select y.program_id, y.calendar_year,"
                + " y.track_code, y.status, count(*) from " + IdArray.jdbcTable("k") + " join project_year y"
                + " on y.project_id = k.id group by y.program_id, y.calendar_year, y.track_code, y.status")) {
            groups.setArray(1, projectIds);
            try (ResultSet row = groups.executeQuery()) {
                while (row.next()) {
                    changes.merge(new Key(row.getLong(1), row.getInt(2), row.getString(3), row.getString(4)),
                            sign * row.getInt(5), Integer::sum);
                }
            }
        }
    }

    /**
     * Adds {@code changes} to the counts, in this transaction. The rows are updated in key order, so that writers
     * whose changes share keys lock them in the same order and never deadlock; a key that has no row yet is
     * inserted with 0 first, under the lock of {@code project_count_lock}, which is taken before any row of the
     * counts is, so that two writers never both insert one key. Once per transaction: a second call could take
     * that lock while holding rows of the first.
     */
    static void add(Connection connection, Map<Key, Integer> changes) throws SQLException {
        SortedMap<Key, Integer> sorted = new TreeMap<>();
        changes.forEach((key, change) -> {
            if (change != 0) {
                sorted.put(key, change);
            }
        });
        if (sorted.isEmpty()) {
            return;
        }
        List<Key> rising = sorted.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
        if (!missing(connection, rising).isEmpty()) {
            try (PreparedStatement lock = connection.prepareStatement("select id from project_count_lock for update")) {
                lock.executeQuery().close();
            }
            // Looked up again under the lock: a writer that inserted one of them meanwhile has committed.
            List<Key> missing = missing(connection, rising);
            try (PreparedStatement insert = connection.prepareStatement("insert into project_count (program_id,"
                    + " calendar_year, track_code, status, projects) values (?, ?, ?, ?, 0)")) {
                for (Key key : missing) {
                    key.bind(insert, 1);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        try (PreparedStatement update = connection.prepareStatement("update project_count set projects = projects"
                + " + ? where " + KEY)) {
            for (var change : sorted.entrySet()) {
                update.setInt(1, change.getValue());
                change.getKey().bind(update, 2);
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("project_count has no row for " + change.getKey()
                            + ", whose projects change by " + change.getValue());
                }
            }
        }
    }

    /** The keys that have no row in {@code project_count}, as this transaction sees it. */
    private static List<Key> missing(Connection connection, List<Key> keys) throws SQLException {
        List<Key> missing = new ArrayList<>();
        try (PreparedStatement exists = connection.prepareStatement("select 1 from project_count where " + KEY)) {
            for (Key key : keys) {
                key.bind(exists, 1);
                try (ResultSet row = exists.executeQuery()) {
                    if (!row.next()) {
                        missing.add(key);
                    }
                }
            }
        }
        return missing;
    }

    /**
     * Counts a programme's projects again from its rows in {@code project_year}, on {@code connection} and in its
     * transaction. Nothing else may write the programme's projects meanwhile.
     */
    static void recount(Connection connection, long programId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from project_count where program_id = ?")) {
            delete.setLong(1, programId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into project_count (program_id,"
                + " calendar_year, track_code, status, projects) select program_id, calendar_year, track_code, status,"
                + " count(*) from project_year where program_id = ? group by program_id, calendar_year, track_code,"
                + " status")) {
            insert.setLong(1, programId);
            insert.executeUpdate();
        }
    }

    /**
     * How many projects had a step in {@code year}, of the programme with id {@code program}, on {@code track}
     * and in {@code status}; each of those three absent is no filter. One statement, over at most the rows of
     * one programme-year (a track and status each), or of a year across programmes.
     */
    static long of(EntityManager em, int year, Long program, String track, String status) {
        Filter filter = new Filter().and("calendar_year = :year", "year", year);
        filter.and("program_id = :program", "program", program);
        filter.and("track_code = :track", "track", track);
        filter.and("status = :status", "status", status);
        var query = em.createNativeQuery("select coalesce(sum(projects), 0) from project_count" + filter.where());
        filter.params().forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }
}
