package io.failoverlab.lab;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a lab is: hosts, the monitor and the data nodes, versions, package source, auth/SSL and
 * the timing profile. Stored as JSON (a lab profile); secrets are not part of it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class LabSpec {
    public static final String DEFAULT_DATA_DIR = "/var/lib/postgresql/failover-lab/local";

    public String name = "local";
    public String provider = "local";
    public List<HostSpec> hosts = new ArrayList<>();
    public InstanceSpec monitor;
    public List<InstanceSpec> nodes = new ArrayList<>();
    /** Parent folder of every PGDATA, on each host. Must be writable by postgres. */
    public String dataDir = DEFAULT_DATA_DIR;
    public String database = "ha-demo";
    public String formation = "default";
    public PackageSource packageSource = PackageSource.DISTRO;
    public int postgresMajor = 15;
    public SslMode ssl = SslMode.SELF_SIGNED;
    /** null = choose: trust when every role is on one host, scram-sha-256 otherwise. */
    public String auth;
    public String timingProfile = "default";
    /** Install packages when pg_autoctl is missing (the GUI asks first; the CLI says what it installs). */
    public boolean installPackages = true;

    /** The profile this lab was read from (--lab FILE), where nodes added to it are saved; null for a lab of options. */
    @JsonIgnore
    public java.nio.file.Path profileFile;
    /** Settings of a Google Compute Engine lab (provider "gce"); absent for the others. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public GceSettings gce;
    /** Settings of a lab on machines booted on this computer (provider "machines"); absent for the others. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public MachinesSettings machines;

    /** The lab's id as cloud labels allow it: lowercase letters, digits and '-', at most 40 characters. */
    @JsonIgnore
    public String labId() {
        String id = (name == null ? "lab" : name).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^-+|-+$", "");
        if (id.isEmpty() || !Character.isLetter(id.charAt(0))) id = "lab-" + id;
        return id.length() > 40 ? id.substring(0, 40).replaceAll("-+$", "") : id;
    }

    @JsonIgnore
    public boolean isCloud() { return "gce".equals(provider); }

    /** Machines booted on this computer (systemd-nspawn): they can be powered off, rebooted and cut off. */
    @JsonIgnore
    public boolean runsOnMachines() { return "machines".equals(provider); }

    /** The provider makes the hosts (and fills them in when it provisions): gce and machines. */
    @JsonIgnore
    public boolean isProvisioned() { return isCloud() || runsOnMachines(); }

    /**
     * A profile that names only its provider (e.g. {"provider": "machines"}) gets the original
     * exercise's roles: monitor 6000, node1 6001, node2 6002. A machines lab also gets the
     * PostgreSQL major its Debian release carries.
     */
    public LabSpec withDefaults() {
        if (monitor == null && (nodes == null || nodes.isEmpty())) {
            LabSpec d = localDefault();
            monitor = d.monitor;
            nodes = d.nodes;
        }
        if (runsOnMachines()) {
            if (machines == null) machines = new MachinesSettings();
            if (machines.release() != null) postgresMajor = machines.release().postgresMajor();
        }
        return this;
    }

    /** The original exercise's layout on this machine: monitor 6000, node1 6001, node2 6002. */
    public static LabSpec localDefault() {
        return local(DEFAULT_DATA_DIR, 6000, 6001, 6002);
    }

    public static LabSpec local(String dataDir, int monitorPort, int... nodePorts) {
        LabSpec lab = new LabSpec();
        lab.hosts.add(HostSpec.local());
        lab.dataDir = dataDir;
        lab.monitor = new InstanceSpec("monitor", "local", monitorPort);
        for (int i = 0; i < nodePorts.length; i++) {
            lab.nodes.add(new InstanceSpec("node" + (i + 1), "local", nodePorts[i]));
        }
        return lab;
    }

    public Optional<HostSpec> host(String id) {
        return hosts.stream().filter(h -> h.id.equals(id)).findFirst();
    }

    public HostSpec hostOf(InstanceSpec inst) {
        return host(inst.host).orElseThrow(() -> new LabException(
                "Instance " + inst.name + " names host '" + inst.host + "', which the lab does not define."));
    }

    /** The names of the data nodes on one host (those a power cut or a new machine there would take too). */
    public List<String> nodeNamesOn(String hostId) {
        return nodes.stream().filter(n -> n.host.equals(hostId)).map(n -> n.name).toList();
    }

    public Optional<InstanceSpec> node(String name) {
        return nodes.stream().filter(n -> n.name.equals(name)).findFirst();
    }

    @JsonIgnore
    public List<InstanceSpec> instances() {
        List<InstanceSpec> all = new ArrayList<>();
        if (monitor != null) all.add(monitor);
        all.addAll(nodes);
        return all;
    }

    /** trust only when every role shares one host (nothing crosses a network). */
    @JsonIgnore
    public String effectiveAuth() {
        if (auth != null && !auth.isBlank()) return auth;
        long distinctHosts = instances().stream().map(i -> i.host).distinct().count();
        return distinctHosts <= 1 ? "trust" : "scram-sha-256";
    }
}
