package io.failoverlab.engine;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.HostSpec;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabSecretsStore;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.StepResult;
import io.failoverlab.ops.Heal;
import io.failoverlab.ops.KillPrimary;
import io.failoverlab.ops.OperationResult;
import io.failoverlab.ops.OperationRunner;
import io.failoverlab.ops.Partition;
import io.failoverlab.ops.PartitionProbe;
import io.failoverlab.ops.TimingProfiles;
import io.failoverlab.pgaf.TimingProfile;
import io.failoverlab.testing.NetNamespaces;
import io.failoverlab.testing.Sshd;
import io.failoverlab.testing.TestLabs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Network partitions on a real multi-host lab: monitor, node1 and node2 each in a network namespace
 * of its own with its own sshd (as MultiHostClusterTest), the cut made by nftables inside the cut
 * node's namespace. The three cases with the write probes on, heal with verification on every node,
 * bad input, and nothing left blocked once the lab and the namespaces are gone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartitionClusterTest {
    static final String TABLE = "failover_lab_partition";
    NetNamespaces net;
    final Map<String, Sshd> sshds = new LinkedHashMap<>();
    LabSpec lab;
    Path root;
    Path knownHosts;
    LabSecretsStore store;
    final List<LogLine> log = Collections.synchronizedList(new ArrayList<>());
    final EngineListener capture = new EngineListener() {
        @Override
        public void log(LogLine line) { log.add(line); }

        @Override
        public void stepFinished(StepResult r) { log.add(LogLine.of("step", LogLine.Level.INFO, r.name() + " " + r.message())); }
    };

    @BeforeAll
    void setUp() throws Exception {
        root = TestLabs.tempRoot("failoverlab-part-");
        knownHosts = root.resolve("known_hosts");
        store = new LabSecretsStore(root.resolve("config/secrets"));
        try {
            net = NetNamespaces.create("monitor", "node1", "node2");
            lab = LabSpec.local(root.resolve("lab").toString(), TestLabs.freePort(), TestLabs.freePort(), TestLabs.freePort());
            lab.name = "partition-it";
            lab.hosts.clear();
            for (String role : List.of("monitor", "node1", "node2")) {
                Sshd s = Sshd.startIn(net.namespace(role), net.address(role));
                sshds.put(role, s);
                lab.hosts.add(HostSpec.ssh(role, s.host(), s.port(), s.user(), s.clientKey().toString()));
            }
            lab.monitor.host = "monitor";
            lab.nodes.get(0).host = "node1";
            lab.nodes.get(1).host = "node2";
        } catch (Exception e) {
            tearDown();
            throw e;
        }
    }

    LabEngine engine() {
        return new LabEngine(lab, Shells.factory(knownHosts, (h, t, fp) -> { }), capture).secretsStore(store);
    }

    @AfterAll
    void tearDown() {
        try {
            if (lab != null && !sshds.isEmpty()) {
                try (LabEngine e = engine()) {
                    e.down(true);
                } catch (RuntimeException ignored) {
                    // the namespaces go below, with whatever still runs in them
                }
            }
        } finally {
            sshds.values().forEach(Sshd::close);
            if (net != null) net.close();
            TestLabs.deleteTree(root);
        }
    }

    @Test
    @Order(1)
    void upWithTheFastProfile() throws Exception {
        try (LabEngine engine = engine(); OperationRunner runner = new OperationRunner(engine.listener())) {
            // up resumes after a failure: on a host shared by several builds a step may time out once
            List<StepResult> steps = engine.up();
            for (int i = 0; i < 2 && !steps.stream().allMatch(StepResult::ok); i++) steps = engine.up();
            List<StepResult> last = steps;
            assertTrue(last.stream().allMatch(StepResult::ok), () -> "steps: " + last + "\n" + tail());
            OperationResult p = runner.runNow(TimingProfiles.apply(engine, TimingProfile.FAST));
            assertTrue(p.ok(), p.message());
        }
    }

    @Test
    @Order(2)
    void badInputGetsOneSentenceAndChangesNothing() throws Exception {
        try (LabEngine engine = engine()) {
            LabException unknown = assertThrows(LabException.class, () -> new Partition(engine, "node9", Partition.From.ALL).run());
            assertTrue(unknown.getMessage().contains("no node 'node9'") && unknown.getMessage().contains("node1, node2"), unknown.getMessage());
            LabException monitor = assertThrows(LabException.class, () -> new Partition(engine, "monitor", Partition.From.ALL).run());
            assertTrue(monitor.getMessage().startsWith("The monitor is not partitioned"), monitor.getMessage());
            assertThrows(LabException.class, () -> Partition.From.parse("everyone"));
            assertEquals(KillPrimary.Mode.NETWORK, KillPrimary.Mode.parse("network"));

            OperationResult nothing = new Heal(engine, null).run();
            assertTrue(nothing.ok() && nothing.message().startsWith("Nothing is partitioned"), nothing.message());
            OperationResult nothing1 = new Heal(engine, "node1").run();
            assertTrue(nothing1.message().startsWith("Nothing to heal: node1"), nothing1.message());
            assertNoTableAnywhere();
            assertTrue(engine.status().converged());
        }
        // one host for every role: refused before anything touches a host
        LabSpec one = TestLabs.localLab("one-host");
        try (LabEngine e = new LabEngine(one, Shells.factory(knownHosts, (h, t, fp) -> { }), capture)) {
            LabException single = assertThrows(LabException.class, () -> new Partition(e, "node1", Partition.From.ALL).run());
            assertTrue(single.getMessage().contains("on one host") && single.getMessage().contains("per-role"), single.getMessage());
        } finally {
            TestLabs.deleteTree(Path.of(one.dataDir).getParent());
        }
    }

    @Test
    @Order(3)
    void primaryCutFromEverythingFailsOverAndTheOldPrimaryFencesItself() throws Exception {
        try (LabEngine engine = engine(); OperationRunner runner = new OperationRunner(engine.listener())) {
            String primary = engine.status().stablePrimary().orElseThrow().name();
            try (PartitionProbe probe = probeFor(engine, primary)) {
                OperationResult r = runner.runNow(new Partition(engine, primary, Partition.From.ALL, probe, null));
                System.out.println("partition from all: " + r.message());
                assertTrue(r.ok(), r.message() + "\n" + keeperLogs(engine));
                Map<String, Double> f = r.figures();
                assertTrue(f.get("partitionFailoverSeconds") > 0 && f.get("selfDemoteSeconds") > 0, f.toString());
                assertEquals(0.0, f.get("acknowledgedOnOldPrimaryAfterPromotion"), r.message());
                assertNotEquals(primary, r.finalState().writableNode().orElseThrow().name(), r.message());
                assertTrue(r.message().contains("fenced itself"), r.message());
                // the console still reaches the cut node over SSH, the cut node does not reach the monitor
                assertTrue(engine.shells().host(primary).run(io.failoverlab.remote.Command.of("echo ok")).ok());
                assertFalse(reaches(primary, "monitor", lab.monitor.port), "the cut must drop the monitor's traffic");

                OperationResult h = runner.runNow(new Heal(engine, primary, probe));
                System.out.println("heal: " + h.message());
                assertTrue(h.ok(), h.message() + "\n" + tail());
                assertEquals(0.0, h.figures().get("lostWrites"), h.message());
                assertEquals(0.0, h.figures().get("acknowledgedOnOldPrimaryAfterPromotion"), h.message());
                assertTrue(h.figures().get("acknowledgedWrites") > 0, h.message());
                assertEquals(NodeState.SECONDARY, h.finalState().node(primary).orElseThrow().reportedState(), h.message());
                assertTrue(reaches(primary, "monitor", lab.monitor.port), "heal must open the way again");
                bench("fast", "primary from all", r, h);
            }
            assertNoTableAnywhere();
        }
    }

    @Test
    @Order(4)
    void primaryCutFromTheMonitorOnly() throws Exception {
        try (LabEngine engine = engine(); OperationRunner runner = new OperationRunner(engine.listener())) {
            healLeftovers(engine);
            String primary = engine.status().stablePrimary().orElseThrow().name();
            try (PartitionProbe probe = probeFor(engine, primary)) {
                OperationResult r = runner.runNow(new Partition(engine, primary, Partition.From.MONITOR, probe, null));
                System.out.println("partition from monitor: " + r.message());
                assertTrue(r.ok(), r.message() + "\n" + keeperLogs(engine));
                assertEquals(0.0, r.figures().get("acknowledgedOnOldPrimaryAfterPromotion"), r.message());
                assertTrue(r.message().contains("failover happened") || r.message().contains("no failover happened"), r.message());
                String standby = "node1".equals(primary) ? "node2" : "node1";
                assertTrue(reaches(primary, standby, lab.node(standby).orElseThrow().port), "the standby stays reachable");
                assertFalse(reaches(primary, "monitor", lab.monitor.port), "the monitor is cut off");
                OperationResult h = runner.runNow(new Heal(engine, null, probe));
                System.out.println("heal: " + h.message());
                assertTrue(h.ok(), h.message() + "\n" + tail());
                assertEquals(0.0, h.figures().get("lostWrites"), h.message());
                assertTrue(h.finalState().converged(), h.message());
                bench("fast", "primary from monitor", r, h);
            }
            assertNoTableAnywhere();
        }
    }

    @Test
    @Order(5)
    void standbyCutTurnsThePrimaryWaitPrimaryUntilHeal() throws Exception {
        try (LabEngine engine = engine(); OperationRunner runner = new OperationRunner(engine.listener())) {
            healLeftovers(engine);
            ClusterSnapshot s = engine.status();
            String primary = s.stablePrimary().orElseThrow().name();
            String standby = s.nodes().stream().filter(n -> !n.name().equals(primary)).findFirst().orElseThrow().name();
            try (PartitionProbe probe = probeFor(engine, standby)) {
                OperationResult r = runner.runNow(new Partition(engine, standby, Partition.From.ALL, probe, null));
                System.out.println("partition standby: " + r.message());
                assertTrue(r.ok(), r.message() + "\n" + keeperLogs(engine));
                assertTrue(r.figures().get("waitPrimarySeconds") > 0, r.message());
                assertTrue(r.message().contains("synchronous replication is off"), r.message());
                // again: replaces the cut instead of stacking a second one
                OperationResult again = runner.runNow(new Partition(engine, standby, Partition.From.ALL, probe, null));
                assertTrue(again.ok() && again.message().contains("replacing the earlier cut"), again.message());
                String rules = net.exec(standby, "nft", "list", "table", "inet", TABLE);
                assertEquals(2, rules.split(" drop", -1).length - 1, rules);
                assertEquals(1, net.exec(standby, "nft", "list", "tables").split(TABLE, -1).length - 1);

                OperationResult h = runner.runNow(new Heal(engine, standby, probe));
                System.out.println("heal: " + h.message());
                assertTrue(h.ok(), h.message() + "\n" + tail());
                assertEquals(0.0, h.figures().get("lostWrites"), h.message());
                assertEquals(NodeState.PRIMARY, h.finalState().node(primary).orElseThrow().reportedState(), h.message());
                System.out.printf(Locale.ROOT, "BENCH partition fast standby: waitPrimarySeconds %.1f (expected %.1f), healRejoinSeconds %.1f%n",
                        r.figures().get("waitPrimarySeconds"), r.figures().get("expectedWaitPrimarySeconds"), h.figures().get("healRejoinSeconds"));
            }
            assertNoTableAnywhere();
        }
    }

    @Test
    @Order(6)
    void killPrimaryNetworkThenHealVerifiesItsOwnProbe() throws Exception {
        try (LabEngine engine = engine(); OperationRunner runner = new OperationRunner(engine.listener())) {
            healLeftovers(engine);
            String primary = engine.status().stablePrimary().orElseThrow().name();
            OperationResult r = runner.runNow(new KillPrimary(engine, KillPrimary.Mode.NETWORK, null));
            assertEquals("kill-primary network", r.name());
            assertTrue(r.ok(), r.message() + "\n" + keeperLogs(engine));
            assertTrue(r.message().contains(primary + " (the primary) off from the monitor and the other nodes"), r.message());
            OperationResult h = runner.runNow(new Heal(engine, null));
            assertTrue(h.ok(), h.message() + "\n" + tail());
            assertEquals(0.0, h.figures().get("lostWrites"), h.message());
            assertEquals(NodeState.SECONDARY, h.finalState().node(primary).orElseThrow().reportedState(), h.message());
        }
    }

    @Test
    @Order(7)
    void defaultProfileFigures() throws Exception {
        try (LabEngine engine = engine(); OperationRunner runner = new OperationRunner(engine.listener())) {
            healLeftovers(engine);
            assertTrue(runner.runNow(TimingProfiles.apply(engine, TimingProfile.DEFAULT)).ok());
            String primary = engine.status().stablePrimary().orElseThrow().name();
            try (PartitionProbe probe = probeFor(engine, primary)) {
                OperationResult r = runner.runNow(new Partition(engine, primary, Partition.From.ALL, probe, null));
                System.out.println("partition from all (default): " + r.message());
                assertTrue(r.ok(), r.message() + "\n" + keeperLogs(engine));
                assertEquals(0.0, r.figures().get("acknowledgedOnOldPrimaryAfterPromotion"), r.message());
                OperationResult h = runner.runNow(new Heal(engine, primary, probe));
                assertTrue(h.ok(), h.message() + "\n" + tail());
                assertEquals(0.0, h.figures().get("lostWrites"), h.message());
                bench("default", "primary from all", r, h);
            }
        }
    }

    @Test
    @Order(8)
    void nothingLeftBlockedAfterTheLabIsDestroyed() throws Exception {
        try (LabEngine engine = engine()) {
            List<StepResult> steps = engine.down(true);
            assertTrue(steps.stream().allMatch(StepResult::ok), steps.toString());
        }
        assertNoTableAnywhere();
        List<String> names = new ArrayList<>();
        for (String role : List.of("monitor", "node1", "node2")) names.add(net.namespace(role));
        sshds.values().forEach(Sshd::close);
        sshds.clear();
        net.close();
        String left = run("ip", "netns", "list");
        for (String n : names) assertFalse(left.contains(n), "namespace " + n + " is still there: " + left);
        net = null;
    }

    /** A cut an earlier failed test left in place: healed first, so one failure does not cascade. */
    private static void healLeftovers(LabEngine engine) throws Exception {
        new Heal(engine, null).run();
    }

    private String keeperLogs(LabEngine engine) {
        StringBuilder sb = new StringBuilder();
        for (InstanceSpec i : lab.instances()) {
            try {
                sb.append("== ").append(i.name).append('\n').append(engine.shells().of(i).run(io.failoverlab.remote.Command.asPostgres(
                        "tail -n 40 " + io.failoverlab.remote.ShellQuote.quote(engine.paths(i).logFile())).timeout(java.time.Duration.ofSeconds(30))).stdout());
            } catch (Exception e) {
                sb.append(e).append('\n');
            }
        }
        return sb.toString();
    }

    private PartitionProbe probeFor(LabEngine engine, String isolated) throws Exception {
        InstanceSpec inst = lab.node(isolated).orElseThrow();
        List<io.failoverlab.check.PgNode> others = new ArrayList<>();
        for (InstanceSpec n : lab.nodes) if (n != inst) others.add(engine.dataNode(n));
        return new PartitionProbe(others, engine.dataNode(inst), io.failoverlab.ops.DataConnections.settings(lab)).start();
    }

    private void bench(String profile, String what, OperationResult r, OperationResult h) {
        Map<String, Double> f = r.figures();
        System.out.printf(Locale.ROOT, "BENCH partition %s %s: partitionFailoverSeconds %s (expected %.1f), selfDemoteSeconds %s (expected %.1f),"
                        + " healRejoinSeconds %.1f, acknowledgedOnOldPrimaryAfterPromotion %.0f, writesInDoubt %.0f, lostWrites %.0f%n",
                profile, what, f.getOrDefault("partitionFailoverSeconds", -1.0), f.get("expectedFailoverSeconds"),
                f.getOrDefault("selfDemoteSeconds", -1.0), f.get("expectedSelfDemoteSeconds"), h.figures().get("healRejoinSeconds"),
                f.get("acknowledgedOnOldPrimaryAfterPromotion"), f.get("writesInDoubt"), h.figures().get("lostWrites"));
    }

    /** Whether a TCP connection from one namespace to another's address and port gets through within 3 s. */
    private boolean reaches(String fromRole, String toRole, int port) throws Exception {
        String out = net.exec(fromRole, "sh", "-c", "timeout 3 bash -c 'exec 3<>/dev/tcp/" + net.address(toRole) + "/" + port
                + "' 2>/dev/null && echo yes || echo no");
        return out.strip().equals("yes");
    }

    private void assertNoTableAnywhere() throws Exception {
        if (net == null) return;
        for (String role : List.of("monitor", "node1", "node2")) {
            String t = net.exec(role, "nft", "list", "tables");
            assertFalse(t.contains(TABLE), role + " still has our table: " + t);
        }
    }

    private static String run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    private String tail() {
        List<LogLine> copy;
        synchronized (log) {
            copy = new ArrayList<>(log);
        }
        StringBuilder sb = new StringBuilder();
        for (LogLine l : copy.subList(Math.max(0, copy.size() - 60), copy.size())) {
            sb.append(l.source()).append(' ').append(l.level()).append(' ').append(l.text()).append('\n');
        }
        return sb.toString();
    }
}
