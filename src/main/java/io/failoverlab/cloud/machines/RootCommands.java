package io.failoverlab.cloud.machines;

import io.failoverlab.lab.LabException;

import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Everything this computer does as root to make and run machines (ip, systemd-nspawn, chroot,
 * debootstrap, and the files of /var/lib/failover-lab and /var/cache/failover-lab): an argument
 * vector, never a shell line, so no name or path needs quoting. The machines package writes,
 * starts and signals nothing of root's except through here (reading is anyone's). When the app is
 * not root, all of it goes to one root helper started through sudo (docs/architecture.md, "Secrets").
 */
final class RootCommands {
    private RootCommands() { }

    private static RootAccess helper;

    /**
     * The way to root for this process: itself when the app runs as root; else the one root helper,
     * started through sudo on first use (asking the person once) and again if it ever ended.
     */
    static synchronized RootAccess access() {
        if (isRoot()) return DIRECT;
        if (helper == null || !((RootHelperClient) helper).alive()) helper = RootHelperClient.start();
        return helper;
    }

    private static final RootAccess DIRECT = new DirectRoot();

    static boolean isRoot() { return "root".equals(System.getProperty("user.name")); }

    /** Opens the way to root now (the sudo question, when one is needed), so a refusal comes before anything is made. */
    static void open() { access(); }

    /** Runs argv; returns stdout and stderr merged; throws one sentence (what, and its last line) when it fails. */
    static String run(Duration timeout, String... argv) {
        return run(timeout, null, List.of(argv));
    }

    static String run(Duration timeout, Consumer<String> lines, List<String> argv) {
        RootAccess.Outcome o = access().exec(timeout, lines, argv);
        if (o.timedOut()) {
            throw new LabException(argv.get(0) + " did not finish within " + timeout.toSeconds() + " s (" + String.join(" ", argv) + ").");
        }
        if (o.exit() != 0) {
            throw new LabException(String.join(" ", argv) + " failed (exit " + o.exit() + "): " + lastLine(o.output()));
        }
        return o.output();
    }

    /** Writes a file (its folders made first) and gives it a mode such as "rw-r--r--". */
    static void write(Path f, String text, String mode) {
        write(f, text.getBytes(StandardCharsets.UTF_8), mode);
    }

    static void write(Path f, byte[] bytes, String mode) { access().write(f, bytes, mode); }

    static void mkdirs(Path d) { access().mkdirs(d); }

    /** Gives a folder a mode such as "rwx------". */
    static void chmod(Path f, String mode) { access().chmod(f, mode); }

    /** Renames within one file system (a half-made thing becomes the real one at once). */
    static void move(Path from, Path to) { access().move(from, to); }

    static void copy(Path from, Path to) { access().copy(from, to); }

    /** Deletes a file if there is one. */
    static void delete(Path f) { access().delete(f); }

    /** Starts argv in its own session (it outlives this app), its output appended to log; returns at once. */
    static void startDetached(List<String> argv, Path log) { access().startDetached(argv, log); }

    /** SIGKILL (force) or SIGTERM to one process of ours, by its pid; false when it was already gone. */
    static boolean signal(long pid, boolean force) { return access().signal(pid, force); }

    /** An exclusive lock on a root-owned file until closed (two labs building one image build it once). */
    static Closeable lock(Path f) { return access().lock(f); }

    /** Like run, but a failure is an answer (false), not an error. */
    static boolean succeeds(Duration timeout, String... argv) {
        try {
            run(timeout, argv);
            return true;
        } catch (LabException e) {
            return false;
        }
    }

    static String lastLine(String text) {
        String[] l = text.strip().split("\n");
        return l.length == 0 || l[l.length - 1].isBlank() ? "(no output)" : l[l.length - 1].strip();
    }

    /** The executable's path on PATH or in the usual sbin folders (root's PATH may lack them), or null. */
    static Path which(String name) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin"));
        for (String d : dirs) {
            if (d.isBlank()) continue;
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }
}
