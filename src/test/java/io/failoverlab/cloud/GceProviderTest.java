package io.failoverlab.cloud;

import org.junit.jupiter.api.Tag;
import io.failoverlab.lab.HostSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.Layout;
import io.failoverlab.remote.KnownHostsFile;
import io.failoverlab.testing.GceLabs;
import io.failoverlab.testing.Sshd;
import io.failoverlab.testing.StandInGcloud;
import io.failoverlab.testing.TestLabs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real GceProvider against the stand-in gcloud; its "VMs" are a real sshd on loopback. */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GceProviderTest {
    Sshd sshd;
    Path root;
    StandInGcloud gcloud;
    final List<String> firstContacts = new ArrayList<>();

    @BeforeAll
    void setUp() throws Exception {
        sshd = Sshd.start();
        root = TestLabs.tempRoot("gce-provider-");
        gcloud = StandInGcloud.install(root.resolve("gcloud"), sshd, 0.05, 0.2);
    }

    @AfterAll
    void tearDown() {
        sshd.close();
        TestLabs.deleteTree(root);
    }

    GceProvider provider(Path knownHosts) {
        return new GceProvider(new Gcloud(gcloud.path(), Duration.ofSeconds(60)), root.resolve("keys"), knownHosts,
                (h, t, fp) -> firstContacts.add(h), null, null);
    }

    @Test
    void perRoleLabIsOneCreateCallWithLabelsKeyAndPinnedHostKeys() throws Exception {
        Path kh = root.resolve("kh-per-role");
        LabSpec lab = GceLabs.lab("Class A 1", Layout.PER_ROLE, sshd, root);
        firstContacts.clear();
        Provisioned p = provider(kh).provision(lab, Progress.NONE);
        assertEquals(Layout.PER_ROLE, p.layout());
        assertEquals(List.of("monitor", "node1", "node2"), p.hosts().stream().map(h -> h.id).toList());
        List<String> creates = gcloud.calls().stream().filter(c -> c.contains("compute instances create")).toList();
        assertEquals(1, creates.size(), creates.toString());
        String create = creates.get(0);
        assertTrue(create.contains("class-a-1-monitor class-a-1-node1 class-a-1-node2"), create);
        assertTrue(create.contains("--labels=failover-lab=class-a-1") && create.contains("enable-oslogin=FALSE")
                && create.contains("enable-guest-attributes=TRUE") && create.contains("--quiet --format=json"), create);
        // SSH only from the given address, PostgreSQL only between the lab's VMs (tags)
        assertEquals(List.of("class-a-1-allow-pg", "class-a-1-allow-ssh"), gcloud.firewallRules());
        String pg = Files.readString(gcloud.dir().resolve("state/firewalls/class-a-1-allow-pg"));
        assertTrue(pg.contains("STAGS='fl-class-a-1'") && pg.contains("RANGES=''"), pg);
        for (HostSpec h : p.hosts()) {
            assertEquals(sshd.host(), h.address);
            assertFalse(h.instanceId.isBlank());
            assertEquals(List.of(sshd.hostKeyFingerprint()), HostKeyPins.fingerprints(new KnownHostsFile(kh, null), h.instanceId));
        }
        assertEquals(3, p.hosts().stream().map(h -> h.instanceId).distinct().count());
        assertEquals(List.of(), firstContacts, "host keys were pinned from guest attributes, not trusted on first use");
        assertEquals("monitor", lab.monitor.host);
        assertEquals("node2", lab.nodes.get(1).host);
        // a Set's order is not defined: compare as sets
        assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(Path.of(p.hosts().get(0).keyFile)));
        assertTrue(gcloud.calls().stream().noneMatch(c -> c.contains("REJECTED")), gcloud.calls().toString());

        // again: the VMs are adopted, nothing is created twice
        int before = gcloud.calls().size();
        provider(kh).provision(lab, Progress.NONE);
        assertTrue(gcloud.calls().subList(before, gcloud.calls().size()).stream().noneMatch(c -> c.contains(" create ")));

        // the `vm` fault mode: stop, then start (the external address is read again)
        provider(kh).stop(lab, "node1");
        assertTrue(Files.readString(gcloud.dir().resolve("state/instances/class-a-1-node1")).contains("TERMINATED"));
        CloudLab listed = provider(kh).list(lab.gce).stream().filter(c -> c.labId().equals("class-a-1")).findFirst().orElseThrow();
        assertEquals("PARTIAL 2/3", listed.state());
        provider(kh).start(lab, "node1");
        assertEquals(sshd.host(), lab.host("node1").orElseThrow().address);

        provider(kh).destroy(lab, Progress.NONE);
        assertTrue(gcloud.instances().stream().noneMatch(n -> n.startsWith("class-a-1-")));
        assertTrue(gcloud.firewallRules().stream().noneMatch(n -> n.startsWith("class-a-1-")));
    }

    @Test
    void deleteTakesExactlyTheLabsLabelledResources() throws Exception {
        Path kh = root.resolve("kh-delete");
        LabSpec a = GceLabs.lab("lab-x", Layout.SINGLE, sshd, root);
        LabSpec a2 = GceLabs.lab("lab-x-2", Layout.SINGLE, sshd, root);
        provider(kh).provision(a, Progress.NONE);
        provider(kh).provision(a2, Progress.NONE);
        assertTrue(gcloud.instances().containsAll(List.of("lab-x-vm", "lab-x-2-vm")), gcloud.instances().toString());
        List<String> listed = provider(kh).resources(a);
        assertEquals(List.of("instance lab-x-vm (us-central1-a, RUNNING)", "firewall rule lab-x-allow-ssh"), listed);
        List<String> gone = provider(kh).destroy(a, Progress.NONE);
        assertEquals(List.of("instance lab-x-vm", "firewall rule lab-x-allow-ssh"), gone);
        assertTrue(gcloud.instances().contains("lab-x-2-vm"), "the other lab's VM must stay");
        assertTrue(gcloud.firewallRules().contains("lab-x-2-allow-ssh"), "the other lab's rule must stay");
        assertTrue(a.hosts.isEmpty());
        assertTrue(new KnownHostsFile(kh, null).getHostKey(a2.hosts.get(0).instanceId, null).length > 0, "the other lab's pin stays");
        assertEquals(List.of(), provider(kh).destroy(a, Progress.NONE), "a second delete finds nothing");
        provider(kh).destroy(a2, Progress.NONE);
    }

    @Test
    void wrongPublishedHostKeyIsRefused() throws Exception {
        Path other = root.resolve("other-host-key");
        new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other.toString()).start().waitFor(20, TimeUnit.SECONDS);
        StandInGcloud liar = StandInGcloud.install(root.resolve("gcloud-liar"), sshd, 0.05, 0.1);
        liar.addConf("HOSTKEY_PUB=" + other + ".pub");
        LabSpec lab = GceLabs.lab("liar", Layout.SINGLE, sshd, root);
        GceProvider p = new GceProvider(new Gcloud(liar.path(), Duration.ofSeconds(60)), root.resolve("keys"), root.resolve("kh-liar"),
                null, null, null);
        LabException e = assertThrows(LabException.class, () -> p.provision(lab, Progress.NONE));
        assertTrue(e.getMessage().contains("has changed") && e.getMessage().contains(sshd.hostKeyFingerprint()), e.getMessage());
        p.destroy(lab, Progress.NONE);
    }

    @Test
    void progressIsReportedAndBounded() {
        LabSpec lab = GceLabs.lab("progress", Layout.SINGLE, sshd, root);
        List<Double> fractions = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        provider(root.resolve("kh-progress")).provision(lab, (f, t) -> {
            fractions.add(f);
            texts.add(t);
        });
        assertTrue(fractions.stream().allMatch(f -> f >= 0 && f <= 1), fractions.toString());
        assertTrue(texts.stream().anyMatch(t -> t.contains("creating progress-vm")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.contains("answers SSH")), texts.toString());
        provider(root.resolve("kh-progress")).destroy(lab, Progress.NONE);
    }

    @Test
    void sshWaitGivesUpWithOneSentence() {
        HostSpec h = HostSpec.ssh("node9", "127.0.0.1", TestLabs.freePort(), "student", sshd.clientKey().toString());
        long t0 = System.nanoTime();
        LabException e = assertThrows(LabException.class,
                () -> new SshWait(root.resolve("kh-wait"), null).await(h, Duration.ofSeconds(3), Progress.NONE));
        assertTrue(e.getMessage().startsWith("VM node9 (127.0.0.1:") && e.getMessage().contains("within 3 s"), e.getMessage());
        assertTrue((System.nanoTime() - t0) / 1e9 < 15);
    }

    /** The stand-in is strict: a call without --quiet, or with stdin left open, is refused loudly. */
    @Test
    void standInRefusesSloppyCalls() throws Exception {
        StandInGcloud gcloud = StandInGcloud.install(root.resolve("gcloud-strict"), sshd, 0.01, 0.01);
        Process noQuiet = new ProcessBuilder(gcloud.path(), "compute", "instances", "list", "--project=p", "--filter=labels.failover-lab:*",
                "--format=json").redirectInput(new File("/dev/null")).start();
        assertEquals(99, noQuiet.waitFor());
        assertTrue(new String(noQuiet.getErrorStream().readAllBytes()).contains("--quiet is missing"));
        Process openStdin = new ProcessBuilder(gcloud.path(), "compute", "instances", "list", "--project=p", "--filter=labels.failover-lab:*",
                "--quiet", "--format=json").start(); // stdin left as an open pipe
        assertEquals(99, openStdin.waitFor());
        assertTrue(new String(openStdin.getErrorStream().readAllBytes()).contains("stdin is not closed"));
        openStdin.getOutputStream().close();
        LabException e = assertThrows(LabException.class, () -> new Gcloud(gcloud.path(), Duration.ofSeconds(30))
                .json(List.of("compute", "instances", "create", "x1", "--project=p", "--zone=us-central1-a", "--shielded-secure-boot")));
        assertTrue(e.getMessage().contains("(exit 99)"), e.getMessage());
        assertNotEquals(0, gcloud.calls().stream().filter(c -> c.contains("REJECTED")).count());
    }

    @Test
    void gcloudIsFoundAsGcloudCmdOnWindowsAndAMissingOneIsOneSentence() throws Exception {
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path cmd = Files.writeString(bin.resolve("gcloud.cmd"), "@echo off\n");
        cmd.toFile().setExecutable(true);
        assertEquals(cmd.toString(), Gcloud.find("/nonexistent" + File.pathSeparator + bin, "gcloud.cmd"));
        LabException e = assertThrows(LabException.class, () -> Gcloud.find("/nonexistent", "gcloud"));
        assertTrue(e.getMessage().contains("not on PATH"), e.getMessage());
    }
}
