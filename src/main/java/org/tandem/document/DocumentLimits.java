package org.tandem.document;

import java.util.List;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much the document store takes and of what kind (tandem.document.*). */
@ConfigMapping(prefix = "tandem.document")
public interface DocumentLimits {

    /** The largest file (413 past it, nothing stored). */
    @WithDefault("50M")
    MemorySize maxSize();

    /** The most all the documents of one pair-year may hold, every version counted (413 past it). */
    @WithDefault("2G")
    MemorySize maxPerPairYear();

    /** The size of the rows the bytes are kept in; a version keeps the size it was written with. */
    @WithDefault("256K")
    MemorySize chunkSize();

    /** The media types accepted, as detected from the bytes (415 for any other). */
    List<String> allowedTypes();

    /** Seconds one upload's transaction may take (read by {@code @TransactionConfiguration}). */
    @WithDefault("900")
    int transactionTimeout();
}
