package io.failoverlab.cloud;

import io.failoverlab.testing.ClusterTest;
import io.failoverlab.cli.Cli;
import io.failoverlab.engine.EngineListener;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.engine.Shells;
import io.failoverlab.lab.LabProfiles;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.Layout;
import io.failoverlab.lab.StepResult;
import io.failoverlab.testing.GceFixture;
import io.failoverlab.testing.TestLabs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A gce lab end to end through the CLI, the real gcloud and the local Compute API ({@link GceFixture}):
 * `up` provisions three VMs (one per role; each a network namespace with its own sshd), pins their
 * host keys from the guest attributes, installs and builds the cluster over SSH with scram-sha-256,
 * reads the state through the SSH tunnel; `kill-primary --mode vm` stops the primary's VM through
 * `gcloud compute instances stop` (the API turns it into a power cut), the standby takes over,
 * `start-node` starts the VM again and the old primary rejoins; `down --destroy` deletes exactly
 * the lab's VMs and firewall rules.
 */
@ClusterTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GceClusterTest {
    record Run(int code, String out, String err) { }

    Path root;
    Path labFile;
    Path config;
    GceFixture fx;

    @BeforeAll
    void setUp() throws Exception {
        root = TestLabs.tempRoot("gce-cluster-");
        config = root.resolve("config");
        fx = GceFixture.start(root, 0.3, 1.5);
        LabSpec lab = fx.lab("gce-e2e", Layout.PER_ROLE, root);
        labFile = root.resolve("gce-e2e.json");
        LabProfiles.save(lab, labFile);
    }

    Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[]{"--lab", labFile.toString(), "--gcloud", fx.gcloudPath(), "--config-dir", config.toString()}, 0,
                all, args.length, 6);
        int code = Cli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @AfterAll
    void tearDown() {
        try (LabEngine e = new LabEngine(LabProfiles.load(labFile), Shells.factory(config.resolve("known_hosts"), null), EngineListener.NONE)) {
            if (!e.spec().hosts.isEmpty()) e.down(true);
        } catch (RuntimeException ignored) {
            // already torn down by the test
        }
        cli("down", "--destroy");
        System.out.println(fx == null ? "BENCH gce: no fixture" : fx.bench());
        if (fx != null) fx.close();
        TestLabs.deleteTree(root);
    }

    @Test
    @Order(1)
    void upProvisionsInstallsAndBuildsTheCluster() throws Exception {
        long t0 = System.nanoTime();
        Run r = cli("up");
        assertEquals(0, r.code(), () -> r.out() + r.err());
        assertTrue(r.out().contains("✓ provision"), r.out());
        assertTrue(r.out().contains("3 VM(s) in us-central1-a (per-role): 3 created"), r.out());
        assertTrue(r.out().contains("Lab 'gce-e2e' is up"), r.out());
        assertFalse(r.out().contains("First contact"), "host keys were pinned from guest attributes: " + r.out());
        LabSpec saved = LabProfiles.load(labFile);
        assertEquals(List.of("monitor", "node1", "node2"), saved.hosts.stream().map(h -> h.id).toList());
        assertTrue(saved.hosts.stream().allMatch(h -> h.instanceId != null && h.keyFile.startsWith(config.resolve("keys").toString())));
        assertEquals("node1", saved.nodes.get(0).host);
        double provision = r.out().lines().filter(l -> l.startsWith("✓ provision")).map(l -> l.split("\\s+")[2])
                .mapToDouble(Double::parseDouble).findFirst().orElse(-1);
        System.out.printf("BENCH gce up through gcloud %s (provision 3 VMs + install + cluster): %.1f s total, provision step %.1f s%n",
                fx.real() ? "(real)" : "(stand-in)", (System.nanoTime() - t0) / 1e9, provision);
    }

    @Test
    @Order(2)
    void statusGoesThroughTheSshTunnelAndUpIsIdempotent() {
        Run s = cli("status", "--json");
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("primary") && s.out().contains("secondary"), s.out());
        int creates = (int) calls("compute instances create");
        Run again = cli("up");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("all existed"), again.out());
        assertEquals(creates, calls("compute instances create"), "no VM created twice");
    }

    @Test
    @Order(3)
    void stoppingThePrimarysVmFailsOverAndStartingItRejoins() {
        Run fast = cli("profile", "fast");
        assertEquals(0, fast.code(), fast.out() + fast.err());
        int stops = (int) calls("compute instances stop");
        Run kill = cli("kill-primary", "--mode", "vm");
        assertEquals(0, kill.code(), kill.out() + kill.err());
        assertEquals(stops + 1, calls("compute instances stop"), "the VM is stopped through gcloud: " + kill.out());
        Matcher who = Pattern.compile("Stopped (node\\d)'s VM").matcher(kill.out());
        assertTrue(who.find(), kill.out());
        String old = who.group(1);
        Matcher f = Pattern.compile("failoverSeconds\\s+([0-9.]+)").matcher(kill.out());
        assertTrue(f.find(), kill.out());
        assertEquals("TERMINATED", status("gce-e2e-" + old));
        Run start = cli("start-node", old);
        assertEquals(0, start.code(), start.out() + start.err());
        assertEquals(1, calls("compute instances start"), start.out());
        assertTrue(start.out().contains("Started " + old + "'s VM"), start.out());
        Run after = cli("status", "--json");
        assertEquals(0, after.code(), after.err());
        assertTrue(after.out().contains("primary") && after.out().contains("secondary"), after.out());
        Matcher rejoin = Pattern.compile("converged after ([0-9.]+) s").matcher(start.out());
        assertTrue(rejoin.find(), start.out());
        System.out.printf(Locale.ROOT, "BENCH gce kill-primary --mode vm (instances stop = power cut), fast: failover %s s;"
                + " start-node (instances start, keeper, rejoin): converged after %s s%n", f.group(1), rejoin.group(1));
    }

    @Test
    @Order(4)
    void downDestroyDeletesExactlyTheLabsResources() throws Exception {
        try (LabEngine e = new LabEngine(LabProfiles.load(labFile), Shells.factory(config.resolve("known_hosts"), null), EngineListener.NONE)) {
            List<StepResult> steps = e.down(true);
            assertTrue(steps.stream().allMatch(StepResult::ok), steps.toString());
        }
        Run d = cli("down", "--destroy");
        assertEquals(0, d.code(), d.err());
        assertTrue(d.out().contains("instance gce-e2e-monitor (us-central1-a, RUNNING)")
                && d.out().contains("firewall rule gce-e2e-allow-ssh") && d.out().contains("firewall rule gce-e2e-allow-pg"), d.out());
        assertEquals(List.of(), fx.instances());
        assertEquals(List.of(), fx.firewallRules());
        assertTrue(LabProfiles.load(labFile).hosts.isEmpty());
    }

    private String status(String vm) {
        try {
            return fx.status(vm);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long calls(String what) {
        try {
            return fx.calls(what);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
