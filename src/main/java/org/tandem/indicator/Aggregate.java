package org.tandem.indicator;

/** How the matching records of a derived indicator become one figure. */
enum Aggregate {
    COUNT,
    SUM
}
