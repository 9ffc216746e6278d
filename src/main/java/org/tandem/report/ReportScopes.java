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

    static void ofProgram(String programCode) {
        // One look-up of the programme for both.
        Long program = ReadScopes.recordsOf(programCode);
        if (program != null) {
            AssessmentScopes.ofProgram(program.longValue());
        }
    }
}
