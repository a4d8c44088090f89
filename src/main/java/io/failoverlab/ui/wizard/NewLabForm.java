package io.failoverlab.ui.wizard;

import io.failoverlab.ui.app.Messages;
import io.failoverlab.cloud.CostEstimate;
import io.failoverlab.lab.GceSettings;
import io.failoverlab.lab.HostSpec;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabProfiles;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.LabStore;
import io.failoverlab.lab.LabValidator;
import io.failoverlab.lab.Layout;
import io.failoverlab.lab.MachinesSettings;
import io.failoverlab.lab.PackageSource;

import java.util.ArrayList;
import java.util.List;

/**
 * What the New-lab wizard collects, free of views: the provider, its machines, the versions; it
 * builds the {@link LabSpec} that is saved and says, one sentence each, what is wrong with it.
 */
public final class NewLabForm {
    static final List<String> PROVIDERS = List.of("local", "machines", "hosts", "gce");
    static final List<String> ROLES = List.of("monitor", "node1", "node2");
    static final List<Integer> POSTGRES_MAJORS = List.of(13, 14, 15, 16, 17);
    static final List<String> TIMING_PROFILES = List.of("default", "fast");
    static final List<String> MACHINE_TYPES = List.of("e2-small", "e2-medium", "e2-standard-2", "e2-standard-4");

    /** One machine of a hosts lab (the one for every role, or the one of a role). */
    static final class Host {
        String address = "";
        int sshPort = 22;
        String user = "";
        String keyFile = "";
    }

    public String name = "";
    public String provider = "local";
    // local (ports and data folder apply to every provider)
    int monitorPort = 6000;
    int node1Port = 6001;
    int node2Port = 6002;
    String dataDir = LabSpec.DEFAULT_DATA_DIR;
    // hosts
    public boolean hostPerRole;
    final List<Host> hosts = List.of(new Host(), new Host(), new Host());
    // gce
    final GceSettings gce = new GceSettings();
    // machines on this computer
    final MachinesSettings machines = new MachinesSettings();
    // versions
    int postgresMajor = 15;
    PackageSource packageSource = PackageSource.DISTRO;
    String timingProfile = "default";

    /** The profile as it will be saved. */
    public LabSpec build() {
        LabSpec lab = LabSpec.local(dataDir, monitorPort, node1Port, node2Port);
        lab.name = name == null ? "" : name.trim();
        lab.provider = provider;
        lab.postgresMajor = postgresMajor;
        lab.packageSource = packageSource;
        lab.timingProfile = timingProfile;
        switch (provider) {
            case "hosts" -> {
                lab.hosts.clear();
                if (hostPerRole) {
                    for (int i = 0; i < ROLES.size(); i++) lab.hosts.add(host(ROLES.get(i), hosts.get(i)));
                    for (InstanceSpec inst : lab.instances()) inst.host = inst.name;
                } else {
                    lab.hosts.add(host("host", hosts.get(0)));
                    for (InstanceSpec inst : lab.instances()) inst.host = "host";
                }
            }
            case "gce" -> {
                lab.hosts.clear(); // provisioning creates the VMs and fills them in
                lab.gce = gce.copy();
                if (lab.gce.project != null && lab.gce.project.isBlank()) lab.gce.project = null;
                if (lab.gce.layout != null) lab.gce.layout.assign(lab);
            }
            case "machines" -> {
                lab.hosts.clear(); // provisioning boots the machines and fills them in
                lab.machines = machines.copy();
                if (lab.machines.layout != null) lab.machines.layout.assign(lab);
                lab.packageSource = PackageSource.DISTRO;
                lab.withDefaults(); // the PostgreSQL major the Debian release carries
            }
            default -> { }
        }
        return lab;
    }

    private static HostSpec host(String id, Host h) {
        return HostSpec.ssh(id, blankToNull(h.address), h.sshPort, blankToNull(h.user), blankToNull(h.keyFile));
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.trim(); }

    /** Every problem, one sentence each: the name first, then LabValidator's. */
    List<String> problems(LabStore store, Messages m) {
        List<String> p = new ArrayList<>();
        LabSpec lab = build();
        if (lab.name.isEmpty()) p.add(m.tr("wizard.error.noName"));
        else if (store != null && store.exists(lab.name)) p.add(m.tr("wizard.error.exists", lab.name));
        if ("hosts".equals(provider)) {
            for (HostSpec h : lab.hosts) {
                if (h.keyFile == null) p.add(m.tr("wizard.error.noKey", h.id));
            }
        }
        LabValidator.messages(lab).forEach(x -> p.add(m.msg(x)));
        return p;
    }

    String json() {
        try {
            return LabProfiles.JSON.writeValueAsString(build());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return e.getMessage();
        }
    }

    /** A gce lab's estimate: one VM (single) or one per role; null for the other providers. */
    CostEstimate cost() {
        if (!"gce".equals(provider)) return null;
        int vms = gce.layout == Layout.SINGLE ? 1 : ROLES.size();
        return CostEstimate.of(gce, vms);
    }
}
