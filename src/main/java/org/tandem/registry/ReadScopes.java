package org.tandem.registry;

import org.tandem.cache.ReadCache;

/**
 * What a kept read of pairings or of their records depends on, declared while it is read
 * ({@link ReadCache#dependsOn}): so that it stays kept while other pairings, other programmes and the users
 * change. A read that declares nothing depends on every change.
 */
public final class ReadScopes {

    private ReadScopes() {
    }

    /** The read shows reference data only (counties, tracks, programmes, indicators, schemes). */
    public static void referenceOnly() {
        ReadCache.dependsOn();
    }

    /**
     * The read shows the pairings of programme {@code programCode} (and reference data); answers the programme's id,
     * null when there is no such programme.
     */
    public static Long pairingsOf(String programCode) {
        Long program = idOf(programCode);
        // No such programme: only reference data can change that (a programme is created).
        ReadCache.dependsOn(program == null ? new String[0] : new String[] { Pairing.pairingsScope(program) });
        return program;
    }

    /** The read shows the records of the pairings of programme {@code programId}, and the pairings. */
    public static void recordsOf(long programId) {
        ReadCache.dependsOn(Pairing.recordsScope(programId), Pairing.pairingsScope(programId));
    }

    /**
     * The read shows records of one kind (e.g. its projects) of the pairings of programme {@code programCode},
     * and the pairings: it stays kept while the programme's other kinds of record change.
     */
    public static void recordsOf(String programCode, RecordKind kind) {
        Long program = idOf(programCode);
        ReadCache.dependsOn(program == null ? new String[0]
                : new String[] { Pairing.recordsScope(program, kind), Pairing.pairingsScope(program) });
    }

    /** The read shows pairing {@code pairingId} and its records. */
    public static void recordsOfPairing(long pairingId) {
        ReadCache.dependsOn(Pairing.scope(pairingId));
    }

    private static Long idOf(String programCode) {
        return Program.idOfCode(programCode);
    }
}
