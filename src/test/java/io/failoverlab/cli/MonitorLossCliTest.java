package io.failoverlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.failoverlab.engine.EngineListener;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.LabProfiles;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.remote.Command;
import io.failoverlab.remote.LocalShell;
import io.failoverlab.testing.ClusterTest;
import io.failoverlab.testing.TestLabs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22's "Done when" on a real local lab, through the CLI: up, profile fast, stop-monitor,
 * kill-primary --mode node (exit 0: nothing fails over without the monitor, writes stop),
 * start-monitor (it now fails over, measured), start the killed node again, replace-monitor
 * (no acknowledged write lost) and status: one primary and the secondaries on a new monitor
 * (another system identifier). Figures printed as BENCH lines.
 */
@ClusterTest
class MonitorLossCliTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void aFaultWithTheMonitorDownThenTheMonitorReplaced(int nodes) throws Exception {
        LabSpec lab = TestLabs.localLab("monitor-loss-" + nodes);
        if (nodes > 2) {
            int[] ports = IntStream.range(0, nodes).map(i -> TestLabs.freePort()).toArray();
            lab = LabSpec.local(lab.dataDir, lab.monitor.port, ports);
            lab.name = "monitor-loss-" + nodes;
        }
        Path root = Path.of(lab.dataDir).getParent();
        Path labFile = root.resolve("lab.json");
        LabProfiles.save(lab, labFile);
        try {
            run(root, labFile, "up");
            run(root, labFile, "profile", "fast");
            long monitorBefore = systemIdentifier(lab);
            run(root, labFile, "stop-monitor");

            CliTest.Run kill = run(root, labFile, "kill-primary", "--mode", "node", "--json", root.resolve("f1.json").toString());
            JsonNode f1 = figures(root.resolve("f1.json"));
            assertEquals(0, f1.get("failedOver").asDouble(), kill.out());
            assertTrue(kill.out().contains("nothing failed over"), kill.out());
            assertTrue(f1.get("writesBlockedSeconds").asDouble() > 0 || f1.get("acknowledgedAfterFault").asDouble() > 0, f1.toString());
            String killed = killedNode(kill.out(), lab);

            CliTest.Run back = run(root, labFile, "start-monitor", "--json", root.resolve("f3.json").toString());
            JsonNode f3 = figures(root.resolve("f3.json"));
            assertTrue(f3.get("failoverSeconds").asDouble() > 0 && f3.get("firstWriteSeconds").asDouble() > 0, back.out());

            run(root, labFile, "start-node", killed);
            CliTest.Run replaced = run(root, labFile, "replace-monitor", "--json", root.resolve("f2.json").toString());
            JsonNode f2 = figures(root.resolve("f2.json"));
            assertEquals(0, f2.get("lostWrites").asDouble(), replaced.out());
            assertTrue(f2.get("acknowledgedWrites").asDouble() > 0 && f2.get("replaceSeconds").asDouble() > 0, f2.toString());

            JsonNode status = LabProfiles.JSON.readTree(run(root, labFile, "status", "--json").out());
            assertTrue(status.get("monitorReachable").asBoolean(), status.toString());
            List<String> states = new ArrayList<>();
            status.get("nodes").forEach(n -> states.add(n.get("reportedState").asText() + "/" + n.get("assignedState").asText()));
            assertEquals(nodes, states.size(), states.toString());
            assertEquals(1, states.stream().filter("primary/primary"::equals).count(), states.toString());
            assertEquals(nodes - 1, states.stream().filter("secondary/secondary"::equals).count(), states.toString());
            assertNotEquals(monitorBefore, systemIdentifier(lab), "the nodes are on a new monitor");

            System.out.printf("BENCH monitor loss nodes=%d: noFailoverObserved=%.1f s (a monitor fails over in %.1f s) writesBlocked=%.2f s;"
                            + " monitor back: failover=%.2f s firstWrite=%.2f s; replace-monitor: replace=%.2f s writesBlocked=%.2f s"
                            + " acknowledged=%d lost=%d%n", nodes, f1.get("observedSeconds").asDouble(), f1.get("expectedFailoverSeconds").asDouble(),
                    f1.get("writesBlockedSeconds").asDouble(), f3.get("failoverSeconds").asDouble(), f3.get("firstWriteSeconds").asDouble(),
                    f2.get("replaceSeconds").asDouble(), f2.get("writesBlockedSeconds").asDouble(),
                    f2.get("acknowledgedWrites").asLong(), f2.get("lostWrites").asLong());
        } finally {
            try (LabEngine e = new LabEngine(lab, h -> new LocalShell(), EngineListener.NONE)) {
                e.down(true);
            }
            TestLabs.deleteTree(root);
        }
    }

    /** A verb on the test's own lab, config and known_hosts; it must exit 0. */
    private static CliTest.Run run(Path root, Path labFile, String... verb) {
        List<String> args = new ArrayList<>(List.of(verb));
        args.addAll(List.of("--lab", labFile.toString(), "--config-dir", root.resolve("config").toString(),
                "--known-hosts", root.resolve("known_hosts").toString(), "--no-journal"));
        CliTest.Run r = CliTest.cli(args.toArray(String[]::new));
        assertEquals(0, r.code(), String.join(" ", verb) + ": " + r);
        return r;
    }

    private static JsonNode figures(Path json) throws Exception {
        return LabProfiles.JSON.readTree(Files.readString(json)).get("figures");
    }

    /** The primary the kill took: named in its sentence ("… of node1 with the monitor down"). */
    private static String killedNode(String out, LabSpec lab) {
        return lab.nodes.stream().map(n -> n.name).filter(n -> out.contains(" of " + n + " with the monitor down"))
                .findFirst().orElseThrow(() -> new AssertionError("no node named in: " + out));
    }

    /** The monitor's database system identifier: a new monitor has a new one. */
    private static long systemIdentifier(LabSpec lab) throws Exception {
        String out = new LocalShell().check(Command.asPostgres("psql -X -At -p " + lab.monitor.port
                + " -d pg_auto_failover -c 'select system_identifier from pg_control_system()'")).stdout().strip();
        return Long.parseLong(out);
    }
}
