package io.failoverlab.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * VMs of the local Compute API as network namespaces on one bridge, each with its own real
 * OpenSSH server on port 22 (as MultiHostClusterTest's hosts). They share this machine's file
 * system, so what is installed here is installed on them, and there is no systemd in them: the
 * app's keepers run as detached processes. Power off = SIGKILL, by PID, of everything started in
 * that namespace (ip netns pids); power on = its sshd again, same host key and address.
 */
public final class NetnsVms implements VmBacking {
    private final NetNamespaces net;
    private final Map<String, Sshd> sshds = new LinkedHashMap<>();

    private NetnsVms(NetNamespaces net) { this.net = net; }

    public static NetnsVms create() throws IOException { return new NetnsVms(NetNamespaces.create()); }

    /** This machine's own address on the VMs' bridge: where the app's SSH connections come from. */
    public String clientAddress() { return net.rootAddress(); }

    public String cidr() { return net.cidr(); }

    public synchronized Sshd sshd(String name) { return sshds.get(name); }

    public synchronized List<String> names() { return new ArrayList<>(sshds.keySet()); }

    /** The sshd accepts the key for any login (its authorized_keys is fixed); the tests log in as root, the sshd's own user. */
    @Override
    public synchronized Vm create(String name, String user, String publicKey) throws Exception {
        if (publicKey == null) throw new IOException("instance " + name + " has no ssh-keys metadata, so nobody could log in");
        String addr = net.add(name);
        Sshd s = Sshd.startIn(net.namespace(name), addr);
        sshds.put(name, s);
        s.authorize(publicKey);
        return vm(name);
    }

    private Vm vm(String name) throws IOException {
        Sshd s = sshds.get(name);
        return new Vm(s.host(), s.port(), List.of(s.hostPublicKey()));
    }

    @Override
    public synchronized void powerOff(String name) throws Exception {
        net.killAll(name);
        sshds.get(name).halt();
    }

    @Override
    public synchronized Vm powerOn(String name) throws Exception {
        sshds.get(name).resume();
        return vm(name);
    }

    @Override
    public synchronized void delete(String name) throws Exception {
        Sshd s = sshds.remove(name);
        net.remove(name);
        if (s != null) s.close();
    }

    @Override
    public synchronized void close() {
        for (Sshd s : sshds.values()) s.close();
        sshds.clear();
        net.close();
    }
}
