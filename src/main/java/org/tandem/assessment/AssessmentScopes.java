package org.tandem.assessment;

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
        Long program = Program.idOfCode(programCode);
        if (program == null) {
            // No such programme: only reference data can change that (a programme is created).
            ReadCache.dependsOn();
            return null;
        }
        ofProgram(program.longValue());
        return program;
    }

    /** The read shows assessments of programme {@code programId}, whose code the caller has looked up already. */
    public static void ofProgram(long programId) {
        ReadCache.dependsOn(Assessment.scope(programId), Pairing.pairingsScope(programId));
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
