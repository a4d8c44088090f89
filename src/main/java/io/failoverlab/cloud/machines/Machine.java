package io.failoverlab.cloud.machines;

import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One machine of a lab: its folder (root/, its disk: an overlay over the cached image whose own
 * changes are in upper/, or an own copy; disk, written when the disk is complete; console.log; pid files), and
 * the systemd-nspawn that boots it with systemd as PID 1 in its network namespace. It outlives the
 * app: a detached supervisor (machine-supervisor.sh) starts nspawn again after a reboot.
 */
public final class Machine {
    private final Path dir;
    private final String name;
    private final String namespace;

    /** @param name the machine's name (nspawn's --machine), namespace its network namespace */
    public Machine(Path dir, String name, String namespace) {
        this.dir = dir;
        this.name = name;
        this.namespace = namespace;
    }

    public Path dir() { return dir; }

    public Path root() { return dir.resolve("root"); }

    public String name() { return name; }

    Path upper() { return dir.resolve("upper"); }

    Path work() { return dir.resolve("work"); }

    /** Written last when the disk is complete: "overlay LOWER" or "copy". */
    Path diskMarker() { return dir.resolve("disk"); }

    /**
     * Made: its disk is complete (an unmounted overlay counts; it is mounted again to boot). A
     * machine made before disks were layers has only root/, renamed into place when complete.
     */
    public boolean exists() {
        if (Files.isRegularFile(diskMarker())) return true;
        return !Files.exists(upper()) && Files.isDirectory(root().resolve("etc"));
    }

    /** The image its disk is a layer over, if it is one. */
    Optional<Path> lower() {
        try {
            String m = Files.readString(diskMarker()).strip();
            return m.startsWith("overlay ") ? Optional.of(Path.of(m.substring("overlay ".length()))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Mounts its overlay disk again when it is not (after this computer rebooted). */
    void mountDisk() {
        Optional<Path> lower = lower();
        if (lower.isEmpty() || OverlayDisk.mounted(root())) return;
        if (!Files.isDirectory(lower.get())) throw new LabException(Msg.of("machines.imageGone", name, lower.get()));
        OverlayDisk.mount(lower.get(), upper(), work(), root());
    }

    /** Megabytes its own disk takes: the layer (or the whole copy). */
    public long diskMegabytes() {
        Path own = lower().isPresent() ? upper() : root();
        String out = RootCommands.run(Duration.ofMinutes(1), "du", "-s", "-x", "--block-size=1M", own.toString());
        return Long.parseLong(out.strip().split("\\s+")[0]);
    }

    /** Running: its supervisor is alive (it ends when nspawn ends for any reason but a reboot). */
    public boolean running() { return supervisor().isPresent(); }

    /** Boots the machine, detached from this process (setsid); returns at once. */
    public void boot() {
        if (running()) return;
        if (RootCommands.which("systemd-nspawn") == null) {
            throw new LabException(Msg.of("machines.noNspawn"));
        }
        mountDisk();
        Path script = dir.resolve("supervisor.sh");
        try (InputStream in = Machine.class.getResourceAsStream("machine-supervisor.sh")) {
            if (in == null) throw new IllegalStateException("machine-supervisor.sh is missing from the jar");
            RootCommands.write(script, in.readAllBytes(), "rwxr-xr-x");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start machine " + name + ".", e);
        }
        RootCommands.delete(dir.resolve("supervisor.pid"));
        RootCommands.startDetached(List.of("bash", script.toString(), dir.toString(), namespace, name), dir.resolve("supervisor.log"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (supervisor().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new LabException(Msg.of("machines.didNotStart", name, String.join(" | ", consoleTail(5))));
            }
            sleep(50);
        }
    }

    /**
     * A power cut: SIGKILL to the machine's PID 1, which takes every process of its PID namespace
     * with it at once; nspawn then exits and the supervisor with it. Returns whether it was on.
     */
    public boolean powerOff() {
        Optional<ProcessHandle> sup = supervisor();
        if (sup.isEmpty()) return false;
        Optional<ProcessHandle> nspawn = pidFrom("nspawn.pid");
        nspawn.ifPresent(n -> n.children().forEach(pid1 -> RootCommands.signal(pid1.pid(), true)));
        try {
            sup.get().onExit().get(15, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception stuck) {
            // nspawn did not notice: take it and its supervisor down by their own pids
            nspawn.ifPresent(n -> RootCommands.signal(n.pid(), true));
            RootCommands.signal(sup.get().pid(), true);
        }
        return true;
    }

    /** The last lines of the machine's console (what systemd printed while it booted). */
    public List<String> consoleTail(int n) {
        try {
            List<String> all = Files.readAllLines(dir.resolve("console.log"));
            return all.subList(Math.max(0, all.size() - n), all.size()).stream()
                    .map(l -> l.replaceAll("\u001B\\[[0-9;]*m", "").strip()).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            return List.of("(no console output yet)");
        }
    }

    /** Deletes the machine's folder (powered off and its layer unmounted first). */
    public void delete() {
        powerOff();
        OverlayDisk.unmount(root());
        if (Files.exists(dir)) RootCommands.run(Duration.ofMinutes(5), "rm", "-rf", "--one-file-system", dir.toString());
        try {
            RootCommands.delete(Path.of("/run/systemd/nspawn/propagate", name));
        } catch (UncheckedIOException ignored) {
            // nspawn's own leftover; harmless
        }
    }

    private Optional<ProcessHandle> supervisor() { return pidFrom("supervisor.pid"); }

    private Optional<ProcessHandle> pidFrom(String file) {
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve(file)).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains("bash") || c.contains("nspawn")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException(Msg.of("machines.interrupted"));
        }
    }
}
