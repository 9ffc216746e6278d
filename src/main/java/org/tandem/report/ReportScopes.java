package org.tandem.report;

import org.tandem.assessment.AssessmentScopes;
import org.tandem.registry.ReadScopes;

/**
 * What a kept report depends on ({@code ReadCache#dependsOn}): the programme's pairings, their records (projects,
 * activities, parks, targets, actuals, workflow) and its assessments, besides reference data (tracks, indicators,
 * schemes). A write into another programme leaves it kept.
 */
final class ReportScopes {

    private ReportScopes() {
    }

    /** The read shows programme {@code programId}'s pairings, their records and its assessments. */
    static void ofProgram(long programId) {
        ReadScopes.recordsOf(programId);
        AssessmentScopes.ofProgram(programId);
    }
}
