package io.failoverlab.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import io.failoverlab.lab.HostSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.Layout;
import io.failoverlab.remote.KeyPairs;
import io.failoverlab.remote.KnownHostsFile;
import io.failoverlab.testing.GceFixture;
import io.failoverlab.testing.LocalComputeApi;
import io.failoverlab.testing.StandInGcloud;
import io.failoverlab.testing.TestLabs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real GceProvider against the real gcloud and the local Compute API (VMs: network
 * namespaces with their own sshd), or, without the Google Cloud CLI, the stand-in gcloud.
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GceProviderTest {
    Path root;
    GceFixture fx;
    final List<String> firstContacts = new ArrayList<>();

    @BeforeAll
    void setUp() throws Exception {
        root = TestLabs.tempRoot("gce-provider-");
        fx = GceFixture.start(root, 0.05, 0.2);
    }

    @AfterAll
    void tearDown() {
        System.out.println(fx == null ? "BENCH gce: no fixture" : fx.bench());
        if (fx != null) fx.close();
        TestLabs.deleteTree(root);
    }

    GceProvider provider(Path knownHosts) {
        return new GceProvider(new Gcloud(fx.gcloudPath(), Duration.ofSeconds(120)), root.resolve("keys"), knownHosts,
                (h, t, fp) -> firstContacts.add(h), null, null);
    }

    @Test
    void perRoleLabIsOneCreateCallWithLabelsKeyAndPinnedHostKeys() throws Exception {
        Path kh = root.resolve("kh-per-role");
        LabSpec lab = fx.lab("Class A 1", Layout.PER_ROLE, root);
        firstContacts.clear();
        Provisioned p = provider(kh).provision(lab, Progress.NONE);
        assertEquals(Layout.PER_ROLE, p.layout());
        assertEquals(List.of("monitor", "node1", "node2"), p.hosts().stream().map(h -> h.id).toList());
        List<String> creates = fx.calls().stream().filter(c -> c.contains("compute instances create")).toList();
        assertEquals(1, creates.size(), creates.toString());
        String create = creates.get(0);
        assertTrue(create.contains("class-a-1-monitor class-a-1-node1 class-a-1-node2"), create);
        assertTrue(create.contains("--labels=failover-lab=class-a-1") && create.contains("enable-oslogin=FALSE")
                && create.contains("enable-guest-attributes=TRUE") && create.contains("--quiet --format=json"), create);
        // SSH only from the given address, PostgreSQL only between the lab's VMs (tags)
        assertEquals(List.of("class-a-1-allow-pg", "class-a-1-allow-ssh"), fx.firewallRules());
        if (fx.real()) {
            assertWhatWasAsked(lab, p);
        } else {
            String pg = Files.readString(fx.standIn().dir().resolve("state/firewalls/class-a-1-allow-pg"));
            assertTrue(pg.contains("STAGS='fl-class-a-1'") && pg.contains("RANGES=''"), pg);
        }
        for (HostSpec h : p.hosts()) {
            String vm = GceNames.vm(lab, h.id);
            assertEquals(fx.address(vm), h.address);
            assertFalse(h.instanceId.isBlank());
            assertEquals(List.of(fx.hostKeyFingerprint(vm)), HostKeyPins.fingerprints(new KnownHostsFile(kh, null), h.instanceId));
        }
        assertEquals(3, p.hosts().stream().map(h -> h.instanceId).distinct().count());
        assertEquals(List.of(), firstContacts, "host keys were pinned from guest attributes, not trusted on first use");
        assertEquals("monitor", lab.monitor.host);
        assertEquals("node2", lab.nodes.get(1).host);
        assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(Path.of(p.hosts().get(0).keyFile)));
        if (!fx.real()) assertTrue(fx.calls().stream().noneMatch(c -> c.contains("REJECTED")), fx.calls().toString());

        // again: the VMs are adopted, nothing is created twice
        int before = fx.calls().size();
        provider(kh).provision(lab, Progress.NONE);
        assertTrue(fx.calls().subList(before, fx.calls().size()).stream().noneMatch(c -> c.contains(" create ")));

        // the `vm` fault mode: stop (the VM is really off), then start (the external address is read again)
        provider(kh).stop(lab, "node1");
        assertEquals("TERMINATED", fx.status("class-a-1-node1"));
        if (fx.real()) assertFalse(answers(fx.address("class-a-1-node1"), 22), "a stopped VM's sshd is gone");
        CloudLab listed = provider(kh).list(lab.gce).stream().filter(c -> c.labId().equals("class-a-1")).findFirst().orElseThrow();
        assertEquals("PARTIAL 2/3", listed.state());
        provider(kh).start(lab, "node1");
        assertEquals(fx.address("class-a-1-node1"), lab.host("node1").orElseThrow().address);
        if (fx.real()) assertTrue(answers(fx.address("class-a-1-node1"), 22), "a started VM answers SSH again");

        provider(kh).destroy(lab, Progress.NONE);
        assertTrue(fx.instances().stream().noneMatch(n -> n.startsWith("class-a-1-")));
        assertTrue(fx.firewallRules().stream().noneMatch(n -> n.startsWith("class-a-1-")));
    }

    /** The REST bodies the real gcloud sent for the app's commands. */
    private void assertWhatWasAsked(LabSpec lab, Provisioned p) throws Exception {
        LocalComputeApi api = fx.api();
        List<LocalComputeApi.Request> inserts = api.requests("instances.insert");
        assertEquals(3, inserts.size());
        assertTrue(inserts.stream().allMatch(LocalComputeApi.Request::viaBatch), "three names in one create go through the batch endpoint");
        String pub = Files.readString(Path.of(p.hosts().get(0).keyFile + ".pub")).strip();
        for (LocalComputeApi.Request r : inserts) {
            JsonNode b = r.body();
            assertEquals(Map.of("failover-lab", "class-a-1"), io.failoverlab.lab.LabProfiles.JSON.convertValue(b.path("labels"), Map.class));
            assertEquals("[\"fl-class-a-1\"]", b.path("tags").path("items").toString());
            Map<String, String> md = new java.util.TreeMap<>();
            b.path("metadata").path("items").forEach(i -> md.put(i.path("key").asText(), i.path("value").asText()));
            assertEquals(Map.of("enable-oslogin", "FALSE", "enable-guest-attributes", "TRUE", "block-project-ssh-keys", "TRUE",
                    "ssh-keys", lab.gce.user + ":" + pub + "\n"), md);
            assertTrue(b.path("machineType").asText().endsWith("/zones/us-central1-a/machineTypes/e2-medium"), b.toString());
            assertTrue(b.path("disks").path(0).path("initializeParams").path("sourceImage").asText()
                    .endsWith("/projects/debian-cloud/zones/-/imageFamilyViews/debian-12"), b.toString());
        }
        JsonNode ssh = api.firewall("class-a-1-allow-ssh");
        assertEquals("[\"" + fx.clientRange() + "\"]", ssh.path("sourceRanges").toString());
        assertTrue(ssh.path("sourceTags").isMissingNode(), ssh.toString());
        assertEquals("[{\"IPProtocol\":\"tcp\",\"ports\":[\"22\"]}]", ssh.path("allowed").toString());
        JsonNode pg = api.firewall("class-a-1-allow-pg");
        assertEquals("[\"fl-class-a-1\"]", pg.path("sourceTags").toString());
        assertTrue(pg.path("sourceRanges").isMissingNode(), pg.toString());
        List<String> ports = new ArrayList<>();
        pg.path("allowed").forEach(a -> a.path("ports").forEach(x -> ports.add(a.path("IPProtocol").asText() + ":" + x.asText())));
        List<String> want = new ArrayList<>();
        lab.instances().forEach(i -> want.add("tcp:" + i.port));
        assertEquals(want, ports);
        for (String r : fx.firewallRules()) {
            assertFalse(api.firewall(r).toString().contains("0.0.0.0/0"), "nothing open to the world: " + api.firewall(r));
            assertEquals("[\"fl-class-a-1\"]", api.firewall(r).path("targetTags").toString());
        }
        assertTrue(api.requests().stream().noneMatch(r -> r.op().equals("unknown")), api.summary());
    }

    static boolean answers(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void deleteTakesExactlyTheLabsLabelledResources() throws Exception {
        Path kh = root.resolve("kh-delete");
        LabSpec a = fx.lab("lab-x", Layout.SINGLE, root);
        LabSpec a2 = fx.lab("lab-x-2", Layout.SINGLE, root);
        provider(kh).provision(a, Progress.NONE);
        provider(kh).provision(a2, Progress.NONE);
        assertTrue(fx.instances().containsAll(List.of("lab-x-vm", "lab-x-2-vm")), fx.instances().toString());
        List<String> listed = provider(kh).resources(a);
        assertEquals(List.of("instance lab-x-vm (us-central1-a, RUNNING)", "firewall rule lab-x-allow-ssh"), listed);
        List<String> gone = provider(kh).destroy(a, Progress.NONE);
        assertEquals(List.of("instance lab-x-vm", "firewall rule lab-x-allow-ssh"), gone);
        assertTrue(fx.instances().contains("lab-x-2-vm"), "the other lab's VM must stay");
        assertTrue(fx.firewallRules().contains("lab-x-2-allow-ssh"), "the other lab's rule must stay");
        assertTrue(a.hosts.isEmpty());
        assertTrue(new KnownHostsFile(kh, null).getHostKey(a2.hosts.get(0).instanceId, null).length > 0, "the other lab's pin stays");
        assertEquals(List.of(), provider(kh).destroy(a, Progress.NONE), "a second delete finds nothing");
        provider(kh).destroy(a2, Progress.NONE);
    }

    @Test
    void wrongPublishedHostKeyIsRefused() throws Exception {
        Path other = root.resolve("other-host-key");
        new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other.toString()).start().waitFor(20, TimeUnit.SECONDS);
        LabSpec lab = fx.lab("liar", Layout.SINGLE, root);
        String gcloudPath;
        if (fx.real()) {
            fx.api().publishHostKey(Files.readString(Path.of(other + ".pub")).strip());
            gcloudPath = fx.gcloudPath();
        } else {
            StandInGcloud liar = StandInGcloud.install(root.resolve("gcloud-liar"), null, 0.05, 0.1);
            liar.conf(Files.readString(fx.standIn().dir().resolve("standin.conf")) + "HOSTKEY_PUB=" + other + ".pub\n");
            gcloudPath = liar.path();
        }
        GceProvider p = new GceProvider(new Gcloud(gcloudPath, Duration.ofSeconds(120)), root.resolve("keys"), root.resolve("kh-liar"),
                null, null, null);
        try {
            LabException e = assertThrows(LabException.class, () -> p.provision(lab, Progress.NONE));
            assertTrue(e.getMessage().contains("has changed") && e.getMessage().contains(fx.hostKeyFingerprint("liar-vm")), e.getMessage());
        } finally {
            if (fx.real()) fx.api().publishHostKey(null);
        }
        p.destroy(lab, Progress.NONE);
    }

    @Test
    void progressIsReportedAndBounded() throws Exception {
        LabSpec lab = fx.lab("progress", Layout.SINGLE, root);
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
        Path key = root.resolve("wait_ed25519");
        try {
            KeyPairs.generateEd25519(key, "wait");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        HostSpec h = HostSpec.ssh("node9", "127.0.0.1", TestLabs.freePort(), "student", key.toString());
        long t0 = System.nanoTime();
        LabException e = assertThrows(LabException.class,
                () -> new SshWait(root.resolve("kh-wait"), null).await(h, Duration.ofSeconds(3), Progress.NONE));
        assertTrue(e.getMessage().startsWith("VM node9 (127.0.0.1:") && e.getMessage().contains("within 3 s"), e.getMessage());
        assertTrue((System.nanoTime() - t0) / 1e9 < 15);
    }

    /** The stand-in is strict: a call without --quiet, or with stdin left open, is refused loudly. */
    @Test
    void standInRefusesSloppyCalls() throws Exception {
        StandInGcloud gcloud = StandInGcloud.install(root.resolve("gcloud-strict"), null, 0.01, 0.01);
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
