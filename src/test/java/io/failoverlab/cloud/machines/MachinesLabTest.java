package io.failoverlab.cloud.machines;

import org.junit.jupiter.api.parallel.ResourceLock;
import com.fasterxml.jackson.databind.JsonNode;
import io.failoverlab.lab.HostSpec;
import io.failoverlab.lab.LabProfiles;
import io.failoverlab.lab.LabSecrets;
import io.failoverlab.lab.LabSecretsStore;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.testing.ArgvSecrets;
import io.failoverlab.testing.MachineLabs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The original lab's conclusion, done: a per-role lab on three Debian 13 machines booted on this
 * computer (systemd as PID 1, pg_auto_failover 2.2 / PostgreSQL 17 installed over SSH by the app's
 * installer, keepers as systemd units), driven through the CLI as a user would: up, the whole
 * scenario with a power cut of the primary's machine, a reboot of the monitor's machine, the
 * monitor's machine power-cut and the monitor replaced on a new machine, and a destroy that leaves
 * nothing behind. Figures are printed as BENCH lines, never asserted.
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ResourceLock("machines")
class MachinesLabTest {
    MachineLabs m;
    String tag;

    @BeforeAll
    void setUp() throws IOException {
        m = new MachineLabs("machines-13", "13", "per-role");
    }

    @AfterAll
    void tearDown() {
        if (m != null) m.close();
    }

    @Test
    @Order(1)
    void upInstallsOverSshAndRunsKeepersAsEnabledSystemdUnitsWithNoPasswordInAnyProcessList() throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicBoolean sampling = new AtomicBoolean(true);
        // every process of every machine shows in this computer's process list (their PID namespaces are ours' children)
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                try {
                    for (String l : MachineLabs.sh("ps", "-eo", "args").split("\n")) seen.add(l);
                    Thread.sleep(100);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        }, "ps-sampler");
        sampler.start();
        long t0 = System.nanoTime();
        MachineLabs.Run up;
        try {
            up = m.cli("up");
        } finally {
            sampling.set(false);
            sampler.join();
        }
        assertEquals(0, up.code(), up.all());
        System.out.printf("BENCH machines debian=13 up on 3 machines (image cached, packages from the apt cache or the archive): %.1f s%n",
                (System.nanoTime() - t0) / 1e9);
        System.out.println("BENCH machines debian=13 up phases: " + MachineLabs.upPhases(up.out()));
        assertTrue(MachineLabs.upPhases(up.out()).contains("ssh="), up.out());
        System.out.println("BENCH machines debian=13 disk per machine (its overlay layer, du): " + MachineLabs.diskMegabytes(up.out()) + " MB");
        tag = m.tag();
        // every machine's disk is a layer over the image with the packages baked in: nothing was installed
        List<String> layers = m.overlayMounts();
        assertEquals(3, layers.size(), String.join("\n", layers));
        for (String l : layers) assertTrue(l.contains("lowerdir=" + MachinesProvider.imageCache(m.lab.machines).resolve("trixie-pgaf-")), l);
        assertTrue(up.out().contains("already installed"), up.out());
        assertTrue(up.out().contains("pg_auto_failover 2.2"), up.out());
        assertTrue(up.out().contains("keeper systemd"), up.out());

        LabSpec lab = m.reload();
        assertEquals(3, lab.hosts.size());
        assertEquals("scram-sha-256", lab.effectiveAuth());
        LabSecrets secrets = LabSecretsStore.inConfigDir(m.config).load(lab).orElse(null);
        if (secrets == null) secrets = LabSecretsStore.defaultStore().load(lab).orElseThrow();
        assertNull(ArgvSecrets.find(String.join("\n", seen), secrets.values()),
                "a lab password showed in a process's arguments while up ran (" + seen.size() + " distinct lines sampled)");

        for (HostSpec h : lab.hosts) {
            String unit = "pgautofailover-" + lab.labId() + "-" + h.id;
            String r = ssh(lab, h, "systemctl is-enabled " + unit + "; systemctl is-active " + unit + "; systemctl is-system-running || true");
            assertTrue(r.startsWith("enabled\nactive\n"), h.id + ": " + r);
        }
        // a pg_rewind copies the source node's postgresql-auto-failover.conf: its certificate path must exist on every machine
        for (var n : lab.nodes) {
            String conf = lab.dataDir + "/" + n.name + "/postgresql-auto-failover.conf";
            String r = ssh(lab, lab.hostOf(n), "sudo -u postgres grep ssl_cert_file " + conf);
            assertTrue(r.contains(lab.dataDir + "/ssl/server.crt"), n.name + ": " + r);
        }
    }

    @Test
    @Order(2)
    void postgresPortsAreClosedToThisComputerAndTheConsoleWorksThroughItsTunnels() throws Exception {
        LabSpec lab = m.reload();
        for (var n : lab.nodes) {
            HostSpec h = lab.hostOf(n);
            assertThrows(ConnectException.class, () -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(h.address, n.port), 5000);
                }
            }, "PostgreSQL port " + n.port + " of " + h.id + " must refuse this computer");
        }
        MachineLabs.Run status = m.cli("status", "--json");
        assertEquals(0, status.code(), status.all());
        assertTrue(status.out().contains("\"primary\""), status.out());
        MachineLabs.Run check = m.cli("datacheck", "--rows", "1000");
        assertEquals(0, check.code(), check.all());
        // a result sentence in the language asked for: heal with nothing cut, through every machine's own filter
        MachineLabs.Run heal = m.cli("heal", "--lang", "ru");
        assertEquals(0, heal.code(), heal.all());
        assertTrue(heal.out().contains("Разреза нет: ни на одном хосте лабораторной"), heal.out());
    }

    @Test
    @Order(3)
    void scenarioSeedPowersThePrimaryMachineOffAndOnAndLosesNothing() throws Exception {
        Path json = m.root.resolve("seed.json");
        MachineLabs.Run r = m.cli("scenario", "seed", "--profile", "fast", "--json", json.toString());
        assertEquals(0, r.code(), r.all());
        JsonNode s = LabProfiles.JSON.readTree(Files.readString(json));
        assertEquals("systemd", s.path("keeperService").asText(), s.toString());
        assertTrue(s.path("pgAutoFailoverVersion").asText().startsWith("2.2"), s.toString());
        assertTrue(s.path("postgresVersion").asText().startsWith("17"), s.toString());
        assertEquals(0, s.path("lostWrites").asLong(), s.toString());
        assertTrue(s.path("acknowledgedWrites").asLong() > 0, s.toString());
        assertTrue(s.path("vmFailoverSeconds").asDouble() > 0, s.toString());
        assertTrue(s.path("vmRejoinSeconds").asDouble() > 0, s.toString());
        List<String> names = new java.util.ArrayList<>();
        for (JsonNode st : s.path("steps")) {
            names.add(st.path("name").asText());
            assertTrue(st.path("ok").asBoolean(), st.toString());
        }
        assertTrue(names.contains("power off the primary machine") && names.contains("power it on"), names.toString());
        System.out.printf("BENCH machines debian=13 scenario fast: failover(node)=%.2f s vmFailover(power cut)=%.2f s vmRejoin=%.2f s"
                        + " switchover=%.2f s healRejoin=%.2f s acknowledged=%d lost=%d%n", s.path("failoverSeconds").asDouble(),
                s.path("vmFailoverSeconds").asDouble(), s.path("vmRejoinSeconds").asDouble(), s.path("switchoverSeconds").asDouble(),
                s.path("healRejoinSeconds").asDouble(),
                s.path("acknowledgedWrites").asLong(), s.path("lostWrites").asLong());
    }

    @Test
    @Order(4)
    void theMonitorMachineRebootsAndTheMonitorAndWatchComeBackByThemselves() throws Exception {
        LabSpec lab = m.reload();
        MachineLabs.Run[] watch = new MachineLabs.Run[1];
        Thread w = new Thread(() -> watch[0] = m.cli("watch", "--for", "75"), "watch");
        w.start();
        Thread.sleep(5000);
        long t0 = System.nanoTime();
        MachinesProvider p = new MachinesProvider(m.config.resolve("keys"), m.config.resolve("known_hosts"), null);
        p.reboot(lab, "monitor");
        double back = (System.nanoTime() - t0) / 1e9;
        Double live = null;
        while ((System.nanoTime() - t0) / 1e9 < 60) {
            MachineLabs.Run st = m.cli("status");
            if (st.code() == 0 && st.out().contains("primary") && st.out().contains("secondary")) {
                live = (System.nanoTime() - t0) / 1e9;
                break;
            }
            Thread.sleep(1000);
        }
        assertNotNull(live, "the table did not come back within 60 s after the monitor's machine rebooted");
        w.join(120_000);
        assertNotNull(watch[0]);
        String out = watch[0].out();
        int gone = out.indexOf("monitor unreachable");
        assertTrue(gone >= 0, "watch never noticed the monitor going away:\n" + out);
        assertTrue(out.substring(gone).matches("(?s).*\\n[^\\n]*node[12] (primary|secondary) → .*"),
                "watch did not show the nodes again after the monitor came back:\n" + out);
        System.out.printf("BENCH machines debian=13 monitor machine reboot: SSH back after %.1f s, table live again after %.1f s%n", back, live);
    }

    /**
     * Issue 22 on machines (pg_auto_failover 2.2): the monitor's machine power-cut, the primary
     * killed while it is off (nothing fails over), the monitor back (it fails over now), then the
     * monitor replaced on a new machine in place of the old one, with no acknowledged write lost.
     */
    @Test
    @Order(5)
    void theMonitorsMachinePowerCutThenTheMonitorReplacedOnANewMachine() throws Exception {
        String monitorMachineBefore = m.reload().host("monitor").orElseThrow().instanceId;
        MachineLabs.Run cut = m.cli("kill-monitor", "--mode", "vm");
        assertEquals(0, cut.code(), cut.all());
        assertTrue(cut.out().contains("no failover is possible until it is back"), cut.out());

        Path f1 = m.root.resolve("f1.json");
        MachineLabs.Run kill = m.cli("kill-primary", "--mode", "node", "--json", f1.toString());
        assertEquals(0, kill.code(), kill.all());
        JsonNode k = LabProfiles.JSON.readTree(Files.readString(f1)).get("figures");
        assertEquals(0, k.get("failedOver").asDouble(), kill.out());
        assertTrue(kill.out().contains("nothing failed over"), kill.out());
        String killed = kill.out().contains("of node1 with the monitor down") ? "node1" : "node2";

        Path f3 = m.root.resolve("f3.json");
        MachineLabs.Run back = m.cli("start-monitor", "--json", f3.toString());
        assertEquals(0, back.code(), back.all());
        JsonNode b = LabProfiles.JSON.readTree(Files.readString(f3)).get("figures");
        assertTrue(b.get("failoverSeconds").asDouble() > 0 && b.get("firstWriteSeconds").asDouble() > 0, back.out());
        MachineLabs.Run started = m.cli("start-node", killed);
        assertEquals(0, started.code(), started.all());

        Path f2 = m.root.resolve("f2.json");
        MachineLabs.Run replaced = m.cli("replace-monitor", "--new-machine", "--json", f2.toString());
        assertEquals(0, replaced.code(), replaced.all());
        JsonNode r = LabProfiles.JSON.readTree(Files.readString(f2)).get("figures");
        assertEquals(0, r.get("lostWrites").asDouble(), replaced.out());
        assertTrue(r.get("acknowledgedWrites").asDouble() > 0 && r.get("replaceSeconds").asDouble() > 0, r.toString());
        assertTrue(replaced.out().contains("on a new machine monitor"), replaced.out());
        String monitorMachineAfter = m.reload().host("monitor").orElseThrow().instanceId;
        assertFalse(monitorMachineBefore.equals(monitorMachineAfter), "a new machine has a new instance id and host key: " + monitorMachineAfter);

        JsonNode status = LabProfiles.JSON.readTree(m.cli("status", "--json").out());
        assertTrue(status.get("monitorReachable").asBoolean(), status.toString());
        List<String> states = new java.util.ArrayList<>();
        status.get("nodes").forEach(n -> states.add(n.get("reportedState").asText() + "/" + n.get("assignedState").asText()));
        assertEquals(List.of("primary/primary", "secondary/secondary"), states.stream().sorted().toList(), states.toString());
        System.out.printf("BENCH machines debian=13 monitor loss: power cut, primary killed, nothing failed over in %.1f s (%.1f s expected"
                        + " with a monitor), writesBlocked=%.2f s; monitor back: failover=%.2f s firstWrite=%.2f s; replace-monitor"
                        + " --new-machine: machine=%.1f s replace=%.2f s writesBlocked=%.2f s acknowledged=%d lost=%d%n",
                k.get("observedSeconds").asDouble(), k.get("expectedFailoverSeconds").asDouble(), k.get("writesBlockedSeconds").asDouble(),
                b.get("failoverSeconds").asDouble(), b.get("firstWriteSeconds").asDouble(), r.get("machineSeconds").asDouble(),
                r.get("replaceSeconds").asDouble(), r.get("writesBlockedSeconds").asDouble(), r.get("acknowledgedWrites").asLong(),
                r.get("lostWrites").asLong());
    }

    @Test
    @Order(6)
    void downDestroyLeavesNoMachineNamespaceBridgeOrMountBehind() throws Exception {
        if (tag == null) tag = m.tag();
        long t0 = System.nanoTime();
        MachineLabs.Run r = m.cli("down", "--destroy");
        assertEquals(0, r.code(), r.all());
        System.out.printf("BENCH machines debian=13 down --destroy of 3 machines: %.1f s (%s)%n", (System.nanoTime() - t0) / 1e9,
                r.out().lines().filter(l -> l.contains("deleted 7 item")).findFirst().orElse("").strip());
        assertEquals(List.of(), m.overlayMounts(), "a machine's layer is still mounted");
        assertTrue(r.out().contains("machine monitor"), r.out());
        assertEquals(List.of(), m.leftovers());
        assertEquals(List.of(), MachineLabs.netLeftovers(tag));
        assertFalse(Files.exists(LabSecretsStore.inConfigDir(m.config).file(m.lab)), "the lab's passwords file stayed");
        assertFalse(Files.exists(LabSecretsStore.defaultStore().file(m.lab)), "the lab's passwords file stayed");
        assertTrue(Files.isDirectory(MachinesProvider.imageCache(m.lab.machines).resolve("trixie")), "the cached image must stay");
        assertTrue(new BakedImage(MachinesProvider.imageCache(m.lab.machines)).cached(m.lab.machines.release()),
                "the image with the packages baked in must stay");
    }

    /** A command on a machine as the lab's login user, through the app's own SSH (pinned host key). */
    String ssh(LabSpec lab, HostSpec h, String cmd) throws IOException {
        try (var sh = io.failoverlab.remote.SshShell.of(h, null, m.config.resolve("known_hosts"), null)) {
            return sh.run(io.failoverlab.remote.Command.of(cmd)).stdout();
        }
    }
}
