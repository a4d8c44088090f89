package io.failoverlab.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.Layout;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the GCE tests' gcloud and VMs come from. With the Google Cloud CLI installed: the real
 * gcloud (private config) against a {@link LocalComputeApi} whose VMs are network namespaces
 * with their own sshd ({@link NetnsVms}). Without it: the stand-in gcloud script, whose "VMs" are
 * one local sshd. Tests assert through this class what both can show, and more where real.
 */
public final class GceFixture implements AutoCloseable {
    private final Path dir;
    private NetnsVms vms;
    private LocalComputeApi api;
    private RealGcloud gcloud;
    private Sshd sshd;
    private StandInGcloud standIn;
    private String version;

    private GceFixture(Path dir) { this.dir = dir; }

    /** latency/createLatency: the stand-in's sleep per call (the real gcloud has its own cost). */
    public static GceFixture start(Path dir, double latency, double createLatency) throws IOException {
        GceFixture f = new GceFixture(dir);
        try {
            // -Dgce.standIn=true runs the stand-in even where gcloud is installed (to check that path)
            if (RealGcloud.installed() != null && !Boolean.getBoolean("gce.standIn")) {
                f.vms = NetnsVms.create();
                f.api = LocalComputeApi.start(f.vms, RealGcloud.TOKEN);
                f.api.publicAddress(f.vms.clientAddress());
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

    public NetnsVms vms() { return vms; }

    public RealGcloud realGcloud() { return gcloud; }

    public StandInGcloud standIn() { return standIn; }

    public String gcloudPath() { return real() ? gcloud.path() : standIn.path(); }

    /** The --address-service the app should ask (real: the local API's own, answering this machine's bridge address). */
    public String addressService() { return real() ? "http://127.0.0.1:" + api.port() + "/checkip" : null; }

    /** The address the VMs see the app's connections come from, as the SSH rule's /32. */
    public String clientRange() { return (real() ? vms.clientAddress() : "127.0.0.1") + "/32"; }

    /** A gce lab profile for these VMs (the login is the sshd's own user, root here). */
    public LabSpec lab(String name, Layout layout, Path dataRoot) {
        if (!real()) return GceLabs.lab(name, layout, sshd, dataRoot);
        LabSpec lab = GceLabs.lab(name, layout, null, dataRoot);
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
    public String address(String vm) { return real() ? vms.sshd(vm).host() : sshd.host(); }

    public String hostKeyFingerprint(String vm) throws IOException {
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
        if (sshd != null) sshd.close();
    }
}
