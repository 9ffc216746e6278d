package org.tandem.cooperation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.Hibernate;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Keeps the tallies of every pairing's cooperation records, which the derived indicators are read from:
 * {@code project_tally} holds, per pairing, calendar year, track and lifecycle step, how many projects
 * reached that step in that year and the sums of their investment, expected output and expected tax;
 * {@code activity_tally} holds, per pairing, year, track and kind, how many activities were held and the sums
 * of their participants, enterprises and amounts. An annual assessment then reads a few rows per pairing
 * instead of every project and activity of the programme.
 * <p>
 * A tally is never adjusted by a difference: whenever a project or activity of a pairing changes, that
 * pairing's tallies of that source are computed again from its records, in the same transaction, once
 * Hibernate has flushed the change. They are therefore exactly a grouping of the records, whatever the
 * change, and a writer that forgot one would be corrected by the next write of the pairing.
 * <p>
 * Writers of the same pairing are serialised on the pairing's row, locked at the first change of the
 * transaction, before its own rows are written (on PostgreSQL a new record's foreign key takes a share lock
 * on that row; locking it first keeps two writers from waiting for each other). The second writer's recount
 * starts after the first has committed, so it sees both changes.
 * <p>
 * The audit interceptor, which sees every entity change, reports them here; rows written past Hibernate (the
 * synthetic data) are counted with {@link #recountProgram}. Flyway's V11 counted the records that were there.
 */
@ApplicationScoped
public class CooperationTallies {

    /** The two kinds of record tallied. */
    enum Source {
        PROJECTS,
        ACTIVITIES
    }

    /** The column holding the date a project reached each step. */
    private static final Map<ProjectStatus, String> STEP_DATE = new LinkedHashMap<>();
    static {
        STEP_DATE.put(ProjectStatus.PLANNED, "planned_on");
        STEP_DATE.put(ProjectStatus.SIGNED, "signed_on");
        STEP_DATE.put(ProjectStatus.UNDER_CONSTRUCTION, "construction_started_on");
        STEP_DATE.put(ProjectStatus.IN_PRODUCTION, "production_started_on");
        STEP_DATE.put(ProjectStatus.CANCELLED, "cancelled_on");
    }

    /** Which pairings a recount covers: one pairing, or every pairing of a programme. */
    private static final String ONE_PAIRING = "pairing_id = ?";
    private static final String ONE_PROGRAM = "pairing_id in (select id from pairing where program_id = ?)";

    /** The key of the current transaction's changed pairings in the registry. */
    private static final Object CHANGED = new Object();

    @Inject
    AgroalDataSource dataSource;
    @Inject
    TransactionSynchronizationRegistry transactions;

    /** The pairings whose records this transaction changed, and which of their sources await a recount. */
    private static final class Changed {
        final Set<Long> locked = new TreeSet<>();
        final Map<Long, EnumSet<Source>> pending = new LinkedHashMap<>();
    }

    /**
     * Notes a change of {@code entity}, one of whose states is {@code before} and {@code after} (either may be
     * null) over the properties {@code names}: for a project or an activity, locks its pairing (both, if it
     * moved) and marks the pairing's tallies for a recount at the end of the flush. Other entities are ignored.
     */
    public void changing(Object entity, Object[] before, Object[] after, String[] names) {
        Source source = sourceOf(entity);
        if (source == null || transactions.getTransactionKey() == null) {
            return;
        }
        Changed changed = changed();
        int at = List.of(names).indexOf("pairing");
        for (Object[] state : new Object[][] { before, after }) {
            if (state != null && state[at] != null) {
                // The identifier alone: the pairing may be an unloaded reference, not to be loaded mid-flush.
                long pairingId = (Long) Panache.getEntityManager().getEntityManagerFactory().getPersistenceUnitUtil()
                        .getIdentifier(state[at]);
                if (changed.locked.add(pairingId)) {
                    lock(pairingId);
                }
                changed.pending.computeIfAbsent(pairingId, k -> EnumSet.noneOf(Source.class)).add(source);
            }
        }
    }

    /** Recounts the tallies marked by {@link #changing} since the last flush; called after each flush. */
    public void flushed() {
        if (transactions.getTransactionKey() == null) {
            return;
        }
        Changed changed = (Changed) transactions.getResource(CHANGED);
        if (changed == null || changed.pending.isEmpty()) {
            return;
        }
        List<Map.Entry<Long, EnumSet<Source>>> due = new ArrayList<>(changed.pending.entrySet());
        changed.pending.clear();
        try (Connection connection = dataSource.getConnection()) {
            for (Map.Entry<Long, EnumSet<Source>> entry : due) {
                for (Source source : entry.getValue()) {
                    recount(connection, source, ONE_PAIRING, entry.getKey());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not recount the tallies of a pairing's records", e);
        }
    }

    /**
     * Recounts the tallies of every pairing of a programme, on {@code connection} and in its transaction: for
     * rows written with plain JDBC. Nothing else may write the programme's records meanwhile.
     */
    public static void recountProgram(Connection connection, long programId) throws SQLException {
        for (Source source : Source.values()) {
            recount(connection, source, ONE_PROGRAM, programId);
        }
    }

    private static Source sourceOf(Object entity) {
        Class<?> type = Hibernate.getClass(entity);
        if (type == CooperationProject.class) {
            return Source.PROJECTS;
        }
        return type == CooperationActivity.class ? Source.ACTIVITIES : null;
    }

    private Changed changed() {
        Changed changed = (Changed) transactions.getResource(CHANGED);
        if (changed == null) {
            changed = new Changed();
            transactions.putResource(CHANGED, changed);
        }
        return changed;
    }

    private void lock(long pairingId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lock = connection.prepareStatement("select id from pairing where id = ? for update")) {
            lock.setLong(1, pairingId);
            lock.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock pairing " + pairingId + " to recount its tallies", e);
        }
    }

    /** Deletes the tallies of {@code source} in {@code scope} (bound to {@code key}) and counts them again. */
    private static void recount(Connection connection, Source source, String scope, long key) throws SQLException {
        String table = source == Source.PROJECTS ? "project_tally" : "activity_tally";
        try (PreparedStatement delete = connection.prepareStatement("delete from " + table + " where " + scope)) {
            delete.setLong(1, key);
            delete.executeUpdate();
        }
        String insert = source == Source.PROJECTS ? projectTallies(scope) : activityTallies(scope);
        try (PreparedStatement count = connection.prepareStatement(insert)) {
            int parameters = source == Source.PROJECTS ? STEP_DATE.size() : 1;
            for (int i = 1; i <= parameters; i++) {
                count.setLong(i, key);
            }
            count.executeUpdate();
        }
    }

    /** One grouped select per lifecycle step: the projects that reached it, by the year they reached it. */
    static String projectTallies(String scope) {
        List<String> steps = new ArrayList<>();
        STEP_DATE.forEach((step, column) -> {
            String year = "cast(extract(year from " + column + ") as integer)";
            steps.add("select pairing_id, " + year + ", track_code, '" + step.name() + "', count(*), sum(investment),"
                    + " sum(expected_annual_output), sum(expected_annual_tax) from cooperation_project where " + column
                    + " is not null and " + scope + " group by pairing_id, " + year + ", track_code");
        });
        return "insert into project_tally (pairing_id, calendar_year, track_code, step, projects, investment,"
                + " expected_annual_output, expected_annual_tax) " + String.join(" union all ", steps);
    }

    static String activityTallies(String scope) {
        String year = "cast(extract(year from held_on) as integer)";
        return "insert into activity_tally (pairing_id, calendar_year, track_code, kind, activities, participants,"
                + " enterprises, amount) select pairing_id, " + year + ", track_code, kind, count(*), sum(participants),"
                + " sum(enterprises), sum(amount) from cooperation_activity where " + scope + " group by pairing_id, "
                + year + ", track_code, kind";
    }
}
