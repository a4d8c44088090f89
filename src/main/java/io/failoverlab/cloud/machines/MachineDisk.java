package io.failoverlab.cloud.machines;

import io.failoverlab.lab.LabException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Makes a machine's own disk over the cached image, as a cloud VM comes up: its own host key (made
 * here, so the app pins it before the first contact), hostname and /etc/hosts, a login with the
 * lab's key and password-less sudo, apt through the lab's proxy, and a GCE-like firewall. The
 * marker file "disk" is written last, so a half-made disk is never booted (Machine.exists).
 */
final class MachineDisk {
    private static final Duration CMD = Duration.ofMinutes(2);

    private MachineDisk() { }

    /** What a machine is made with. hosts maps each lab machine's hostname to its address. */
    record Setup(String hostname, String user, String publicKey, String aptProxyAddress, String hostAddress,
                 String cidr, Map<String, String> hosts) { }

    /**
     * Makes the machine's disk over the image and sets it up; returns the machine's SSH host public
     * key line. The disk is an overlay layer (OverlayDisk); where this computer cannot mount one
     * (the state folder on a file system overlayfs refuses as its upper layer), a whole copy, and
     * why is told to fallback. Whatever a crash left half made is discarded first.
     */
    static String make(Path image, Machine m, Setup s, Consumer<String> fallback) {
        try {
            RootCommands.mkdirs(m.dir());
            discardHalfMade(m);
            Path root = overlay(image, m, fallback) ? m.root() : copy(image, m);
            setUp(root, s);
            String hostKey = Files.readString(root.resolve("etc/ssh/ssh_host_ed25519_key.pub")).strip();
            if (!root.equals(m.root())) RootCommands.move(root, m.root());
            Path marker = m.dir().resolve("disk.partial");
            RootCommands.write(marker, root.equals(m.root()) ? "overlay " + image + "\n" : "copy\n", "rw-r--r--");
            RootCommands.move(marker, m.diskMarker());
            return hostKey;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the disk of machine " + m.name() + " in " + m.dir() + ".", e);
        }
    }

    private static void discardHalfMade(Machine m) {
        OverlayDisk.unmount(m.root());
        for (String d : List.of("root.partial", "root", "upper", "work", "disk.partial")) {
            Path p = m.dir().resolve(d);
            if (Files.exists(p)) RootCommands.run(CMD, "rm", "-rf", "--one-file-system", p.toString());
        }
    }

    /** Mounts an empty layer over the image at the machine's root; false (and why) when overlayfs refuses. */
    private static boolean overlay(Path image, Machine m, Consumer<String> fallback) {
        RootCommands.mkdirs(m.upper());
        RootCommands.mkdirs(m.work());
        RootCommands.mkdirs(m.root());
        try {
            OverlayDisk.mount(image, m.upper(), m.work(), m.root());
            return true;
        } catch (LabException refused) {
            fallback.accept(refused.getMessage());
            discardHalfMade(m);
            return false;
        }
    }

    /** A whole copy, made in root.partial and renamed when set up, so a half-made disk never boots. */
    private static Path copy(Path image, Machine m) {
        Path partial = m.dir().resolve("root.partial");
        RootCommands.run(CMD, "cp", "-a", "--reflink=auto", image.toString(), partial.toString());
        return partial;
    }

    private static void setUp(Path root, Setup s) {
        RootCommands.run(CMD, "chroot", root.toString(), "ssh-keygen", "-q", "-t", "ed25519", "-N", "",
                "-C", "root@" + s.hostname(), "-f", "/etc/ssh/ssh_host_ed25519_key");
        if (Files.isExecutable(root.resolve("usr/sbin/make-ssl-cert"))) {
            // the package image's was deleted (BakedImage): each machine its own, as apt would make it
            RootCommands.run(CMD, "chroot", root.toString(), "make-ssl-cert", "generate-default-snakeoil", "--force-overwrite");
        }
        RootCommands.write(root.resolve("etc/hostname"), s.hostname() + "\n", "rw-r--r--");
        StringBuilder hosts = new StringBuilder("127.0.0.1 localhost\n127.0.1.1 " + s.hostname() + "\n");
        s.hosts().forEach((name, addr) -> hosts.append(addr).append(' ').append(name).append('\n'));
        RootCommands.write(root.resolve("etc/hosts"), hosts.toString(), "rw-r--r--");
        RootCommands.run(CMD, "chroot", root.toString(), "useradd", "-m", "-s", "/bin/bash", s.user());
        RootCommands.write(root.resolve("etc/sudoers.d/90-failover-lab"), s.user() + " ALL=(ALL) NOPASSWD:ALL\n", "r--r-----");
        Path ssh = root.resolve("home/" + s.user() + "/.ssh");
        RootCommands.write(ssh.resolve("authorized_keys"), s.publicKey().strip() + "\n", "rw-------");
        RootCommands.chmod(ssh, "rwx------");
        RootCommands.run(CMD, "chroot", root.toString(), "chown", "-R", s.user() + ":" + s.user(), "/home/" + s.user() + "/.ssh");
        RootCommands.write(root.resolve("etc/apt/apt.conf.d/01proxy"), AptProxy.aptConf(s.aptProxyAddress()), "rw-r--r--");
        RootCommands.write(root.resolve("etc/nftables.conf"), firewall(s.hostAddress(), s.cidr()), "rwxr-xr-x");
        RootCommands.run(CMD, "chroot", root.toString(), "systemctl", "enable", "nftables.service");
        // journald preallocates 8 MB per file, two per boot: a third of a small layer; the keepers' journals still fit
        RootCommands.write(root.resolve("etc/systemd/journald.conf.d/failover-lab.conf"),
                "[Journal]\nSystemMaxUse=16M\nSystemMaxFileSize=2M\nSplitMode=none\n", "rw-r--r--");
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
