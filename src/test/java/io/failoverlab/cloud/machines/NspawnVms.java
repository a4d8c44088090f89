package io.failoverlab.cloud.machines;

import io.failoverlab.cloud.Progress;
import io.failoverlab.lab.MachinesSettings;
import io.failoverlab.testing.VmBacking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * VMs of the local Compute API as machines of the app's own `machines` provider: each a Debian
 * machine booted with systemd-nspawn (systemd as PID 1) from the cached image, in a network namespace
 * on a bridge of its own, made with the provider's code (DebianImage, MachineDisk, LabNetwork,
 * Machine, AptProxy). What the guest agent does on a GCE VM is done when the disk is made: the
 * ssh-keys user gets a login with that key and password-less sudo, and the machine's own host key
 * is what the API publishes as its guest attribute. Power off is the provider's power cut (SIGKILL
 * of the machine's PID 1, the disk stays), power on boots it again at the same address.
 *
 * <p>Lives beside the provider (test code of its package) because the disk and network code is
 * package-private there. Everything it makes is under its own folder, bridge and namespaces (its
 * tag), so {@link #close()} removes exactly that, even after a failure half way.
 */
public final class NspawnVms implements VmBacking {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration CMD = Duration.ofSeconds(30);
    private final Path dir;
    private final Path image;
    private final LabNetwork net;
    private final AptProxy proxy;
    /** Every VM name ever made, in order: a VM's index (its address, its veth) never changes. */
    private final List<String> names = new ArrayList<>();
    private final Map<String, Machine> machines = new LinkedHashMap<>();
    private final Map<String, String> hostKeys = new LinkedHashMap<>();

    private NspawnVms(Path dir, Path image, LabNetwork net, AptProxy proxy) {
        this.dir = dir;
        this.image = image;
        this.net = net;
        this.proxy = proxy;
    }

    /**
     * A bridge and apt proxy of its own, machines made in {@code dir} from the cached image of that
     * Debian release ("12" as GCE's debian-12 family). Needs root and systemd-container.
     */
    public static NspawnVms create(Path dir, String debian) throws IOException {
        MachinesSettings s = new MachinesSettings();
        s.debian = debian;
        Preflight.check(s, true, line -> { });
        Path image = MachinesProvider.images(s).ensure(s.release(), Progress.NONE);
        int seed = RANDOM.nextInt(1 << 20);
        LabNetwork net = new LabNetwork(String.format("%05x", seed), LabNetwork.chooseSubnet(null, seed));
        Files.createDirectories(dir);
        AptProxy proxy = new AptProxy(dir.resolve("apt-proxy"), MachinesProvider.imageCache(s).resolveSibling("apt"), DebianImage.hostMirror());
        NspawnVms vms = new NspawnVms(dir, image, net, proxy);
        try {
            net.create(List.of());
            proxy.ensureRunning(net.hostAddress());
            return vms;
        } catch (RuntimeException e) {
            vms.close();
            throw e;
        }
    }

    /** The bridge's tag: its bridge is flm&lt;tag&gt;, its namespaces flm&lt;tag&gt;-&lt;vm&gt;. */
    public String tag() { return net.tag(); }

    /** This computer's address on the bridge: where the app's SSH connections come from. */
    public String clientAddress() { return net.hostAddress(); }

    public String cidr() { return net.cidr(); }

    /** Where the machines' folders are (what a leftover process or mount would name). */
    public Path dir() { return dir; }

    public synchronized List<String> names() { return new ArrayList<>(machines.keySet()); }

    public synchronized String address(String name) { return net.address(index(name)); }

    /** Whether the VM's machine runs (its supervisor and systemd-nspawn are alive). */
    public synchronized boolean running(String name) {
        Machine m = machines.get(name);
        return m != null && m.running();
    }

    /** Processes left in the VM's network namespace (none after a power cut). */
    public synchronized List<Long> pids(String name) { return net.pids(name); }

    /** The machine's own SSH host key, read from its disk. */
    public synchronized String hostKey(String name) throws IOException {
        return Files.readString(machine(name).root().resolve("etc/ssh/ssh_host_ed25519_key.pub")).strip();
    }

    public synchronized String hostKeyFingerprint(String name) throws IOException {
        String out = RootCommands.run(CMD, "ssh-keygen", "-l", "-E", "sha256", "-f",
                machine(name).root().resolve("etc/ssh/ssh_host_ed25519_key.pub").toString());
        return out.split("\\s+")[1];
    }

    @Override
    public synchronized Vm create(String name, String user, String publicKey) throws Exception {
        if (publicKey == null) throw new IOException("instance " + name + " has no ssh-keys metadata, so nobody could log in");
        if (user == null || user.equals("root")) throw new IOException("instance " + name + ": the guest agent makes a login for a user other than root, not '" + user + "'");
        if (machines.containsKey(name)) throw new IOException("instance " + name + " exists already");
        long t0 = System.nanoTime();
        if (!names.contains(name)) names.add(name);
        net.create(names);
        Machine m = new Machine(dir.resolve(name), machineName(name), net.namespace(name));
        machines.put(name, m);
        Map<String, String> hosts = new LinkedHashMap<>();
        for (String n : machines.keySet()) hosts.put(n, address(n));
        String key = MachineDisk.make(image, m, new MachineDisk.Setup(name, user, publicKey, net.hostAddress(), net.hostAddress(),
                net.cidr(), hosts), why -> System.out.println("NspawnVms: " + name + ": " + why));
        hostKeys.put(name, key);
        m.boot();
        System.out.printf(java.util.Locale.ROOT, "NspawnVms: %s made and booting in %.1f s%n", name, (System.nanoTime() - t0) / 1e9);
        return new Vm(address(name), 22, List.of(key));
    }

    @Override
    public synchronized void powerOff(String name) throws Exception {
        machine(name).powerOff();
    }

    @Override
    public synchronized Vm powerOn(String name) throws Exception {
        Machine m = machine(name);
        m.boot();
        return new Vm(address(name), 22, List.of(hostKeys.get(name)));
    }

    @Override
    public synchronized void delete(String name) throws Exception {
        long t0 = System.nanoTime();
        Machine m = machines.remove(name);
        hostKeys.remove(name);
        if (m != null) m.delete();
        if (RootCommands.succeeds(CMD, "ip", "netns", "exec", net.namespace(name), "true")) {
            RootCommands.run(CMD, "ip", "netns", "del", net.namespace(name));
        }
        System.out.printf(java.util.Locale.ROOT, "NspawnVms: %s deleted (power cut, disk and namespace removed) in %.1f s%n",
                name, (System.nanoTime() - t0) / 1e9);
    }

    /** Every machine left powered off and deleted, the proxy stopped, the namespaces and bridge and folder gone. */
    @Override
    public synchronized void close() {
        for (Machine m : machines.values()) {
            try {
                m.delete();
            } catch (RuntimeException e) {
                System.err.println("NspawnVms: machine " + m.name() + " not deleted: " + e.getMessage());
            }
        }
        machines.clear();
        try {
            proxy.stop();
        } catch (RuntimeException e) {
            System.err.println("NspawnVms: apt proxy not stopped: " + e.getMessage());
        }
        try {
            net.destroy(names);
        } catch (RuntimeException e) {
            System.err.println("NspawnVms: network " + net.bridge() + " not removed: " + e.getMessage());
        }
        try {
            if (Files.exists(dir)) RootCommands.run(Duration.ofMinutes(5), "rm", "-rf", "--one-file-system", dir.toString());
        } catch (RuntimeException e) {
            System.err.println("NspawnVms: " + dir + " not removed: " + e.getMessage());
        }
    }

    private Machine machine(String name) throws IOException {
        Machine m = machines.get(name);
        if (m == null) throw new IOException("no VM " + name);
        return m;
    }

    private int index(String name) {
        int i = names.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no VM " + name);
        return i;
    }

    private String machineName(String name) {
        String n = "gce-" + net.tag() + "-" + name;
        return n.length() > 60 ? n.substring(0, 60) : n;
    }
}
