package org.tandem.assessment;

import java.util.List;

import org.tandem.cache.ReadCache;
import org.tandem.registry.Pairing;
import org.tandem.registry.Program;

/**
 * What a kept read of assessments depends on, declared while it is read ({@link ReadCache#dependsOn}): the
 * programme's assessments and its pairings (a ranking line names the pair), so that a clerk's write into a
 * pair's records leaves the ranking kept.
 */
public final class AssessmentScopes {

    private AssessmentScopes() {
    }

    /** The read shows assessments of programme {@code programCode}; returns the programme's id, null if none. */
    public static Long ofProgram(String programCode) {
        List<Long> found = Program.getEntityManager()
                .createQuery("select p.id from Program p where p.code = :code", Long.class)
                .setParameter("code", programCode).getResultList();
        if (found.isEmpty()) {
            // No such programme: only reference data can change that (a programme is created).
            ReadCache.dependsOn();
            return null;
        }
        ReadCache.dependsOn(Assessment.scope(found.get(0)), Pairing.pairingsScope(found.get(0)));
        return found.get(0);
    }

    /** The scope of the assessments of programme {@code programId}: it moves when any of them changes. */
    public static String scopeOf(long programId) {
        return Assessment.scope(programId);
    }

    /** The read shows {@code assessment}. */
    static void of(Assessment assessment) {
        long program = Program.idOf(assessment.program);
        ReadCache.dependsOn(Assessment.scope(program), Pairing.pairingsScope(program));
    }
}
