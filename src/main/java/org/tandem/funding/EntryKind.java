package org.tandem.funding;

/** What a ledger entry records; a correction reverses another entry and so has that entry's effect. */
enum EntryKind {
    ALLOCATION,
    DISBURSEMENT,
    CLAWBACK,
    CORRECTION
}
