package io.failoverlab.cloud.machines;

import io.failoverlab.cloud.Progress;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.MachinesSettings;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.PackagePlan;
import io.failoverlab.lab.PackageSource;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The plain Debian image with PostgreSQL and pg_auto_failover already installed, as a cloud's custom
 * image or a Vagrant box: what every machine's disk layers over, so `up` installs nothing. Made once
 * per release and package list from the plain image, by the installer's own script (PackagePlan) run
 * inside it with systemd-nspawn, through the lab's apt proxy, so its packages come from Debian's
 * archive only. Its folder is named after the package list (CODENAME-pgaf-HASH, stamped in
 * etc/failover-lab-packages): a changed list makes a new image and never changes one a machine's
 * layer rests on. Built under a file lock in *.partial and renamed into place when complete.
 */
public final class BakedImage {
    static final String STAMP = "etc/failover-lab-packages";
    /** apt prints about this many lines while it installs the packages into a minbase image. */
    private static final int TYPICAL_LINES = 400;
    private final Path cache;

    public BakedImage(Path cache) { this.cache = cache; }

    /** The packages baked in for a release: the installer's list for the release's PostgreSQL. */
    static List<String> packages(MachinesSettings.Release r) { return PackagePlan.packages(r.postgresMajor()); }

    /** Whether the lab installs exactly what the image holds (Debian's own packages, the release's PostgreSQL). */
    static boolean fits(LabSpec lab, MachinesSettings.Release r) {
        return lab.packageSource == PackageSource.DISTRO && lab.postgresMajor == r.postgresMajor();
    }

    public Path dir(MachinesSettings.Release r) {
        return cache.resolve(r.codename() + "-pgaf-" + hash(String.join(" ", packages(r))));
    }

    public boolean cached(MachinesSettings.Release r) { return Files.isRegularFile(dir(r).resolve(STAMP)); }

    /**
     * The image's folder, made first from the plain image when it is not cached. aptProxy is the
     * address of the lab's apt proxy (this computer's end of the lab bridge). The seconds a build
     * took are returned beside the folder (empty when it was cached).
     */
    public Made ensure(MachinesSettings.Release r, Path plain, String aptProxy, Progress progress) {
        if (cached(r)) return new Made(dir(r), Optional.empty());
        try {
            RootCommands.mkdirs(cache);
            // the cache is root's: its lock is held by root's side (this app, or its root helper)
            try (Closeable ignored = RootCommands.lock(cache.resolve("." + dir(r).getFileName() + ".lock"))) {
                if (cached(r)) return new Made(dir(r), Optional.empty()); // another run made it while we waited
                long t0 = System.nanoTime();
                build(r, plain, aptProxy, progress);
                return new Made(dir(r), Optional.of((System.nanoTime() - t0) / 1e9));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the image folder " + cache + ".", e);
        }
    }

    /** The image's folder and, when it was made just now, how long that took. */
    public record Made(Path dir, Optional<Double> buildSeconds) { }

    private void build(MachinesSettings.Release r, Path plain, String aptProxy, Progress progress) {
        Path dest = dir(r);
        Path partial = dest.resolveSibling(dest.getFileName() + ".partial");
        Duration cmd = Duration.ofMinutes(5);
        if (Files.exists(partial)) RootCommands.run(cmd, "rm", "-rf", "--one-file-system", partial.toString());
        progress.report(0.01, Msg.of("progress.bakeStart", r.codename(), String.join(" ", packages(r))));
        RootCommands.run(cmd, "cp", "-a", "--reflink=auto", plain.toString(), partial.toString());
        RootCommands.write(partial.resolve("etc/apt/apt.conf.d/01proxy"), AptProxy.aptConf(aptProxy), "rw-r--r--");
        // nothing starts a service while the image is made (there is no systemd running in it)
        RootCommands.write(partial.resolve("usr/sbin/policy-rc.d"), "#!/bin/sh\nexit 101\n", "rwxr-xr-x");
        AtomicInteger lines = new AtomicInteger();
        long t0 = System.nanoTime();
        String name = "flbake-" + r.codename() + "-" + ProcessHandle.current().pid();
        // nspawn without -b runs the installer's script with /proc, /dev and this computer's
        // network (the proxy is on the lab bridge); no machine registration, no unit of its own
        RootCommands.run(Duration.ofMinutes(30), l -> {
            int n = lines.incrementAndGet();
            if (n % 10 == 0) {
                progress.report(Math.min(0.95, n / (double) TYPICAL_LINES), Msg.of("progress.bakeLine", r.codename(),
                        l.strip(), Math.round((System.nanoTime() - t0) / 1e9)));
            }
        }, List.of("systemd-nspawn", "-q", "-D", partial.toString(), "--register=no", "--keep-unit", "--machine=" + name,
                "bash", "-c", PackagePlan.script(PackageSource.DISTRO, r.postgresMajor()) + "apt-get clean\n"));
        try {
            RootCommands.delete(Path.of("/run/systemd/nspawn/propagate", name));
        } catch (UncheckedIOException ignored) {
            // nspawn's own leftover; harmless
        }
        RootCommands.delete(partial.resolve("usr/sbin/policy-rc.d"));
        RootCommands.delete(partial.resolve("etc/apt/apt.conf.d/01proxy"));
        // every machine makes its own (MachineDisk), never the image's
        RootCommands.delete(partial.resolve("etc/ssl/private/ssl-cert-snakeoil.key"));
        RootCommands.delete(partial.resolve("etc/ssl/certs/ssl-cert-snakeoil.pem"));
        RootCommands.write(partial.resolve(STAMP), String.join(" ", packages(r)) + "\n", "rw-r--r--");
        if (Files.exists(dest)) RootCommands.run(cmd, "rm", "-rf", "--one-file-system", dest.toString());
        RootCommands.move(partial, dest);
        progress.report(1, Msg.of("progress.bakeMade", r.codename(), Math.round((System.nanoTime() - t0) / 1e9)));
    }

    /** Deletes the package images of a release no machine's layer uses now; returns how many. */
    public int delete(MachinesSettings.Release r) {
        int n = 0;
        try (var s = Files.list(cache)) {
            for (Path d : (Iterable<Path>) s::iterator) {
                String f = d.getFileName().toString();
                if (!f.startsWith(r.codename() + "-pgaf-") || !Files.isDirectory(d) || OverlayDisk.lowerInUse(d)) continue;
                RootCommands.run(Duration.ofMinutes(5), "rm", "-rf", "--one-file-system", d.toString());
                n++;
            }
        } catch (IOException e) {
            return n;
        }
        return n;
    }

    static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
