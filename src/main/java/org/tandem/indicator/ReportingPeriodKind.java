package org.tandem.indicator;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reporting period of a year: the annual report, half-yearly (H1, H2) or quarterly (Q1–Q4) progress reports. */
@Schema(name = "ReportingPeriodKind")
enum ReportingPeriodKind {
    ANNUAL(1, ReportedPer.ANNUAL),
    H1(1, ReportedPer.HALF_YEAR),
    H2(7, ReportedPer.HALF_YEAR),
    Q1(1, ReportedPer.QUARTER),
    Q2(4, ReportedPer.QUARTER),
    Q3(7, ReportedPer.QUARTER),
    Q4(10, ReportedPer.QUARTER);

    private final int firstMonth;
    private final ReportedPer granularity;

    ReportingPeriodKind(int firstMonth, ReportedPer granularity) {
        this.firstMonth = firstMonth;
        this.granularity = granularity;
    }

    /** The indicators whose values a report of this period holds: those reported per this granularity. */
    ReportedPer granularity() {
        return granularity;
    }

    /** The first day of the period in {@code year}: a due date before it is a mistake. */
    LocalDate startsOn(int year) {
        return LocalDate.of(year, firstMonth, 1);
    }
}
