package io.failoverlab.cloud;

import io.failoverlab.testing.ClusterTest;
import io.failoverlab.cli.Cli;
import io.failoverlab.engine.EngineListener;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.engine.Shells;
import io.failoverlab.lab.LabProfiles;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.Layout;
import io.failoverlab.lab.HostSpec;
import io.failoverlab.lab.StepResult;
import io.failoverlab.remote.Command;
import io.failoverlab.remote.KnownHostsFile;
import io.failoverlab.remote.SshShell;
import io.failoverlab.testing.GceFixture;
import io.failoverlab.testing.MachineLabs;
import io.failoverlab.testing.TestLabs;
import io.failoverlab.testing.UpPhases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A gce lab end to end through the CLI, the real gcloud and the local Compute API ({@link GceFixture}):
 * `up` provisions three VMs (one per role; each a Debian 12 machine of the `machines` provider,
 * systemd as PID 1, on the fixture's own bridge), pins their host keys from the guest attributes
 * (the machines' own keys), installs the packages and builds the cluster over SSH with
 * scram-sha-256, keepers as systemd units, reads the state through the SSH tunnel;
 * `kill-primary --mode vm` stops the primary's VM through `gcloud compute instances stop` (the API
 * cuts that machine's power), the standby takes over, `start-node` boots the machine again and the
 * old primary rejoins; the monitor's VM is stopped and the monitor replaced on a new VM
 * (`instances delete` + `instances create`); `down --destroy` deletes exactly the lab's VMs and firewall rules, and
 * nothing of the machines (process, mount, namespace, bridge) stays behind.
 */
@ClusterTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GceClusterTest {
    /** A failed assumption: reported as skipped, which the build turns into a failure (src/test/scripts/no-skipped-tests.sh). */
    static final String NO_MACHINES = "no Google Cloud CLI on this machine: the stand-in gcloud's VMs are one local sshd, not machines;"
            + " install the Google Cloud CLI to run the machine checks";
    record Run(int code, String out, String err) { }

    Path root;
    Path labFile;
    Path config;
    GceFixture fx;
    String tag;

    @BeforeAll
    void setUp() throws Exception {
        root = TestLabs.tempRoot("gce-cluster-");
        config = root.resolve("config");
        fx = GceFixture.startOnMachines(root, 0.3, 1.5);
        if (fx.machines() != null) tag = fx.machines().tag();
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
        int from = gcloudCalls();
        long t0 = System.nanoTime();
        Run r = cli("up");
        double upSeconds = (System.nanoTime() - t0) / 1e9;
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
        System.out.printf(Locale.ROOT, "BENCH gce up through gcloud %s on %s (provision 3 VMs + install + cluster): %.1f s total,"
                        + " provision step %.1f s; gcloud: %d calls, %.1f s%n", fx.real() ? "(real)" : "(stand-in)",
                fx.machines() != null ? "three machines (systemd-nspawn, Debian 12)" : "the stand-in's sshd", upSeconds, provision,
                gcloudCalls() - from, gcloudSeconds(from));
        System.out.println("BENCH gce up phases: " + UpPhases.of(r.out()));
        System.out.println("BENCH gce up gcloud calls: " + callTimes(from));
        assertTrue(UpPhases.of(r.out()).contains("host_keys=") && UpPhases.of(r.out()).contains("packages="), r.out());
        assumeTrue(fx.machines() != null, NO_MACHINES);
        // what is now true on machines: keepers are systemd units, the pinned keys are the machines' own
        assertTrue(r.out().contains("keeper systemd"), r.out());
        KnownHostsFile kh = new KnownHostsFile(config.resolve("known_hosts"), null);
        for (HostSpec h : saved.hosts) {
            String vm = "gce-e2e-" + h.id;
            assertEquals(fx.machines().address(vm), h.address, h.id + ": the VM's natIP is its machine's bridge address");
            assertTrue(fx.machines().running(vm), vm);
            assertEquals(List.of(fx.machines().hostKeyFingerprint(vm)), HostKeyPins.fingerprints(kh, h.instanceId),
                    h.id + ": the key pinned under the instance id is the machine's own host key");
            String out = ssh(saved, h, "id -un; sudo -n id -un; [ -d /run/systemd/system ] && echo systemd");
            assertEquals("student\nroot\nsystemd\n", out, h.id);
        }
        for (var inst : saved.instances()) {
            HostSpec h = saved.hostOf(inst);
            String unit = "pgautofailover-gce-e2e-" + inst.name;
            String st = ssh(saved, h, "systemctl is-enabled " + unit + "; systemctl is-active " + unit);
            assertEquals("enabled\nactive\n", st, inst.name + " on " + h.id);
        }
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
    void stoppingThePrimarysVmFailsOverAndStartingItRejoins() throws Exception {
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
        if (fx.machines() != null) {
            assertFalse(fx.machines().running("gce-e2e-" + old), "instances stop cut the machine's power");
            assertEquals(List.of(), fx.machines().pids("gce-e2e-" + old), "nothing runs in the stopped machine's namespace");
        }
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
        System.out.printf(Locale.ROOT, "BENCH gce on machines: vmFailoverSeconds=%s (instances stop) rejoinSeconds=%s (instances start)%n",
                f.group(1), rejoin.group(1));
        if (fx.machines() != null) {
            assertTrue(fx.machines().running("gce-e2e-" + old), "instances start booted the machine again");
            LabSpec lab = LabProfiles.load(labFile);
            var inst = lab.node(old).orElseThrow();
            assertEquals("active\n", ssh(lab, lab.hostOf(inst), "systemctl is-active pgautofailover-gce-e2e-" + old),
                    "the keeper's enabled unit came back with the machine");
        }
    }

    /**
     * Issue 22 on GCE: the monitor's VM stopped, then the monitor replaced on a new VM of the same
     * name (gcloud instances delete + instances create: a new disk, addresses and instance id) and
     * the nodes moved to it with the write probe on.
     */
    @Test
    @Order(4)
    void theMonitorsVmStoppedThenTheMonitorReplacedOnANewVm() throws Exception {
        String before = LabProfiles.load(labFile).host("monitor").orElseThrow().instanceId;
        Run cut = cli("kill-monitor", "--mode", "vm");
        assertEquals(0, cut.code(), cut.out() + cut.err());
        assertEquals("TERMINATED", status("gce-e2e-monitor"));
        long creates = calls("compute instances create");
        long deletes = calls("compute instances delete");
        Path json = root.resolve("replace.json");
        Run replaced = cli("replace-monitor", "--new-machine", "--json", json.toString());
        assertEquals(0, replaced.code(), replaced.out() + replaced.err());
        assertEquals(creates + 1, calls("compute instances create"), replaced.out());
        assertEquals(deletes + 1, calls("compute instances delete"), replaced.out());
        assertEquals("RUNNING", status("gce-e2e-monitor"));
        String after = LabProfiles.load(labFile).host("monitor").orElseThrow().instanceId;
        assertFalse(before.equals(after), "a new VM has a new instance id: " + after);
        var f = LabProfiles.JSON.readTree(Files.readString(json)).get("figures");
        assertEquals(0, f.get("lostWrites").asDouble(), replaced.out());
        assertTrue(f.get("acknowledgedWrites").asDouble() > 0, replaced.out());
        Run st = cli("status", "--json");
        assertEquals(0, st.code(), st.err());
        var nodes = LabProfiles.JSON.readTree(st.out()).get("nodes");
        List<String> states = new ArrayList<>();
        nodes.forEach(n -> states.add(n.get("reportedState").asText() + "/" + n.get("assignedState").asText()));
        assertEquals(List.of("primary/primary", "secondary/secondary"), states.stream().sorted().toList(), st.out());
        System.out.printf(Locale.ROOT, "BENCH gce replace-monitor --new-machine: new VM %.1f s, replace %.2f s, writesBlocked %.2f s,"
                        + " acknowledged %d, lost %d%n", f.get("machineSeconds").asDouble(), f.get("replaceSeconds").asDouble(),
                f.get("writesBlockedSeconds").asDouble(), f.get("acknowledgedWrites").asLong(), f.get("lostWrites").asLong());
    }

    @Test
    @Order(5)
    void downDestroyDeletesExactlyTheLabsResources() throws Exception {
        try (LabEngine e = new LabEngine(LabProfiles.load(labFile), Shells.factory(config.resolve("known_hosts"), null), EngineListener.NONE)) {
            List<StepResult> steps = e.down(true);
            assertTrue(steps.stream().allMatch(StepResult::ok), steps.toString());
        }
        int from = gcloudCalls();
        Run d = cli("down", "--destroy");
        assertEquals(0, d.code(), d.err());
        System.out.printf(Locale.ROOT, "BENCH gce down --destroy: gcloud %d calls, %.1f s (%s)%n", gcloudCalls() - from, gcloudSeconds(from),
                callTimes(from));
        assertTrue(d.out().contains("instance gce-e2e-monitor (us-central1-a, RUNNING)")
                && d.out().contains("firewall rule gce-e2e-allow-ssh") && d.out().contains("firewall rule gce-e2e-allow-pg"), d.out());
        assertEquals(List.of(), fx.instances());
        assertEquals(List.of(), fx.firewallRules());
        assertTrue(LabProfiles.load(labFile).hosts.isEmpty());
        if (fx.machines() != null) assertEquals(List.of(), fx.machines().names(), "every machine deleted with its instance");
    }

    @Test
    @Order(6)
    void closingTheFixtureLeavesNoMachineMountNamespaceOrBridge() throws Exception {
        assumeTrue(fx.machines() != null, NO_MACHINES);
        String dir = fx.machines().dir().toString();
        fx.machines().close(); // what the fixture's close does (again, harmlessly, after all)
        List<String> left = new ArrayList<>();
        for (String l : MachineLabs.sh("pgrep", "-a", "-f", "systemd-nspawn").split("\n")) if (l.contains(dir)) left.add("process: " + l);
        for (String l : MachineLabs.sh("pgrep", "-a", "-f", "apt-cacher-ng").split("\n")) if (l.contains(dir)) left.add("process: " + l);
        for (String l : Files.readAllLines(Path.of("/proc/mounts"))) if (l.contains(dir)) left.add("mount: " + l);
        if (Files.exists(Path.of(dir))) left.add("folder: " + dir);
        assertEquals(List.of(), left);
        assertEquals(List.of(), MachineLabs.netLeftovers(tag));
    }

    /** A command on a VM as the lab's login user, through the app's own SSH (pinned host key). */
    private String ssh(LabSpec lab, HostSpec h, String cmd) throws IOException {
        try (SshShell sh = SshShell.of(h, null, config.resolve("known_hosts"), null)) {
            return sh.run(Command.of(cmd)).stdout();
        }
    }

    private int gcloudCalls() {
        try {
            return fx.real() ? fx.realGcloud().calls().size() : fx.calls().size();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "instances list 2.1 s, instances delete 9.8 s, ...": each gcloud call from index `from` on. */
    private String callTimes(int from) {
        if (!fx.real()) return "stand-in";
        try {
            List<String> out = new ArrayList<>();
            for (var c : fx.realGcloud().calls().subList(from, gcloudCalls())) {
                String[] w = c.args().replaceFirst("^compute ", "").split(" ");
                out.add(String.format(Locale.ROOT, "%s %s %.1f s", w[0], w.length > 1 ? w[1] : "", c.seconds()));
            }
            return String.join(", ", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private double gcloudSeconds(int from) {
        try {
            return fx.gcloudSeconds(from);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
