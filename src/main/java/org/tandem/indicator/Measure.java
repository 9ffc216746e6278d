package org.tandem.indicator;

/** The field a SUM adds up; each belongs to projects or to activities. */
enum Measure {
    INVESTMENT(DerivedFrom.PROJECT),
    EXPECTED_ANNUAL_OUTPUT(DerivedFrom.PROJECT),
    EXPECTED_ANNUAL_TAX(DerivedFrom.PROJECT),
    PARTICIPANTS(DerivedFrom.ACTIVITY),
    ENTERPRISES(DerivedFrom.ACTIVITY),
    AMOUNT(DerivedFrom.ACTIVITY);

    public final DerivedFrom from;

    Measure(DerivedFrom from) {
        this.from = from;
    }
}
