package io.failoverlab.cli;

import io.failoverlab.lab.LabSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The window and the verbs read the same common options into the same lab and folders. */
class LabOptionsTest {
    @Test
    void nodePortsSizeTheLocalLab() {
        LabSpec lab = LabOptions.lab(null, "/tmp/fl-opts", 7200, "7201,7202,7203", false);
        assertEquals(3, lab.nodes.size());
        assertEquals("node3", lab.nodes.get(2).name);
        assertEquals(7203, lab.nodes.get(2).port);
        assertEquals(7200, lab.monitor.port);
        assertEquals("/tmp/fl-opts", lab.dataDir);
    }

    @Test
    void theWindowHonoursTheCommonOptions() {
        LabOptions.Window w = LabOptions.window(new String[]{"--data-dir", "/tmp/fl-w", "--monitor-port", "7300",
                "--node-ports", "7301,7302", "--config-dir", "/tmp/fl-cfg", "--known-hosts", "/tmp/fl-kh", "--journal", "/tmp/fl-j",
                "--gcloud", "/opt/gcloud", "--lang", "ru", "--no-install"});
        assertEquals(7300, w.lab().monitor.port);
        assertEquals(7302, w.lab().nodes.get(1).port);
        assertEquals("/tmp/fl-w", w.lab().dataDir);
        assertFalse(w.lab().installPackages);
        assertEquals(Path.of("/tmp/fl-cfg"), w.paths().configDir());
        assertEquals(Path.of("/tmp/fl-kh"), w.paths().knownHosts());
        assertEquals(Path.of("/tmp/fl-j"), w.paths().journalFor(w.lab()));
        assertEquals("/opt/gcloud", w.paths().gcloud());
        assertEquals("ru", w.lang());
        assertEquals(Path.of("/tmp/fl-cfg/known_hosts"),
                LabOptions.window(new String[]{"--config-dir", "/tmp/fl-cfg"}).paths().knownHosts());
    }
}
