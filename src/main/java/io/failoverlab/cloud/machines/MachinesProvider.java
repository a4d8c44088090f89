package io.failoverlab.cloud.machines;

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
 * "Machines"). Needs Linux and root. What a lab made lives in STATE/&lt;lab id&gt;/ and outlives the app,
 * so every verb finds the same machines; the images are cached apart and kept when a lab goes.
 */
public final class MachinesProvider implements Provider {
    public static final Path DEFAULT_STATE = Path.of("/var/lib/failover-lab/machines");
    public static final Path DEFAULT_IMAGES = Path.of("/var/cache/failover-lab/images");
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
        Path image = images(s).ensure(release, progress.part(0, 0.3));
        phases.lap("image");
        LabState state = LabState.open(labDir(lab), s.subnet);
        LabNetwork net = state.network();
        List<String> hostIds = s.layout.hostIds(lab);
        progress.report(0.32, Msg.of("progress.labNetwork", net.cidr(), net.bridge()));
        net.create(hostIds);
        new AptProxy(state.dir().resolve("apt-proxy"), imageCache(s).resolveSibling("apt"), DebianImage.hostMirror())
                .ensureRunning(net.hostAddress());
        String publicKey = LabKeys.ensure(keysDir, lab, s.user);
        phases.lap("network");
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < hostIds.size(); i++) names.put(hostIds.get(i), net.address(i));
        KnownHostsFile pins = new KnownHostsFile(knownHosts, null);
        List<HostSpec> hosts = new ArrayList<>();
        int made = 0;
        int booted = 0;
        for (int i = 0; i < hostIds.size(); i++) {
            String id = hostIds.get(i);
            Machine m = state.machine(lab, id);
            if (!m.exists()) {
                progress.report(0.35 + 0.3 * i / hostIds.size(), Msg.of("progress.makingMachine", id, s.debian));
                String hostKey = MachineDisk.make(image, m, new MachineDisk.Setup(id, s.user, publicKey, net.hostAddress(),
                        net.hostAddress(), net.cidr(), names));
                // pinned before the first contact: the key was made here, not learnt over the network
                HostKeyPins.pinKey(pins, state.instanceId(id), hostKey);
                made++;
            }
            phases.lap("disk");
            if (!m.running()) {
                m.boot();
                booted++;
            }
            phases.lap("boot");
            HostSpec h = HostSpec.ssh(id, net.address(i), 22, s.user, LabKeys.file(keysDir, lab).toString());
            h.instanceId = state.instanceId(id);
            hosts.add(h);
        }
        for (int i = 0; i < hosts.size(); i++) {
            double base = 0.7 + 0.3 * i / hosts.size();
            awaitSsh(state, lab, hosts.get(i), s, progress.part(base, 0.3 / hosts.size()));
        }
        phases.lap("ssh");
        lab.hosts.clear();
        lab.hosts.addAll(hosts);
        s.layout.assign(lab);
        return new Provisioned(List.copyOf(hosts), s.layout, Msg.of("machines.provisioned", hosts.size(), s.debian, s.layout.id(),
                net.cidr(), made, booted, phases.total(), phases.of("image"), phases.of("network"), phases.of("disk"),
                phases.of("boot"), phases.of("ssh")));
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
        if (Files.isDirectory(dir)) {
            LabState state = LabState.open(dir, s.subnet);
            List<String> ids = state.machineIds();
            KnownHostsFile pins = new KnownHostsFile(knownHosts, null);
            for (String id : ids) {
                progress.report(0.1, Msg.of("progress.deletingMachine", id));
                pins.remove(state.instanceId(id), null);
                state.machine(lab, id).delete();
                gone.add("machine " + id);
            }
            new AptProxy(dir.resolve("apt-proxy"), imageCache(s).resolveSibling("apt"), DebianImage.hostMirror()).stop();
            gone.addAll(state.network().destroy(ids));
            RootCommands.run(Duration.ofMinutes(2), "rm", "-rf", "--one-file-system", dir.toString());
        }
        LabKeys.delete(keysDir, lab);
        lab.hosts.clear();
        progress.report(1, gone.isEmpty() ? Msg.of("progress.nothingToDelete") : Msg.of("progress.deletedMachines", gone.size()));
        return gone;
    }

    /** Wraps an unchecked I/O failure of the state folder in one sentence. */
    static UncheckedIOException stateError(Path dir, IOException e) {
        return new UncheckedIOException("Cannot read or write the machines' state in " + dir + ".", e);
    }
}
