package io.failoverlab.ui.labs;

import io.failoverlab.lab.GceSettings;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.LabStore;
import io.failoverlab.lab.Layout;
import io.failoverlab.testing.Sshd;
import io.failoverlab.testing.StandInGcloud;
import io.failoverlab.testing.TestLabs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A config folder with two stored labs, one local and one gce, whose gcloud is the stand-in
 * (never the real one) already holding the gce lab's three running "VMs", created hours ago,
 * and its SSH firewall rule — as if it had been provisioned and forgotten.
 */
final class LabsFixture {
    final Path configDir;
    final StandInGcloud gcloud;
    final LabStore store;
    final LabSpec local;
    final LabSpec gce;

    private LabsFixture(Path configDir, StandInGcloud gcloud, LabSpec local, LabSpec gce) {
        this.configDir = configDir;
        this.gcloud = gcloud;
        this.store = LabStore.inConfigDir(configDir);
        this.local = local;
        this.gce = gce;
    }

    static LabsFixture create(Path root, double hoursRunning) throws IOException {
        return create(root, hoursRunning, null);
    }

    /** sshd: what the stand-in hands back as every new VM (null: no new VM is reachable). */
    static LabsFixture create(Path root, double hoursRunning, Sshd sshd) throws IOException {
        Path config = root.resolve("config");
        StandInGcloud g = StandInGcloud.install(root.resolve("gcloud-standin"), sshd, 0.05, 0.05);
        LabSpec local = LabSpec.local(root.resolve("data").toString(), TestLabs.freePort(), TestLabs.freePort(), TestLabs.freePort());
        local.name = "alpha-local";
        LabSpec gce = LabSpec.local("/var/lib/postgresql/failover-lab/beta", 6000, 6001, 6002);
        gce.name = "beta-gce";
        gce.provider = "gce";
        gce.hosts.clear();
        gce.gce = new GceSettings();
        gce.gce.project = "my-lab-project";
        gce.gce.layout = Layout.PER_ROLE;
        gce.gce.gcloud = g.path();
        gce.gce.reminderHours = 3;
        if (sshd != null) {
            gce.gce.user = sshd.user();
            gce.gce.sshPort = sshd.port();
            gce.gce.sshFrom = "127.0.0.1/32";
            gce.gce.sshWaitSeconds = 30;
        }
        Layout.PER_ROLE.assign(gce);
        // provisioned: its hosts are in the profile (nothing listens on their SSH port here)
        int closedPort = TestLabs.freePort();
        for (String role : new String[]{"monitor", "node1", "node2"}) {
            io.failoverlab.lab.HostSpec h = io.failoverlab.lab.HostSpec.ssh(role, "127.0.0.1", closedPort, "student",
                    config.resolve("keys").resolve(gce.labId() + "_ed25519").toString());
            h.internalAddress = "10.128.0." + (2 + role.length());
            gce.hosts.add(h);
        }
        LabStore store = LabStore.inConfigDir(config);
        store.save(local);
        store.save(gce);
        LabsFixture f = new LabsFixture(config, g, local, gce);
        Instant created = Instant.now().minusSeconds((long) (hoursRunning * 3600));
        for (String role : new String[]{"monitor", "node1", "node2"}) f.vm("fl-" + gce.labId() + "-" + role, gce.labId(), created);
        f.firewall(gce.labId() + "-allow-ssh", gce.labId());
        return f;
    }

    void vm(String name, String labId, Instant created) throws IOException {
        Path dir = gcloud.dir().resolve("state/instances");
        Files.createDirectories(dir);
        String ts = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").format(created.atOffset(ZoneOffset.UTC)) + "-00:00";
        Files.writeString(dir.resolve(name), "NAME='" + name + "'; ID='" + Math.abs(name.hashCode()) + "1234'; STATUS='RUNNING'; CREATED='" + ts
                + "'; LABEL_KEY='failover-lab'; LABEL_VALUE='" + labId + "'\n"
                + "ZONE='us-central1-a'; MTYPE='e2-medium'; TAG='fl-" + labId + "'; PROJECT='my-lab-project'; DISK_GB='20'; SSH_KEYS=''\n");
    }

    void firewall(String name, String labId) throws IOException {
        Path dir = gcloud.dir().resolve("state/firewalls");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), "NAME='" + name + "'; PROJECT='my-lab-project'; RULES='tcp:22'; RANGES='127.0.0.1/32'; STAGS=''; TTAGS='fl-"
                + labId + "'; DESC='failover-lab=" + labId + "'\n");
    }

    LabsContext context() { return new LabsContext(configDir, null); }
}
