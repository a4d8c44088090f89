package io.failoverlab.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.failoverlab.cloud.machines.NspawnVms;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.Layout;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the GCE tests' gcloud and VMs come from. With the Google Cloud CLI installed: the real
 * gcloud (private config) against a {@link LocalComputeApi}. Its VMs are, for the end-to-end lab
 * ({@link #startOnMachines}, GceClusterTest), machines of the app's `machines` provider
 * ({@link NspawnVms}: Debian booted with systemd-nspawn, systemd as PID 1, the machine's own host
 * key in the guest attributes, `instances stop` a power cut); for the request, error and class
 * tests ({@link #start}: GceProviderTest, GceErrorsTest, CloudFleetTest), network namespaces with
 * their own sshd on this machine's file system ({@link NetnsVms}), which boot in milliseconds.
 * Without gcloud: the stand-in gcloud script, whose "VMs" are one local sshd. Tests assert through
 * this class what both can show, and more where real.
 */
public final class GceFixture implements AutoCloseable {
    private final Path dir;
    private NetnsVms vms;
    private NspawnVms machines;
    private LocalComputeApi api;
    private RealGcloud gcloud;
    private Sshd sshd;
    private StandInGcloud standIn;
    private String version;

    private GceFixture(Path dir) { this.dir = dir; }

    /** latency/createLatency: the stand-in's sleep per call (the real gcloud has its own cost). VMs: {@link NetnsVms}. */
    public static GceFixture start(Path dir, double latency, double createLatency) throws IOException {
        return start(dir, latency, createLatency, false);
    }

    /**
     * As {@link #start}, but each VM the local API reports is a Debian 12 machine (GCE's debian-12
     * family) of the `machines` provider ({@link NspawnVms}), booted in {@code dir}. Needs root.
     */
    public static GceFixture startOnMachines(Path dir, double latency, double createLatency) throws IOException {
        return start(dir, latency, createLatency, true);
    }

    private static GceFixture start(Path dir, double latency, double createLatency, boolean onMachines) throws IOException {
        GceFixture f = new GceFixture(dir);
        try {
            // -Dgce.standIn=true runs the stand-in even where gcloud is installed (to check that path)
            if (RealGcloud.installed() != null && !Boolean.getBoolean("gce.standIn")) {
                VmBacking backing;
                if (onMachines) {
                    f.machines = NspawnVms.create(dir.resolve("machines"), "12");
                    backing = f.machines;
                } else {
                    f.vms = NetnsVms.create();
                    backing = f.vms;
                }
                f.api = LocalComputeApi.start(backing, RealGcloud.TOKEN);
                f.api.publicAddress(f.clientAddress());
                f.gcloud = RealGcloud.install(dir.resolve("gcloud"), f.api);
                f.version = f.gcloud.version();
            } else {
                f.sshd = Sshd.start();
                f.standIn = StandInGcloud.install(dir.resolve("gcloud"), f.sshd, latency, createLatency);
                System.out.println("gce: the Google Cloud CLI is not installed here, so the stand-in gcloud script ran instead of the real one");
            }
            return f;
        } catch (IOException | RuntimeException e) {
            f.close();
            throw e;
        }
    }

    public boolean real() { return api != null; }

    public LocalComputeApi api() { return api; }

    /** The network-namespace VMs ({@link #start}); null on machines. */
    public NetnsVms vms() { return vms; }

    /** The machines behind the VMs ({@link #startOnMachines}); null otherwise. */
    public NspawnVms machines() { return machines; }

    private String clientAddress() { return machines != null ? machines.clientAddress() : vms.clientAddress(); }

    public RealGcloud realGcloud() { return gcloud; }

    public StandInGcloud standIn() { return standIn; }

    public String gcloudPath() { return real() ? gcloud.path() : standIn.path(); }

    /** The --address-service the app should ask (real: the local API's own, answering this machine's bridge address). */
    public String addressService() { return real() ? "http://127.0.0.1:" + api.port() + "/checkip" : null; }

    /** The address the VMs see the app's connections come from, as the SSH rule's /32. */
    public String clientRange() { return (real() ? clientAddress() : "127.0.0.1") + "/32"; }

    /**
     * A gce lab profile for these VMs. On network namespaces the login is the sshd's own user (root
     * here) and every role has its own port and data folder on the one file system; on machines it
     * is a GCE lab as a user writes it: login "student" (made by the "guest agent"), the original
     * roles' ports (monitor 6000, node1 6001, node2 6002) and the default data folder on each VM.
     */
    public LabSpec lab(String name, Layout layout, Path dataRoot) {
        if (!real()) return GceLabs.lab(name, layout, sshd, dataRoot);
        LabSpec lab = GceLabs.lab(name, layout, null, dataRoot);
        if (machines != null) {
            LabSpec d = LabSpec.localDefault();
            lab.dataDir = d.dataDir;
            lab.monitor = d.monitor;
            lab.nodes = d.nodes;
            lab.gce.user = new io.failoverlab.lab.GceSettings().user;
            lab.gce.sshWaitSeconds = 120;
        }
        lab.gce.sshPort = 22;
        lab.gce.sshFrom = clientRange();
        return lab;
    }

    public List<String> instances() throws IOException { return real() ? api.instances() : standIn.instances(); }

    public List<String> firewallRules() throws IOException { return real() ? api.firewallRules() : standIn.firewallRules(); }

    /** Each gcloud call's arguments, in order. */
    public List<String> calls() throws IOException {
        if (!real()) return standIn.calls();
        List<String> out = new ArrayList<>();
        for (RealGcloud.Call c : gcloud.calls()) out.add(c.args());
        return out;
    }

    public long calls(String what) throws IOException { return calls().stream().filter(c -> c.contains(what)).count(); }

    /** Seconds spent in gcloud from call index `from` on. */
    public double gcloudSeconds(int from) throws IOException {
        if (!real()) return Double.NaN;
        List<RealGcloud.Call> c = gcloud.calls();
        return c.subList(from, c.size()).stream().mapToDouble(RealGcloud.Call::seconds).sum();
    }

    /** The address and SSH host key fingerprint of a VM (by instance name). */
    public String address(String vm) {
        if (machines != null) return machines.address(vm);
        return real() ? vms.sshd(vm).host() : sshd.host();
    }

    public String hostKeyFingerprint(String vm) throws IOException {
        if (machines != null) return machines.hostKeyFingerprint(vm);
        return real() ? vms.sshd(vm).hostKeyFingerprint() : sshd.hostKeyFingerprint();
    }

    public String status(String vm) throws IOException {
        if (real()) {
            JsonNode i = api.instance(vm);
            return i == null ? null : i.path("status").asText();
        }
        String s = java.nio.file.Files.readString(standIn.dir().resolve("state/instances/" + vm));
        return s.contains("TERMINATED") ? "TERMINATED" : "RUNNING";
    }

    /** The one line every GCE test prints: which gcloud ran, against what. */
    public String bench() {
        if (!real()) return "BENCH gce: the stand-in gcloud (the Google Cloud CLI is not installed here)";
        return String.format(Locale.ROOT, "BENCH gce: gcloud %s against the local Compute API, %d requests", version, api.requests().size());
    }

    @Override
    public void close() {
        if (api != null) api.close();
        if (vms != null) vms.close();
        if (machines != null) machines.close();
        if (sshd != null) sshd.close();
    }
}
