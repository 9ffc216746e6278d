package org.tandem.spreadsheet;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much an import takes (tandem.import.*); past a size or the rows it is refused with 413. */
@ConfigMapping(prefix = "tandem.import")
public interface ImportLimits {

    /** The largest file, as uploaded. */
    @WithDefault("10M")
    MemorySize maxSize();

    /** The most an XLSX file may unpack to, all its parts together: a bound on zip bombs. */
    @WithDefault("100M")
    MemorySize maxUncompressedSize();

    /** The most data rows (the header not counted). */
    @WithDefault("20000")
    int maxRows();

    /** Seconds one import's transaction may take (read by {@code @TransactionConfiguration} on the import). */
    @WithDefault("900")
    int transactionTimeout();
}
