package io.failoverlab.cloud.machines;

import io.failoverlab.cloud.Concurrently;
import io.failoverlab.cloud.HostKeyPins;
import io.failoverlab.cloud.LabKeys;
import io.failoverlab.cloud.PhaseTimes;
import io.failoverlab.cloud.Progress;
import io.failoverlab.cloud.Provider;
import io.failoverlab.cloud.Provisioned;
import io.failoverlab.cloud.SshWait;
import io.failoverlab.lab.HostSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.Layout;
import io.failoverlab.lab.MachinesSettings;
import io.failoverlab.remote.Command;
import io.failoverlab.remote.KnownHostsFile;
import io.failoverlab.remote.SshShell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Machines on this computer": Debian machines booted with systemd-nspawn, one per role or one for
 * all, each in its own network namespace on the lab's bridge with its own sshd (docs/architecture.md,
 * "Machines"). Needs Linux; its root work goes through RootCommands (sudo when the app is not root). What a lab made lives in STATE/&lt;lab id&gt;/ and outlives the app,
 * so every verb finds the same machines; the images are cached apart and kept when a lab goes.
 */
public final class MachinesProvider implements Provider {
    public static final Path DEFAULT_STATE = Path.of("/var/lib/failover-lab/machines");
    public static final Path DEFAULT_IMAGES = Path.of("/var/cache/failover-lab/images");
    /** The apt proxy's stop, a task beside the machines' deletion (no host id has a space). */
    private static final String APT_PROXY_TASK = "apt proxy";
    private final Path keysDir;
    private final Path knownHosts;
    private final KnownHostsFile.FirstContact firstContact;

    public MachinesProvider(Path keysDir, Path knownHosts, KnownHostsFile.FirstContact firstContact) {
        this.keysDir = keysDir;
        this.knownHosts = knownHosts;
        this.firstContact = firstContact == null ? KnownHostsFile.FirstContact.NONE : firstContact;
    }

    @Override
    public String kind() { return "machines"; }

    public static MachinesSettings settings(LabSpec lab) {
        if (lab.machines == null) throw new LabException(Msg.of("machines.noSettings", lab.name));
        return lab.machines;
    }

    public static Path imageCache(MachinesSettings s) {
        if (s.imageCache != null) return Path.of(s.imageCache);
        String env = System.getenv("FAILOVER_LAB_IMAGE_CACHE");
        return env != null && !env.isBlank() ? Path.of(env) : DEFAULT_IMAGES;
    }

    static Path labDir(LabSpec lab) {
        MachinesSettings s = settings(lab);
        return (s.stateDir == null ? DEFAULT_STATE : Path.of(s.stateDir)).resolve(lab.labId());
    }

    public static DebianImage images(MachinesSettings s) { return new DebianImage(imageCache(s), DebianImage.hostMirror()); }

    @Override
    public Provisioned provision(LabSpec lab, Progress progress) {
        MachinesSettings s = settings(lab);
        Preflight.check(s, lab.installPackages, line -> progress.report(0.0, Msg.of("progress.aptGet", line)));
        MachinesSettings.Release release = s.release();
        PhaseTimes phases = new PhaseTimes();
        Path plain = images(s).ensure(release, progress.part(0, 0.2));
        phases.lap("image");
        LabState state = LabState.open(labDir(lab), s.subnet);
        LabNetwork net = state.network();
        List<String> hostIds = s.layout.hostIds(lab);
        progress.report(0.22, Msg.of("progress.labNetwork", net.cidr(), net.bridge()));
        net.create(hostIds);
        aptProxy(state.dir(), s).ensureRunning(net.hostAddress());
        String publicKey = LabKeys.ensure(keysDir, lab, s.user);
        phases.lap("network");
        Path image = diskImage(lab, s, plain, net, progress.part(0.25, 0.35));
        phases.lap("baking");
        Map<String, String> names = names(hostIds, net);
        Map<String, Machine> machines = new LinkedHashMap<>();
        for (String id : hostIds) machines.put(id, state.machine(lab, id));
        List<String> toMake = hostIds.stream().filter(id -> !machines.get(id).exists()).toList();
        if (!toMake.isEmpty()) progress.report(0.62, Msg.of("progress.makingMachine", String.join(", ", toMake), s.debian));
        Path lower = image;
        Map<String, String> hostKeys = Concurrently.byId(toMake, id -> MachineDisk.make(lower, machines.get(id),
                new MachineDisk.Setup(id, s.user, publicKey, net.hostAddress(), net.hostAddress(), net.cidr(), names),
                why -> progress.report(0.62, Msg.of("progress.diskCopy", id, why))));
        KnownHostsFile pins = new KnownHostsFile(knownHosts, null);
        // pinned before the first contact: the keys were made here, not learnt over the network
        hostKeys.forEach((id, key) -> HostKeyPins.pinKey(pins, state.instanceId(id), key));
        phases.lap("disk");
        List<String> toBoot = hostIds.stream().filter(id -> !machines.get(id).running()).toList();
        progress.report(0.66, Msg.of("progress.bootingMachines", String.join(", ", toBoot)));
        Concurrently.byId(toBoot, id -> {
            machines.get(id).boot();
            return id;
        });
        phases.lap("boot");
        List<HostSpec> hosts = new ArrayList<>();
        for (int i = 0; i < hostIds.size(); i++) {
            String id = hostIds.get(i);
            hosts.add(host(state, lab, s, id, net.address(i)));
        }
        Map<String, HostSpec> byId = new LinkedHashMap<>();
        hosts.forEach(h -> byId.put(h.id, h));
        Concurrently.byId(hostIds, id -> {
            int i = hostIds.indexOf(id);
            awaitSsh(state, lab, byId.get(id), s, progress.part(0.7 + 0.3 * i / hostIds.size(), 0.3 / hostIds.size()));
            return id;
        });
        phases.lap("ssh");
        long diskMb = machines.values().stream().mapToLong(Machine::diskMegabytes).max().orElse(0);
        lab.hosts.clear();
        lab.hosts.addAll(hosts);
        s.layout.assign(lab);
        return new Provisioned(List.copyOf(hosts), s.layout, Msg.of("machines.provisioned", hosts.size(), s.debian, s.layout.id(),
                net.cidr(), toMake.size(), toBoot.size(), phases.total(), phases.of("image"), phases.of("network"), phases.of("disk"),
                phases.of("boot"), phases.of("ssh"), phases.of("baking"), diskMb));
    }

    /**
     * A dead machine replaced, as a cloud replaces a dead VM: the old one is powered off and deleted
     * with its disk and its host key pin, and a new one is made from the image in its place (same
     * name, namespace and address; a new disk and host key, pinned before the first contact), booted,
     * and waited for. No other machine is touched, whether on or off.
     */
    @Override
    public void replaceMachine(LabSpec lab, String hostId, Progress progress) {
        MachinesSettings s = settings(lab);
        Machine old = existing(lab, hostId);
        LabState state = LabState.open(labDir(lab), s.subnet);
        KnownHostsFile pins = new KnownHostsFile(knownHosts, null);
        progress.report(0.05, Msg.of("progress.deletingMachine", hostId));
        pins.remove(state.instanceId(hostId), null);
        old.delete();
        List<String> hostIds = s.layout.hostIds(lab);
        LabNetwork net = state.network();
        net.create(hostIds); // keeps what exists: the namespace and its address outlive the machine
        aptProxy(state.dir(), s).ensureRunning(net.hostAddress());
        Path image = diskImage(lab, s, images(s).ensure(s.release(), progress.part(0.1, 0.1)), net, progress.part(0.2, 0.1));
        progress.report(0.35, Msg.of("progress.makingMachine", hostId, s.debian));
        Machine m = state.machine(lab, hostId);
        String hostKey = MachineDisk.make(image, m, new MachineDisk.Setup(hostId, s.user, LabKeys.ensure(keysDir, lab, s.user),
                net.hostAddress(), net.hostAddress(), net.cidr(), names(hostIds, net)),
                why -> progress.report(0.4, Msg.of("progress.diskCopy", hostId, why)));
        HostKeyPins.pinKey(pins, state.instanceId(hostId), hostKey);
        m.boot();
        HostSpec h = host(state, lab, s, hostId, net.address(hostIds.indexOf(hostId)));
        awaitSsh(state, lab, h, s, progress.part(0.7, 0.3));
        int at = lab.hosts.indexOf(lab.host(hostId).orElse(null));
        if (at >= 0) lab.hosts.set(at, h); else lab.hosts.add(h);
    }

    /** The image a new disk is layered over: the one with the packages baked in where the lab installs Debian's own packages. */
    private Path diskImage(LabSpec lab, MachinesSettings s, Path plain, LabNetwork net, Progress progress) {
        // the installer then finds everything in place; a lab of another source installs on the plain image
        if (!BakedImage.fits(lab, s.release())) return plain;
        return new BakedImage(imageCache(s)).ensure(s.release(), plain, net.hostAddress(), progress).dir();
    }

    /** Each lab machine's hostname → its address, for every machine's /etc/hosts. */
    private static Map<String, String> names(List<String> hostIds, LabNetwork net) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < hostIds.size(); i++) names.put(hostIds.get(i), net.address(i));
        return names;
    }

    /** The lab's host on a machine: reached over SSH at its bridge address, its key pinned under its instance id. */
    private HostSpec host(LabState state, LabSpec lab, MachinesSettings s, String hostId, String address) {
        HostSpec h = HostSpec.ssh(hostId, address, 22, s.user, LabKeys.file(keysDir, lab).toString());
        h.instanceId = state.instanceId(hostId);
        return h;
    }

    /** The lab's apt proxy (its folder in the lab's state; the package cache shared by every lab). */
    private static AptProxy aptProxy(Path labDir, MachinesSettings s) {
        return new AptProxy(labDir.resolve("apt-proxy"), imageCache(s).resolveSibling("apt"), DebianImage.hostMirror());
    }

    private void awaitSsh(LabState state, LabSpec lab, HostSpec h, MachinesSettings s, Progress progress) {
        try {
            new SshWait(knownHosts, firstContact).await(h, Duration.ofSeconds(s.bootWaitSeconds), progress);
        } catch (LabException e) {
            Machine m = state.machine(lab, h.id);
            throw new LabException(Msg.of(m.running() ? "machines.noSsh" : "machines.noSshNotRunning", h.id, s.bootWaitSeconds,
                    String.join(" | ", m.consoleTail(6))));
        }
    }

    /** Every machine of the lab by host id: "running", "off", or "missing" (not made yet). */
    public Map<String, String> machineStates(LabSpec lab) {
        Map<String, String> out = new LinkedHashMap<>();
        MachinesSettings s = settings(lab);
        Path dir = labDir(lab);
        for (String id : s.layout.hostIds(lab)) {
            if (!Files.isDirectory(dir)) {
                out.put(id, "missing");
                continue;
            }
            Machine m = LabState.open(dir, s.subnet).machine(lab, id);
            out.put(id, !m.exists() ? "missing" : m.running() ? "running" : "off");
        }
        return out;
    }

    @Override
    public List<String> resources(LabSpec lab) {
        List<String> out = new ArrayList<>();
        machineStates(lab).forEach((id, st) -> {
            if (!"missing".equals(st)) out.add("machine " + id + " (" + st + ")");
        });
        Path dir = labDir(lab);
        if (Files.isDirectory(dir)) {
            LabNetwork net = LabState.open(dir, settings(lab).subnet).network();
            out.add("network " + net.cidr() + " (bridge " + net.bridge() + ", one namespace per machine)");
        }
        return out;
    }

    @Override
    public boolean running(LabSpec lab, String hostId) {
        return "running".equals(machineStates(lab).get(hostId));
    }

    /** One look at every machine (running() looks at all of them for one answer). */
    @Override
    public Map<String, Boolean> runningStates(LabSpec lab) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        machineStates(lab).forEach((id, st) -> out.put(id, "running".equals(st)));
        return out;
    }

    /** The power cut of `kill-primary --mode vm`: the machine's whole process tree dies at once. */
    @Override
    public void stop(LabSpec lab, String hostId) {
        Machine m = existing(lab, hostId);
        if (!m.powerOff()) throw new LabException(Msg.of("machines.alreadyOff", hostId));
    }

    /** Power on: boots the machine and waits until SSH answers; its keepers start by themselves (enabled units). */
    @Override
    public void start(LabSpec lab, String hostId) {
        Machine m = existing(lab, hostId);
        m.boot();
        LabState state = LabState.open(labDir(lab), settings(lab).subnet);
        HostSpec h = lab.host(hostId).orElseThrow(() -> new LabException(Msg.of("machines.noHost", lab.name, hostId)));
        awaitSsh(state, lab, h, settings(lab), Progress.NONE);
    }

    /** A clean reboot through systemd: the machine goes down and comes back by itself. Returns once it is back. */
    @Override
    public void reboot(LabSpec lab, String hostId) {
        HostSpec h = lab.host(hostId).orElseThrow(() -> new LabException(Msg.of("machines.noHost", lab.name, hostId)));
        Machine m = existing(lab, hostId);
        if (!m.running()) throw new LabException(Msg.of("machines.offNoReboot", hostId));
        try (SshShell sh = SshShell.of(h, null, knownHosts, firstContact)) {
            // the connection drops as sshd stops: the exit code of this command is not an answer
            sh.run(Command.asRoot("systemctl reboot").timeout(Duration.ofSeconds(20)));
        } catch (IOException | RuntimeException dropped) {
            // expected: the machine is going down
        }
        awaitSsh(LabState.open(labDir(lab), settings(lab).subnet), lab, h, settings(lab), Progress.NONE);
    }

    private Machine existing(LabSpec lab, String hostId) {
        Path dir = labDir(lab);
        Machine m = LabState.open(dir, settings(lab).subnet).machine(lab, hostId);
        if (!m.exists()) throw new LabException(Msg.of("machines.notYet", lab.name, hostId));
        return m;
    }

    @Override
    public List<String> destroy(LabSpec lab, Progress progress) {
        MachinesSettings s = settings(lab);
        Path dir = labDir(lab);
        List<String> gone = new ArrayList<>();
        PhaseTimes phases = new PhaseTimes();
        double[] proxySeconds = {0};
        if (Files.isDirectory(dir)) {
            LabState state = LabState.open(dir, s.subnet);
            List<String> ids = state.machineIds();
            KnownHostsFile pins = new KnownHostsFile(knownHosts, null);
            for (String id : ids) pins.remove(state.instanceId(id), null);
            progress.report(0.1, Msg.of("progress.deletingMachine", String.join(", ", ids)));
            // a power cut, an unmount and a small layer each, and the proxy's stop: all at once
            List<String> tasks = new ArrayList<>(ids);
            tasks.add(APT_PROXY_TASK);
            Map<String, Double> seconds = Concurrently.byId(tasks, id -> {
                long t0 = System.nanoTime();
                if (id.equals(APT_PROXY_TASK)) {
                    aptProxy(dir, s).stop();
                } else {
                    state.machine(lab, id).delete();
                }
                return (System.nanoTime() - t0) / 1e9;
            });
            ids.forEach(id -> gone.add("machine " + id));
            proxySeconds[0] = seconds.get(APT_PROXY_TASK);
            phases.lap("machines");
            // the namespaces are made for every host before any machine folder: a lab that failed
            // half way has namespaces and no machines
            List<String> netIds = new ArrayList<>(s.layout.hostIds(lab));
            ids.stream().filter(id -> !netIds.contains(id)).forEach(netIds::add);
            gone.addAll(state.network().destroy(netIds));
            RootCommands.run(Duration.ofMinutes(2), "rm", "-rf", "--one-file-system", dir.toString());
            phases.lap("network");
        }
        LabKeys.delete(keysDir, lab);
        lab.hosts.clear();
        progress.report(1, gone.isEmpty() ? Msg.of("progress.nothingToDelete") : Msg.of("progress.deletedMachines", gone.size(),
                phases.total(), phases.of("machines"), proxySeconds[0], phases.of("network")));
        return gone;
    }

    /** Wraps an unchecked I/O failure of the state folder in one sentence. */
    static UncheckedIOException stateError(Path dir, IOException e) {
        return new UncheckedIOException("Cannot read or write the machines' state in " + dir + ".", e);
    }
}
