package org.tandem.export;

/** What a column holds, which decides how a cell is written: in XLSX as a typed cell, in CSV as plain text. */
public enum CellType {
    /** Text; in CSV defused against formula injection. */
    TEXT,
    /** A whole number. */
    INTEGER,
    /** A decimal number, written as it is (scores, shares, quantities). */
    DECIMAL,
    /** Money: a decimal shown with two places. */
    MONEY,
    /** A calendar date ({@link java.time.LocalDate}). */
    DATE,
    /** An instant ({@link java.time.Instant} or {@link java.time.OffsetDateTime}), shown in UTC. */
    TIMESTAMP
}
