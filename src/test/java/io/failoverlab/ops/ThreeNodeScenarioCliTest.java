package io.failoverlab.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.failoverlab.cli.Cli;
import io.failoverlab.lab.LabProfiles;
import io.failoverlab.testing.ClusterTest;
import io.failoverlab.testing.TestLabs;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `scenario three-nodes` through the CLI on a two-node local lab given only by options, as a
 * student would run it: a third node is added and kept (the next verb with the same options sees
 * it), the standbys are lost and come back, a raised candidate priority decides the failover,
 * nothing acknowledged is lost; `status --json` carries the formation's settings; `down
 * --destroy` forgets the added node.
 */
@ClusterTest
class ThreeNodeScenarioCliTest {
    record Run(int code, String out) { }

    static Run cli(List<String> common, String... verb) {
        List<String> args = new ArrayList<>(List.of(verb));
        args.addAll(common);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Cli.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theTutorialsThirdNode() throws Exception {
        Path root = TestLabs.tempRoot("failoverlab-three-cli-");
        Path config = root.resolve("config");
        List<String> common = List.of("--data-dir", root.resolve("lab").toString(), "--monitor-port", String.valueOf(TestLabs.freePort()),
                "--node-ports", TestLabs.freePort() + "," + TestLabs.freePort(), "--config-dir", config.toString());
        Path json = root.resolve("three.json");
        try {
            Run r = cli(common, "scenario", "three-nodes", "--profile", "fast", "--json", json.toString());
            assertEquals(0, r.code(), r.out());
            JsonNode j = LabProfiles.JSON.readTree(Files.readString(json));
            assertTrue(j.get("ok").asBoolean(), r.out());
            assertEquals(0, j.get("lostWrites").asLong(), r.out());
            assertTrue(j.get("acknowledgedWrites").asLong() > 0, r.out());
            assertEquals(0, j.get("numberSyncStandbysBefore").asInt());
            assertEquals(1, j.get("numberSyncStandbysAfter").asInt());
            assertEquals("node3", j.get("promoted").asText());
            assertTrue(j.get("writesBlockedSeconds").asDouble() > 0, j.toString());
            for (JsonNode s : j.get("steps")) assertTrue(s.get("ok").asBoolean(), s.toString());
            System.out.printf("BENCH scenario three-nodes profile=fast: writesBlocked=%.2f s failover=%.2f s acknowledged=%d lost=%d%n",
                    j.get("writesBlockedSeconds").asDouble(), j.get("failoverSeconds").asDouble(),
                    j.get("acknowledgedWrites").asLong(), j.get("lostWrites").asLong());
            for (JsonNode s : j.get("steps")) {
                System.out.printf("BENCH scenario three-nodes step %s: %.2f s%n", s.get("name").asText(), s.get("seconds").asDouble());
            }

            // the same options see node3 now; status --json says what pg_autoctl show settings says
            Run status = cli(common, "status", "--json");
            assertEquals(0, status.code(), status.out());
            JsonNode st = LabProfiles.JSON.readTree(status.out());
            assertEquals(3, st.get("nodes").size(), status.out());
            assertTrue(st.get("formation").has("numberSyncStandbys"), status.out());
            assertTrue(st.get("formation").get("synchronousStandbyNames").asText().startsWith("ANY 1 ("), status.out());
            for (JsonNode n : st.get("nodes")) {
                assertTrue(n.has("candidatePriority") && n.has("replicationQuorum"), n.toString());
            }
        } finally {
            Run down = cli(common, "down", "--destroy");
            assertEquals(0, down.code(), down.out());
            try (var files = Files.list(config.resolve("added-nodes"))) {
                assertFalse(files.findAny().isPresent(), "the added node is forgotten with the lab");
            } finally {
                TestLabs.deleteTree(root);
            }
        }
    }
}
