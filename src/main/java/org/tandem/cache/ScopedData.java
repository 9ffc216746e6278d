package org.tandem.cache;

import java.util.Set;

/**
 * An entity whose changes touch only some of the kept reads: it names the scopes of data it belongs to, such as
 * {@code pairing:12} or {@code program:3}, and a change of it moves only those ({@link DataVersion}). A kept read
 * depends on the scopes it declared while it was read ({@link ReadCache#dependsOn}). An entity that is not
 * scoped data changes every scope at once (reference data: counties, tracks, programmes, indicators, schemes).
 */
public interface ScopedData {

    /**
     * The scopes a change of this entity moves: empty when no kept read shows it, null when any may (every
     * kept read goes).
     */
    Set<String> scopes();
}
