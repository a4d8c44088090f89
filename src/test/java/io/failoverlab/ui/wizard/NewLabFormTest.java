package io.failoverlab.ui.wizard;

import io.failoverlab.ui.app.Messages;
import io.failoverlab.lab.LabProfiles;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.LabStore;
import io.failoverlab.lab.LabValidator;
import io.failoverlab.lab.Layout;
import io.failoverlab.lab.PackageSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The New-lab wizard's form builds a valid LabSpec for each provider and names what is wrong. */
class NewLabFormTest {
    private final Messages en = Messages.of(Locale.ENGLISH);
    @TempDir
    Path dir;

    @Test
    void localLab() {
        NewLabForm f = new NewLabForm();
        f.name = "my-local";
        f.monitorPort = 7000;
        f.node1Port = 7001;
        f.node2Port = 7002;
        f.dataDir = "/srv/fl";
        f.postgresMajor = 16;
        f.packageSource = PackageSource.PGDG;
        f.timingProfile = "fast";
        LabSpec lab = f.build();
        assertEquals(List.of(), f.problems(new LabStore(dir), en));
        assertEquals("local", lab.provider);
        assertEquals(7000, lab.monitor.port);
        assertEquals(List.of(7001, 7002), lab.nodes.stream().map(n -> n.port).toList());
        assertEquals("/srv/fl", lab.dataDir);
        assertEquals(16, lab.postgresMajor);
        assertEquals(PackageSource.PGDG, lab.packageSource);
        assertEquals("fast", lab.timingProfile);
        assertTrue(lab.hosts.get(0).local);
        assertNull(lab.gce);
    }

    @Test
    void hostsLabOneHostOrOnePerRole() throws Exception {
        NewLabForm f = new NewLabForm();
        f.name = "my-hosts";
        f.provider = "hosts";
        f.hosts.get(0).address = "203.0.113.10";
        f.hosts.get(0).user = "student";
        f.hosts.get(0).keyFile = "/home/student/.ssh/id_ed25519";
        assertEquals(List.of(), f.problems(null, en));
        LabSpec one = f.build();
        assertEquals(1, one.hosts.size());
        assertTrue(one.instances().stream().allMatch(i -> i.host.equals("host")));
        assertEquals("trust", one.effectiveAuth());

        f.hostPerRole = true;
        for (int i = 1; i < 3; i++) {
            f.hosts.get(i).address = "203.0.113." + (11 + i);
            f.hosts.get(i).user = "student";
            f.hosts.get(i).keyFile = "/k";
        }
        LabSpec three = f.build();
        assertEquals(List.of(), f.problems(null, en));
        assertEquals(List.of("monitor", "node1", "node2"), three.hosts.stream().map(h -> h.id).toList());
        assertEquals("node2", three.node("node2").orElseThrow().host);
        assertEquals("scram-sha-256", three.effectiveAuth());
        // the profile round-trips and names the key by path only
        LabSpec back = LabProfiles.JSON.readValue(f.json(), LabSpec.class);
        assertEquals("/k", back.host("node1").orElseThrow().keyFile);
    }

    @Test
    void gceLabWithCost() {
        NewLabForm f = new NewLabForm();
        f.name = "gce-demo";
        f.provider = "gce";
        f.gce.project = "my-lab-project";
        f.gce.zone = "europe-west1-b";
        f.gce.machineType = "e2-small";
        f.gce.image = "ubuntu-2404-lts-amd64";
        f.gce.layout = Layout.SINGLE;
        LabSpec lab = f.build();
        assertEquals(List.of(), f.problems(null, en));
        assertEquals(List.of(), LabValidator.problems(lab));
        assertEquals("gce", lab.provider);
        assertTrue(lab.hosts.isEmpty(), "the VMs come with provisioning");
        assertTrue(lab.instances().stream().allMatch(i -> i.host.equals("vm")));
        assertEquals("e2-small", lab.gce.machineType);
        assertEquals(0.0168 + 0.10 * 20 / 730 + 0.005, f.cost().perHour(), 1e-3);
        f.gce.layout = Layout.PER_ROLE;
        assertEquals(3 * (0.0168 + 0.10 * 20 / 730 + 0.005), f.cost().perHour(), 1e-3);
        assertTrue(f.json().contains("\"layout\" : \"per-role\""), f.json());
        f.gce.project = "";
        assertNull(f.build().gce.project, "empty project = gcloud's configured one");
        f.provider = "local";
        assertNull(f.cost());
    }

    @Test
    void validatorErrorsOneSentenceEach() throws Exception {
        LabStore store = new LabStore(dir);
        store.save(LabSpec.localDefault());
        NewLabForm f = new NewLabForm();
        f.name = "local";
        f.node1Port = 80;
        f.node2Port = 6000;
        f.dataDir = "relative/path";
        List<String> p = f.problems(store, en);
        assertEquals(List.of(
                "A lab named local already exists: choose another name.",
                "Data folder 'relative/path' must be an absolute path without spaces.",
                "Port 80 of 'node1' is out of range (1024-65535).",
                "Port 6000 on host 'local' is given to two instances."), p);

        f = new NewLabForm();
        assertEquals(List.of("Give the lab a name."), f.problems(store, en));

        f.name = "bad-gce";
        f.provider = "gce";
        f.gce.zone = "nowhere";
        f.gce.machineType = "E2 MEDIUM";
        p = f.problems(store, en);
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("GCE zone 'nowhere' is not valid"), p.get(0));
        assertTrue(p.get(1).startsWith("GCE machine type 'E2 MEDIUM' is not valid"), p.get(1));

        f.provider = "hosts";
        p = f.problems(store, en);
        assertEquals(List.of("Host host has no private key file.", "Host 'host' has no valid address.", "Host 'host' has no SSH user."), p);
        for (String s : p) assertTrue(s.endsWith(".") && s.indexOf(". ") < 0, "one sentence: " + s);
    }
}
