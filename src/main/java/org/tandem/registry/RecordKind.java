package org.tandem.registry;

import java.util.Locale;

/**
 * The kinds of a pairing's records, as their scopes name them ({@link Pairing#scope(long, RecordKind)},
 * {@link Pairing#recordsScope(long, RecordKind)}): a change of a record moves its kind's scopes besides its pairing's
 * and programme's, so that a read of one kind alone (a programme's projects, the programme summary's figures of
 * activities) stays kept while the other kinds change.
 */
public enum RecordKind {
    PROJECTS,
    ACTIVITIES,
    PARKS,
    /** Targets and reported actuals of a pair-year's indicators. */
    VALUES,
    /** A pair-year's own row: its workflow state. */
    PAIR_YEARS,
    PERIOD_VALUES,
    PERIOD_REPORTS,
    LEDGER;

    /** How a scope names it, e.g. {@code pair-years}. */
    String scopeName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
