package io.failoverlab.cloud.machines;

import io.failoverlab.lab.Msg;
import io.failoverlab.cloud.Progress;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.MachinesSettings;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cached root file system of one Debian release, made once with debootstrap
 * (build-image.sh): what the image with the packages baked in (BakedImage) is made from, and what a
 * machine's disk layers over when the lab installs from another source. A build holds a file lock, so two labs
 * starting at once build it once; the image is renamed into place only when complete.
 */
public final class DebianImage {
    /** debootstrap of a minbase system prints about this many "I: ..." lines. */
    private static final int TYPICAL_LINES = 900;
    private final Path cache;
    private final String mirror;

    public DebianImage(Path cache, String mirror) {
        this.cache = cache;
        this.mirror = mirror;
    }

    public Path dir(MachinesSettings.Release r) { return cache.resolve(r.codename()); }

    public boolean cached(MachinesSettings.Release r) { return Files.isRegularFile(dir(r).resolve("etc/failover-lab-image")); }

    /** The image's folder, built first when it is not cached (about 2 minutes and 240 MB). */
    public Path ensure(MachinesSettings.Release r, Progress progress) {
        if (cached(r)) return dir(r);
        // the cache is root's: its lock is held by root's side (this app, or its root helper)
        try (Closeable ignored = RootCommands.lock(cache.resolve("." + r.codename() + ".lock"))) {
            if (cached(r)) return dir(r); // another run built it while we waited
            build(r, progress);
            return dir(r);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the image folder " + cache + ".", e);
        }
    }

    private void build(MachinesSettings.Release r, Progress progress) throws IOException {
        if (RootCommands.which("debootstrap") == null) {
            throw new LabException(io.failoverlab.lab.Msg.of("machines.noDebootstrap", r.codename()));
        }
        Path script = Files.createTempFile("failover-lab-build-image", ".sh");
        try (InputStream in = DebianImage.class.getResourceAsStream("build-image.sh")) {
            if (in == null) throw new IllegalStateException("build-image.sh is missing from the jar");
            Files.write(script, in.readAllBytes());
            AtomicInteger lines = new AtomicInteger();
            long t0 = System.nanoTime();
            progress.report(0.01, Msg.of("progress.imageStart", r.codename()));
            RootCommands.run(Duration.ofMinutes(30), l -> {
                int n = lines.incrementAndGet();
                if (n % 25 == 0) {
                    progress.report(Math.min(0.95, n / (double) TYPICAL_LINES), Msg.of("progress.imageLine", r.codename(),
                            l.replaceFirst("^I: ", ""), Math.round((System.nanoTime() - t0) / 1e9)));
                }
            }, List.of("bash", script.toString(), r.codename(), mirror, dir(r).toString()));
            progress.report(1, Msg.of("progress.imageMade", r.codename(), Math.round((System.nanoTime() - t0) / 1e9)));
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /**
     * Deletes the cached images of a release, the plain one and those with packages baked in;
     * returns whether there was one. An image a machine's layer rests on now is kept.
     */
    public boolean delete(MachinesSettings.Release r) {
        boolean baked = new BakedImage(cache).delete(r) > 0;
        Path d = dir(r);
        if (!Files.exists(d) || OverlayDisk.lowerInUse(d)) return baked;
        RootCommands.run(Duration.ofMinutes(5), "rm", "-rf", "--one-file-system", d.toString());
        return true;
    }

    /** The Debian archive this computer's own apt uses (the machines' proxy fetches from it). */
    public static String hostMirror() {
        for (Path p : List.of(Path.of("/etc/apt/sources.list.d/debian.sources"), Path.of("/etc/apt/sources.list"))) {
            try {
                for (String line : Files.readAllLines(p)) {
                    String l = line.strip();
                    if (l.startsWith("URIs:")) {
                        String uri = l.substring(5).strip().split("\\s+")[0];
                        if (!uri.contains("security")) return uri;
                    }
                    if (l.startsWith("deb ") && !l.contains("security")) {
                        for (String w : l.split("\\s+")) if (w.startsWith("http")) return w;
                    }
                }
            } catch (IOException ignored) {
                // not this file
            }
        }
        return "http://deb.debian.org/debian";
    }
}
