package org.tandem.packaged;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The packaged service runs in the prod profile, where no built-in development secret works. */
class DefaultSecretIT {

    @Test
    void theProdProfileRefusesToStartWithTheTestProfilesAdminPassword() throws Exception {
        Path dataDir = Files.createTempDirectory("tandem-secret");
        try (PackagedService service = new PackagedService(dataDir).withAdminPassword("test-admin-password")) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, service::start);
            assertTrue(refused.getMessage().contains("exited at start"), refused.getMessage());
        }
        String log = Files.readString(dataDir.resolve("service.log"));
        assertTrue(log.contains("tandem.admin.initial-password is a built-in development value"), log);
    }
}
