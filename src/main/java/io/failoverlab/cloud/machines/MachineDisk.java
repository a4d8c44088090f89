package io.failoverlab.cloud.machines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Makes a machine's own disk from the cached image, as a cloud VM comes up: its own host key (made
 * here, so the app pins it before the first contact), hostname and /etc/hosts, a login with the
 * lab's key and password-less sudo, apt through the lab's proxy, and a GCE-like firewall. Built in
 * root.partial and renamed, so a half-made disk is never booted.
 */
final class MachineDisk {
    private static final Duration CMD = Duration.ofMinutes(2);

    private MachineDisk() { }

    /** What a machine is made with. hosts maps each lab machine's hostname to its address. */
    record Setup(String hostname, String user, String publicKey, String aptProxyAddress, String hostAddress,
                 String cidr, Map<String, String> hosts) { }

    /** Copies the image and sets it up; returns the machine's SSH host public key line. */
    static String make(Path image, Machine m, Setup s) {
        Path partial = m.dir().resolve("root.partial");
        try {
            RootCommands.mkdirs(m.dir());
            if (Files.exists(partial)) RootCommands.run(CMD, "rm", "-rf", "--one-file-system", partial.toString());
            RootCommands.run(CMD, "cp", "-a", "--reflink=auto", image.toString(), partial.toString());
            RootCommands.run(CMD, "chroot", partial.toString(), "ssh-keygen", "-q", "-t", "ed25519", "-N", "",
                    "-C", "root@" + s.hostname(), "-f", "/etc/ssh/ssh_host_ed25519_key");
            RootCommands.write(partial.resolve("etc/hostname"), s.hostname() + "\n", "rw-r--r--");
            StringBuilder hosts = new StringBuilder("127.0.0.1 localhost\n127.0.1.1 " + s.hostname() + "\n");
            s.hosts().forEach((name, addr) -> hosts.append(addr).append(' ').append(name).append('\n'));
            RootCommands.write(partial.resolve("etc/hosts"), hosts.toString(), "rw-r--r--");
            RootCommands.run(CMD, "chroot", partial.toString(), "useradd", "-m", "-s", "/bin/bash", s.user());
            RootCommands.write(partial.resolve("etc/sudoers.d/90-failover-lab"), s.user() + " ALL=(ALL) NOPASSWD:ALL\n", "r--r-----");
            Path ssh = partial.resolve("home/" + s.user() + "/.ssh");
            RootCommands.write(ssh.resolve("authorized_keys"), s.publicKey().strip() + "\n", "rw-------");
            RootCommands.chmod(ssh, "rwx------");
            RootCommands.run(CMD, "chroot", partial.toString(), "chown", "-R", s.user() + ":" + s.user(), "/home/" + s.user() + "/.ssh");
            RootCommands.write(partial.resolve("etc/apt/apt.conf.d/01proxy"), AptProxy.aptConf(s.aptProxyAddress()), "rw-r--r--");
            RootCommands.write(partial.resolve("etc/nftables.conf"), firewall(s.hostAddress(), s.cidr()), "rwxr-xr-x");
            RootCommands.run(CMD, "chroot", partial.toString(), "systemctl", "enable", "nftables.service");
            String hostKey = Files.readString(partial.resolve("etc/ssh/ssh_host_ed25519_key.pub")).strip();
            RootCommands.move(partial, m.root());
            return hostKey;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the disk of machine " + m.name() + " in " + m.dir() + ".", e);
        }
    }

    /**
     * As on a GCE lab: from this computer only SSH; the PostgreSQL ports only between the lab's
     * machines. The console's own connections therefore go through SSH tunnels.
     */
    static String firewall(String hostAddress, String cidr) {
        return "#!/usr/sbin/nft -f\n"
                + "# Failover Lab: this computer (" + hostAddress + ") may use SSH only; the lab's machines reach each other.\n"
                + "table inet failover_lab_firewall\n"
                + "delete table inet failover_lab_firewall\n"
                + "table inet failover_lab_firewall {\n"
                + "  chain input {\n"
                + "    type filter hook input priority 0; policy drop;\n"
                + "    ct state established,related accept\n"
                + "    iif \"lo\" accept\n"
                + "    meta l4proto { 1, 58 } accept   # icmp, ipv6-icmp (by number: minbase has no /etc/protocols)\n"
                + "    tcp dport 22 accept\n"
                + "    ip saddr " + hostAddress + " meta l4proto 6 reject with tcp reset\n"
                + "    ip saddr " + hostAddress + " drop\n"
                + "    ip saddr " + cidr + " accept\n"
                + "  }\n"
                + "}\n";
    }
}
