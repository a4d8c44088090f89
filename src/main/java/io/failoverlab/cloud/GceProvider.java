package io.failoverlab.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.failoverlab.lab.GceSettings;
import io.failoverlab.lab.HostSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabValidator;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.Layout;
import io.failoverlab.remote.KnownHostsFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Google Compute Engine through the gcloud CLI (the user's own login; the app keeps no cloud
 * secret). All VMs of a lab are created in one call, labelled failover-lab=&lt;lab id&gt;, with the
 * lab's own ed25519 key in their metadata, OS Login off and guest attributes on, so each VM's SSH
 * host key is pinned under its instance id before the first connection.
 */
public final class GceProvider implements Provider {
    private final Gcloud gcloud;
    private final Path keysDir;
    private final Path knownHosts;
    private final KnownHostsFile.FirstContact firstContact;
    private final URI addressService;
    private final String projectOverride;

    /**
     * @param keysDir    where the labs' private keys live (mode 600), referenced from profiles by path
     * @param knownHosts the app's known_hosts, which the engine's SSH shells use too
     * @param project    the project for listing labs when no lab is given (null = gcloud's configured one)
     */
    public GceProvider(Gcloud gcloud, Path keysDir, Path knownHosts, KnownHostsFile.FirstContact firstContact,
                       URI addressService, String project) {
        this.gcloud = gcloud;
        this.keysDir = keysDir;
        this.knownHosts = knownHosts;
        this.firstContact = firstContact == null ? KnownHostsFile.FirstContact.NONE : firstContact;
        this.addressService = addressService == null ? PublicAddress.DEFAULT_SERVICE : addressService;
        this.projectOverride = project;
    }

    @Override
    public String kind() { return "gce"; }

    /**
     * Independent gcloud calls run at once, in rounds: the checks with the listings (VMs, rules);
     * the instances (one create call for all); the firewall rules with each VM's host keys; each
     * VM's SSH. The step's message gives each round's seconds.
     */
    @Override
    public Provisioned provision(LabSpec lab, Progress progress) {
        GceSettings s = settings(lab);
        List<String> badNames = GceNames.problems(lab, s.layout.hostIds(lab));
        if (!badNames.isEmpty()) throw new LabException(String.join(" ", badNames));
        String project = project(s);
        PhaseTimes phases = new PhaseTimes();
        progress.report(0.02, Msg.of("progress.gceChecking", s.machineType, s.zone, s.image));
        Layout layout = s.layout;
        List<String> hostIds = layout.hostIds(lab);
        List<String> names = GceNames.vms(lab, hostIds);
        List<List<GceInstance>> listed = new ArrayList<>(List.of(List.of()));
        List<List<JsonNode>> rules = new ArrayList<>(List.of(List.of()));
        GceFirewall firewall = new GceFirewall(gcloud, project);
        Concurrently.run(() -> precheck(s, project), () -> listed.set(0, listLab(project, lab.labId())),
                () -> rules.set(0, firewall.list(lab)));
        Map<String, GceInstance> existing = new LinkedHashMap<>();
        for (GceInstance i : listed.get(0)) existing.put(i.name(), i);
        String keyLine = ensureKey(lab, s);
        phases.lap("check");
        List<String> missing = names.stream().filter(n -> !existing.containsKey(n)).toList();
        Progress told = Concurrently.serialized(progress);
        Map<String, GceInstance> vms = instances(lab, s, project, existing, missing, keyLine, told);
        phases.lap("instances");
        List<HostSpec> hosts = new ArrayList<>();
        for (String hostId : hostIds) {
            GceInstance vm = vms.get(GceNames.vm(lab, hostId));
            if (vm == null || vm.natIp() == null) {
                throw new LabException(Msg.of("gce.noAddress", GceNames.vm(lab, hostId)));
            }
            hosts.add(host(lab, s, hostId, vm));
        }
        // the rules come after the VMs (a failed create leaves nothing), while the guest agents publish the host keys
        Msg[] fw = new Msg[1];
        double[] fwSeconds = new double[1];
        int[] pinned = new int[1];
        KnownHostsFile repo = new KnownHostsFile(knownHosts, null);
        Concurrently.run(() -> {
            long t0 = System.nanoTime();
            told.report(0.45, Msg.of("progress.gceFirewall"));
            String sshFrom = s.sshFrom != null ? s.sshFrom : PublicAddress.detect(addressService);
            fw[0] = firewall.ensure(lab, sshFrom, layout, rules.get(0));
            fwSeconds[0] = (System.nanoTime() - t0) / 1e9;
        }, () -> pinned[0] = Concurrently.map(hosts, h -> pinHostKeys(s, project, lab, h, repo, told)).stream()
                .mapToInt(Integer::intValue).sum());
        phases.lap("host keys");
        SshWait wait = new SshWait(knownHosts, firstContact);
        Concurrently.map(hosts, h -> {
            wait.await(h, Duration.ofSeconds(s.sshWaitSeconds), told.part(0.6, 0.4));
            return h;
        });
        phases.lap("SSH");
        lab.hosts.clear();
        lab.hosts.addAll(hosts);
        layout.assign(lab);
        Msg made = missing.isEmpty() ? Msg.of("gce.allExisted") : Msg.of("gce.created", missing.size());
        return new Provisioned(List.copyOf(hosts), layout, Msg.of("gce.provisioned", hosts.size(), s.zone, layout.id(), made,
                fw[0], pinned[0], phases.total(), phases.of("check"), phases.of("instances"), phases.of("host keys"), fwSeconds[0],
                phases.of("SSH")));
    }

    /** Creates the missing VMs (one call for all) and starts the stopped ones (one call); the lab's VMs as they are then. */
    private Map<String, GceInstance> instances(LabSpec lab, GceSettings s, String project, Map<String, GceInstance> existing,
                                               List<String> missing, String keyLine, Progress progress) {
        Map<String, GceInstance> vms = new LinkedHashMap<>(existing);
        List<String> stopped = existing.values().stream().filter(i -> !i.running()).map(GceInstance::name).toList();
        if (!missing.isEmpty()) {
            progress.report(0.1, Msg.of("progress.gceCreating", String.join(", ", missing), s.zone));
            for (GceInstance i : create(lab, s, project, missing, keyLine)) vms.put(i.name(), i);
        }
        if (!stopped.isEmpty()) {
            progress.report(0.35, Msg.of("progress.gceStarting", String.join(", ", stopped)));
            instanceCall("start", stopped, s.zone, project);
            for (GceInstance i : listLab(project, lab.labId())) vms.put(i.name(), i);
        }
        return vms;
    }

    /** The lab's host on a VM: its external address for SSH, its internal one for the lab, its instance id as the host key's alias. */
    private HostSpec host(LabSpec lab, GceSettings s, String hostId, GceInstance vm) {
        HostSpec h = HostSpec.ssh(hostId, vm.natIp(), s.sshPort, s.user, keyFile(lab).toString());
        h.instanceId = vm.id();
        h.internalAddress = vm.internalIp();
        return h;
    }

    /**
     * A dead VM replaced: `instances delete`, then `instances create` of a new one with the same
     * name, tags and key (a new boot disk, addresses and instance id); its host keys are pinned from
     * the guest attributes before the first contact and the method returns once SSH answers. No
     * other VM is touched.
     */
    @Override
    public void replaceMachine(LabSpec lab, String hostId, Progress progress) {
        GceSettings s = settings(lab);
        String project = project(s);
        String name = GceNames.vm(lab, hostId);
        progress.report(0.05, Msg.of("progress.gceDeletingVms", name));
        instanceCall("delete", List.of(name), s.zone, project);
        lab.host(hostId).ifPresent(old -> new KnownHostsFile(knownHosts, null).remove(old.instanceId, null));
        progress.report(0.3, Msg.of("progress.gceCreating", name, s.zone));
        GceInstance vm = create(lab, s, project, List.of(name), ensureKey(lab, s)).get(0);
        if (vm.natIp() == null) throw new LabException(Msg.of("gce.noAddress", name));
        HostSpec h = host(lab, s, hostId, vm);
        pinHostKeys(s, project, lab, h, new KnownHostsFile(knownHosts, null), progress);
        new SshWait(knownHosts, firstContact).await(h, Duration.ofSeconds(s.sshWaitSeconds), progress.part(0.6, 0.4));
        int at = lab.hosts.indexOf(lab.host(hostId).orElse(null));
        if (at >= 0) lab.hosts.set(at, h); else lab.hosts.add(h);
    }

    /** gcloud fails early and clearly here (login, project, API, zone, machine type, image) before anything is created. */
    void precheck(GceSettings s, String project) {
        Concurrently.run(
                () -> gcloud.json(List.of("compute", "machine-types", "describe", s.machineType, "--zone=" + s.zone, "--project=" + project)),
                () -> gcloud.json(List.of("compute", "images", "describe-from-family", s.image, "--project=" + s.imageProject())));
    }

    private List<GceInstance> create(LabSpec lab, GceSettings s, String project, List<String> names, String keyLine) {
        Path sshKeys = null;
        try {
            // A file, not --metadata=ssh-keys=...: the key line holds spaces and gcloud splits dict flags on commas.
            sshKeys = Files.createTempFile("failover-lab-ssh-keys", ".txt");
            Files.writeString(sshKeys, s.user + ":" + keyLine + "\n");
            List<String> args = new ArrayList<>(List.of("compute", "instances", "create"));
            args.addAll(names);
            args.addAll(List.of("--project=" + project, "--zone=" + s.zone, "--machine-type=" + s.machineType,
                    "--image-family=" + s.image, "--image-project=" + s.imageProject(),
                    "--boot-disk-size=" + s.bootDiskGb + "GB", "--boot-disk-type=" + s.diskType,
                    "--network=" + s.network, "--tags=" + GceNames.tag(lab),
                    "--labels=" + GceNames.LABEL + "=" + lab.labId(),
                    "--metadata=enable-oslogin=FALSE,enable-guest-attributes=TRUE,block-project-ssh-keys=TRUE",
                    "--metadata-from-file=ssh-keys=" + sshKeys));
            return GceInstance.listOf(gcloud.json(args));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the SSH key metadata file.", e);
        } finally {
            deleteQuietly(sshKeys);
        }
    }

    /** One VM's host keys from its guest attributes, polled: the guest agent publishes them a few seconds after boot. */
    private int pinHostKeys(GceSettings s, String project, LabSpec lab, HostSpec h, KnownHostsFile repo, Progress progress) {
        progress.report(0.55, Msg.of("progress.gceHostKeys", h.id));
        long deadline = System.nanoTime() + Duration.ofSeconds(Math.min(90, s.sshWaitSeconds)).toNanos();
        int n = 0;
        while (true) {
            try {
                n = HostKeyPins.pin(repo, h.instanceId, gcloud.json(List.of("compute", "instances", "get-guest-attributes",
                        GceNames.vm(lab, h.id), "--zone=" + s.zone, "--project=" + project, "--query-path=hostkeys/")));
            } catch (LabException notYet) {
                // not published yet
            }
            if (n > 0 || System.nanoTime() > deadline) break;
            sleep(3000);
        }
        if (n == 0) {
            progress.report(0.58, Msg.of("progress.gceNoHostKeys", h.id));
        }
        return n;
    }

    @Override
    public List<String> destroy(LabSpec lab, Progress progress) {
        GceSettings s = settings(lab);
        String project = project(s);
        List<GceInstance> vms = listLab(project, lab.labId());
        List<String> gone = new ArrayList<>();
        Map<String, List<String>> byZone = new TreeMap<>();
        for (GceInstance i : vms) byZone.computeIfAbsent(i.zone(), z -> new ArrayList<>()).add(i.name());
        progress.report(0.1, vms.isEmpty() ? Msg.of("progress.gceNoVms", GceNames.LABEL + "=" + lab.labId())
                : Msg.of("progress.gceDeletingVms", String.join(", ", vms.stream().map(GceInstance::name).toList())));
        byZone.forEach((zone, names) -> {
            instanceCall("delete", names, zone, project);
            names.forEach(n -> gone.add("instance " + n));
        });
        progress.report(0.7, Msg.of("progress.gceDeletingRules"));
        for (String r : new GceFirewall(gcloud, project).delete(lab)) gone.add("firewall rule " + r);
        KnownHostsFile repo = new KnownHostsFile(knownHosts, null);
        for (GceInstance i : vms) repo.remove(i.id(), null); // those instance ids never come back
        LabKeys.delete(keysDir, lab);
        if (lab.isCloud()) lab.hosts.clear();
        progress.report(1, gone.isEmpty() ? Msg.of("progress.nothingToDelete") : Msg.of("progress.deletedResources", gone.size()));
        return gone;
    }

    @Override
    public List<String> resources(LabSpec lab) {
        String project = project(settings(lab));
        List<String> out = new ArrayList<>();
        for (GceInstance i : listLab(project, lab.labId())) out.add("instance " + i.name() + " (" + i.zone() + ", " + i.status() + ")");
        for (JsonNode r : new GceFirewall(gcloud, project).list(lab)) out.add("firewall rule " + r.path("name").asText());
        return out;
    }

    @Override
    public List<CloudLab> list() { return list(null); }

    /** Every lab in the project, found by its label; cost from the template settings (or defaults). */
    public List<CloudLab> list(GceSettings template) {
        String project = project(template == null ? new GceSettings() : template);
        JsonNode all = gcloud.json(List.of("compute", "instances", "list", "--project=" + project,
                "--filter=labels." + GceNames.LABEL + ":*"));
        Map<String, List<GceInstance>> byLab = new TreeMap<>();
        for (GceInstance i : GceInstance.listOf(all)) {
            String id = i.label(GceNames.LABEL);
            if (id != null) byLab.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
        }
        List<CloudLab> labs = new ArrayList<>();
        Instant now = Instant.now();
        byLab.forEach((id, vms) -> labs.add(summarize(id, project, vms, template, now)));
        return labs;
    }

    static CloudLab summarize(String id, String project, List<GceInstance> vms, GceSettings template, Instant now) {
        GceSettings s = template == null ? new GceSettings() : template.copy();
        s.machineType = vms.get(0).machineType();
        s.zone = vms.get(0).zone();
        OffsetDateTime created = vms.stream().map(GceInstance::created).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        long running = vms.stream().filter(GceInstance::running).count();
        CostEstimate c = CostEstimate.of(s, (int) running);
        return new CloudLab(id, project, List.copyOf(vms), created, c.perHour(), c.totalSince(created, now),
                running > 0 && CostEstimate.reminderDue(created, now, s.reminderHours));
    }

    @Override
    public void stop(LabSpec lab, String hostId) {
        GceSettings s = settings(lab);
        instanceCall("stop", List.of(GceNames.vm(lab, hostId)), s.zone, project(s));
    }

    /** Starts the VM again; its external address may change, so the host's address is updated. */
    @Override
    public void start(LabSpec lab, String hostId) {
        GceSettings s = settings(lab);
        String project = project(s);
        instanceCall("start", List.of(GceNames.vm(lab, hostId)), s.zone, project);
        for (GceInstance i : listLab(project, lab.labId())) {
            if (i.name().equals(GceNames.vm(lab, hostId)) && i.natIp() != null) {
                lab.host(hostId).ifPresent(h -> h.address = i.natIp());
            }
        }
        // MachinePower's promise: back once SSH answers (a VM boots for a while after RUNNING)
        lab.host(hostId).ifPresent(h -> new SshWait(knownHosts, firstContact).await(h, Duration.ofSeconds(s.sshWaitSeconds), (f, t) -> { }));
    }

    /** Whether the VM is RUNNING now (a stopped one is TERMINATED); a VM that is gone is not running. */
    @Override
    public boolean running(LabSpec lab, String hostId) {
        String name = GceNames.vm(lab, hostId);
        return listLab(project(settings(lab)), lab.labId()).stream().anyMatch(i -> i.name().equals(name) && i.running());
    }

    /** One gcloud call for every VM of the lab. */
    @Override
    public Map<String, Boolean> runningStates(LabSpec lab) {
        List<GceInstance> vms = listLab(project(settings(lab)), lab.labId());
        Map<String, Boolean> out = new java.util.LinkedHashMap<>();
        for (io.failoverlab.lab.InstanceSpec i : lab.instances()) {
            String name = GceNames.vm(lab, i.host);
            out.computeIfAbsent(i.host, h -> vms.stream().anyMatch(v -> v.name().equals(name) && v.running()));
        }
        return out;
    }

    /** Exactly the lab's VMs: the label filter runs in gcloud, and again here on the exact value. */
    List<GceInstance> listLab(String project, String labId) {
        JsonNode all = gcloud.json(List.of("compute", "instances", "list", "--project=" + project,
                "--filter=labels." + GceNames.LABEL + "=" + labId));
        return GceInstance.listOf(all).stream().filter(i -> labId.equals(i.label(GceNames.LABEL))).toList();
    }

    private void instanceCall(String verb, List<String> names, String zone, String project) {
        List<String> args = new ArrayList<>(List.of("compute", "instances", verb));
        args.addAll(names);
        args.add("--zone=" + zone);
        args.add("--project=" + project);
        gcloud.json(args);
    }

    private static GceSettings settings(LabSpec lab) {
        if (lab.gce == null) throw new LabException(Msg.of("gce.noSettings", lab.name));
        List<Msg> p = lab.gce.messages();
        if (!p.isEmpty()) throw new LabException(LabValidator.sentences(p));
        return lab.gce;
    }

    /** The lab's project, else gcloud's configured one (config get-value exits 0 and prints nothing when unset). */
    String project(GceSettings s) {
        if (s.project != null) return s.project;
        if (projectOverride != null) return projectOverride;
        JsonNode v = gcloud.json(List.of("config", "get-value", "project"));
        String p = v.isTextual() ? v.asText().strip() : "";
        if (p.isEmpty()) {
            throw new LabException(Msg.of("gce.noProject"));
        }
        return p;
    }

    public Path keyFile(LabSpec lab) { return LabKeys.file(keysDir, lab); }

    private String ensureKey(LabSpec lab, GceSettings s) { return LabKeys.ensure(keysDir, lab, s.user); }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException(Msg.of("gce.interrupted"));
        }
    }
}
