package io.failoverlab.testing;

import io.failoverlab.lab.LabProfiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Under the build, a test class's default config folder is its own, never the person's. */
class OwnConfigDirTest {
    @Test
    void theDefaultConfigFolderIsThisClassesOwn() {
        Path home = Path.of(System.getProperty("user.home"), ".config", "failover-lab");
        Path dir = LabProfiles.configDir();
        assertFalse(dir.startsWith(home), "the tests' config folder is not the person's: " + dir);
        if (System.getenv(LabProfiles.CONFIG_DIR_ENV) != null) {
            assertEquals(Path.of(System.getenv(LabProfiles.CONFIG_DIR_ENV), "OwnConfigDirTest"), dir);
        }
    }
}
