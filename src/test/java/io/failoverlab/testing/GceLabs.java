package io.failoverlab.testing;

import io.failoverlab.lab.GceSettings;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.Layout;

import java.nio.file.Path;

/** GCE lab profiles whose "VMs" are the test sshd (through the stand-in gcloud). */
public final class GceLabs {
    private GceLabs() { }

    public static LabSpec lab(String name, Layout layout, Sshd sshd, Path dataRoot) {
        LabSpec lab = LabSpec.local(dataRoot.resolve(name).toString(), TestLabs.freePort(), TestLabs.freePort(), TestLabs.freePort());
        lab.name = name;
        lab.provider = "gce";
        lab.hosts.clear();
        lab.gce = new GceSettings();
        lab.gce.project = "my-lab-project";
        lab.gce.layout = layout;
        // The test sshd runs as this user (root in CI); a real VM's guest agent would create "student".
        lab.gce.user = System.getProperty("user.name");
        lab.gce.sshPort = sshd == null ? 22 : sshd.port();
        lab.gce.sshFrom = "127.0.0.1/32";
        lab.gce.sshWaitSeconds = 30;
        return lab;
    }
}
