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
 * such data asks here first.
 */
public final class YearLock {

    private YearLock() {
    }

    /** Refuses with 409 when any of {@code years} (nulls ignored) is locked for the pairing: one query. */
    public static void check(long pairingId, Collection<Integer> years) {
        var wanted = years.stream().filter(Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return;
        }
        List<?> locks = Panache.getEntityManager().createNativeQuery("select calendar_year, assessment_id"
                + " from pairing_year_lock where pairing_id = :pairing and calendar_year in (:years)"
                + " order by calendar_year").setParameter("pairing", pairingId).setParameter("years", wanted)
                .setMaxResults(1).getResultList();
        if (!locks.isEmpty()) {
            Object[] lock = (Object[]) locks.get(0);
            throw ProblemException.conflict("locked-by-finalized-assessment", "the pairing's data of "
                    + ((Number) lock[0]).intValue() + " is locked by finalized assessment "
                    + ((Number) lock[1]).longValue() + "; reopen it first");
        }
    }

    /** Locks the pairing's data of {@code year} for the finalized assessment {@code assessmentId}. */
    public static void set(long pairingId, int year, long assessmentId) {
        Panache.getEntityManager().createNativeQuery("insert into pairing_year_lock (pairing_id, calendar_year,"
                + " assessment_id) values (:pairing, :year, :assessment)").setParameter("pairing", pairingId)
                .setParameter("year", year).setParameter("assessment", assessmentId).executeUpdate();
    }

    /** Unlocks the pairing's data of {@code year}. */
    public static void release(long pairingId, int year) {
        Panache.getEntityManager()
                .createNativeQuery("delete from pairing_year_lock where pairing_id = :pairing and calendar_year = :year")
                .setParameter("pairing", pairingId).setParameter("year", year).executeUpdate();
    }
}
