package org.tandem.indicator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How often an indicator's actual is reported: once for the year (ANNUAL, the default: the annual actuals), or in
 * progress reports per half-year (H1, H2) or per quarter (Q1–Q4) besides the annual actual.
 */
@Schema(name = "ReportedPer", description = "ANNUAL: the year's actual only (the default). HALF_YEAR: also H1 and "
        + "H2 progress values. QUARTER: also Q1–Q4 progress values.")
enum ReportedPer {
    ANNUAL,
    HALF_YEAR,
    QUARTER
}
