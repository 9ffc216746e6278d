package org.tandem.assessment;

import java.util.Collection;
import java.util.Objects;

import org.tandem.problem.ProblemException;

/**
 * A finalized assessment freezes its pair's data of that year: targets, actuals and the records the
 * derived values come from. Every write of such data asks here first.
 */
public final class YearLock {

    private YearLock() {
    }

    /** Refuses with 409 when any of {@code years} (nulls ignored) is locked for the pairing. */
    public static void check(long pairingId, Collection<Integer> years) {
        var wanted = years.stream().filter(Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return;
        }
        Assessment locking = Assessment.<Assessment> find("pairing.id = ?1 and year in ?2 and status = ?3", pairingId,
                wanted, AssessmentStatus.FINALIZED).firstResult();
        if (locking != null) {
            throw ProblemException.conflict("locked-by-finalized-assessment", "the pairing's data of " + locking.year
                    + " is locked by finalized assessment " + locking.id + "; reopen it first");
        }
    }
}
