package org.tandem.indicator;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reporting period of a year: the annual report, half-yearly (H1, H2) or quarterly (Q1–Q4) progress reports. */
@Schema(name = "ReportingPeriodKind")
enum ReportingPeriodKind {
    ANNUAL(1),
    H1(1),
    H2(7),
    Q1(1),
    Q2(4),
    Q3(7),
    Q4(10);

    private final int firstMonth;

    ReportingPeriodKind(int firstMonth) {
        this.firstMonth = firstMonth;
    }

    /** The first day of the period in {@code year}: a due date before it is a mistake. */
    LocalDate startsOn(int year) {
        return LocalDate.of(year, firstMonth, 1);
    }
}
