package org.tandem.registry;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.tandem.problem.ProblemException;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * A finalized assessment freezes its pair's data of that year: targets, actuals and the records the derived values
 * come from. The lock is data of the pairing, a row of {@code pairing_year_lock} naming the assessment that holds
 * it: set when the assessment is finalized and removed when it is reopened, in the same transaction. Every write of
 * such data asks here first, holding the pairing's row from before it asks until it commits ({@link #holdAndCheck},
 * or its own lock of the row, as the cooperation records and imports take it before they write). Setting and
 * removing a lock take the same row: a finalization cannot commit between a write's check and the write's commit,
 * and a write that waited for a finalization finds its lock.
 */
public final class YearLock {

    private YearLock() {
    }

    /**
     * Refuses with 409 when any of {@code years} (nulls ignored) is locked for the pairing: one query, reading the
     * pairing's locks (one per finalized year, so a handful at most). The statement's text is always the same, so
     * Hibernate interprets it once; a list parameter would make it interpret the statement again at every write.
     */
    public static void check(long pairingId, Collection<Integer> years) {
        if (years.stream().allMatch(Objects::isNull)) {
            return;
        }
        List<?> locks = Panache.getEntityManager().createNativeQuery("select calendar_year, assessment_id"
                + " from pairing_year_lock where pairing_id = :pairing order by calendar_year")
                .setParameter("pairing", pairingId).getResultList();
        for (Object row : locks) {
            Object[] lock = (Object[]) row;
            int year = ((Number) lock[0]).intValue();
            if (years.contains(year)) {
                throw ProblemException.conflict("locked-by-finalized-assessment", "the pairing's data of " + year
                        + " is locked by finalized assessment " + ((Number) lock[1]).longValue() + "; reopen it first");
            }
        }
    }

    /**
     * Locks the pairing's row to the end of the transaction, then refuses as {@link #check} does: for a write of the
     * pairing's data that does not hold the row already.
     */
    public static void holdAndCheck(long pairingId, Collection<Integer> years) {
        Pairing.lockRow(pairingId);
        check(pairingId, years);
    }

    /** Locks the pairing's data of {@code year} for the finalized assessment {@code assessmentId}. */
    public static void set(long pairingId, int year, long assessmentId) {
        Pairing.lockRow(pairingId);
        Panache.getEntityManager().createNativeQuery("insert into pairing_year_lock (pairing_id, calendar_year,"
                + " assessment_id) values (:pairing, :year, :assessment)").setParameter("pairing", pairingId)
                .setParameter("year", year).setParameter("assessment", assessmentId).executeUpdate();
    }

    /** Unlocks the pairing's data of {@code year}. */
    public static void release(long pairingId, int year) {
        Pairing.lockRow(pairingId);
        Panache.getEntityManager()
                .createNativeQuery("delete from pairing_year_lock where pairing_id = :pairing and calendar_year = :year")
                .setParameter("pairing", pairingId).setParameter("year", year).executeUpdate();
    }
}
