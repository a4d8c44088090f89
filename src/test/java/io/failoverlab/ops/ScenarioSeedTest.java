package io.failoverlab.ops;

import io.failoverlab.testing.ClusterTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.failoverlab.cli.Cli;
import io.failoverlab.engine.EngineListener;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.LabProfiles;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.remote.LocalShell;
import io.failoverlab.testing.TestLabs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `scenario seed` for real, through the CLI, on a fresh local lab per timing profile: the JSON
 * has every figure docs/architecture.md promises, no acknowledged write is lost, every node has the rows.
 * The figures are printed as BENCH lines (no timed assertions: shared, noisy machines).
 */
@ClusterTest
class ScenarioSeedTest {

    @ParameterizedTest
    @ValueSource(strings = {"fast", "default"})
    void seedScenario(String profile) throws Exception {
        LabSpec lab = TestLabs.localLab("seed-" + profile);
        Path root = Path.of(lab.dataDir).getParent();
        Path labFile = root.resolve("lab.json");
        Path json = root.resolve("seed.json");
        LabProfiles.save(lab, labFile);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Cli.run(new String[]{"scenario", "seed", "--profile", profile, "--json", json.toString(), "--lab", labFile.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            String log = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
            assertEquals(0, code, log);
            JsonNode r = LabProfiles.JSON.readTree(Files.readString(json));
            for (String k : new String[]{"pgAutoFailoverVersion", "postgresVersion", "timeToClusterSeconds", "switchoverSeconds",
                    "failoverSeconds", "acknowledgedWrites", "lostWrites", "rowsOnEachNode", "steps"}) {
                assertNotNull(r.get(k), k + " missing in " + r);
                assertTrue(!r.get(k).isNull(), k + " is null in " + r);
            }
            assertEquals(profile, r.get("profile").asText());
            assertEquals(0, r.get("lostWrites").asLong(), log);
            assertTrue(r.get("acknowledgedWrites").asLong() > 0, log);
            assertTrue(r.get("failoverSeconds").asDouble() > 0, log);
            JsonNode rows = r.get("rowsOnEachNode");
            assertEquals(2, rows.size());
            assertEquals(rows.get("node1").asLong(), rows.get("node2").asLong(), rows.toString());
            assertTrue(rows.get("node1").asLong() >= 1_000_010, rows.toString());
            for (JsonNode s : r.get("steps")) assertTrue(s.get("ok").asBoolean(), s.toString());
            System.out.printf("BENCH scenario seed profile=%s: timeToCluster=%.1f s switchover=%.2f s failover=%.2f s (expected %.1f s)"
                            + " writeDowntime=%.2f s acknowledged=%d lost=%d%n", profile, r.get("timeToClusterSeconds").asDouble(),
                    r.get("switchoverSeconds").asDouble(), r.get("failoverSeconds").asDouble(), r.get("expectedFailoverSeconds").asDouble(),
                    r.get("writeDowntimeSeconds").asDouble(), r.get("acknowledgedWrites").asLong(), r.get("lostWrites").asLong());
        } finally {
            try (LabEngine e = new LabEngine(lab, h -> new LocalShell(), EngineListener.NONE)) {
                e.down(true);
            }
            TestLabs.deleteTree(root);
        }
    }
}
