package org.tandem.registry;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

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
                throw refusal(year, ((Number) lock[1]).longValue());
            }
        }
    }

    /**
     * The locks of these pairings, read at once for a batch of writes (an import): one statement per thousand
     * pairings, where {@link #check} is one per record written. A batch that has locked the pairings' rows first (as
     * every import that writes does) knows no lock of theirs is set or removed before it commits; a dry run reads
     * them as committed.
     */
    public static Held held(Collection<Long> pairingIds) {
        Map<Long, SortedMap<Integer, Long>> locks = new HashMap<>();
        List<Long> ids = List.copyOf(new LinkedHashSet<>(pairingIds));
        for (int from = 0; from < ids.size(); from += 1000) {
            List<?> rows = Panache.getEntityManager().createNativeQuery("select pairing_id, calendar_year,"
                    + " assessment_id from pairing_year_lock where pairing_id in (:pairings)")
                    .setParameter("pairings", ids.subList(from, Math.min(ids.size(), from + 1000))).getResultList();
            for (Object row : rows) {
                Object[] lock = (Object[]) row;
                locks.computeIfAbsent(((Number) lock[0]).longValue(), pairing -> new TreeMap<>())
                        .put(((Number) lock[1]).intValue(), ((Number) lock[2]).longValue());
            }
        }
        return new Held(locks);
    }

    /** The year locks of the pairings a batch holds, as {@link #held} read them. */
    public static final class Held {

        private final Map<Long, SortedMap<Integer, Long>> locks;

        private Held(Map<Long, SortedMap<Integer, Long>> locks) {
            this.locks = locks;
        }

        /** Refuses as {@link YearLock#check} does, from the locks read. */
        public void check(long pairingId, Collection<Integer> years) {
            for (Map.Entry<Integer, Long> lock : locks.getOrDefault(pairingId, Collections.emptySortedMap())
                    .entrySet()) {
                if (years.contains(lock.getKey())) {
                    throw refusal(lock.getKey(), lock.getValue());
                }
            }
        }
    }

    private static ProblemException refusal(int year, long assessmentId) {
        return ProblemException.conflict("locked-by-finalized-assessment", "the pairing's data of " + year
                + " is locked by finalized assessment " + assessmentId + "; reopen it first");
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
