package org.tandem.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which H2 URLs name a database file that {@link H2CrashRecovery} looks after, and which file. */
class H2CrashRecoveryTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "jdbc:h2:file:/data/tandem;MODE=PostgreSQL;WRITE_DELAY=0  | /data/tandem.mv.db",
            "jdbc:h2:file:/data/tandem                                | /data/tandem.mv.db",
            "jdbc:h2:/var/lib/tandem/db;DB_CLOSE_ON_EXIT=FALSE        | /var/lib/tandem/db.mv.db",
            "jdbc:h2:file:relative/dir/tandem                         | relative/dir/tandem.mv.db",
            "jdbc:h2:retry:file:/data/tandem;WRITE_DELAY=0            | /data/tandem.mv.db",
            "jdbc:h2:retry:/data/tandem                               | /data/tandem.mv.db",
            "jdbc:h2:mem:tandem-test;DB_CLOSE_DELAY=-1                | -",
            "jdbc:h2:tcp://localhost/~/tandem                         | -",
            "jdbc:h2:ssl://localhost/tandem                           | -",
            "jdbc:h2:zip:/backups/db.zip!/tandem                      | -",
            "jdbc:h2:file:                                            | -" })
    void theFileOfAUrl(String url, String file) {
        assertEquals(file == null ? null : Path.of(file), H2CrashRecovery.mvFile(url));
    }

    @ParameterizedTest
    @CsvSource({ "jdbc:h2:~/tandem", "jdbc:h2:file:~/tandem;MODE=PostgreSQL" })
    void aFileInTheHomeDirectory(String url) {
        assertEquals(Path.of(System.getProperty("user.home"), "tandem.mv.db"), H2CrashRecovery.mvFile(url));
    }
}
