package io.failoverlab.cloud.machines;

import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Everything this computer does as root to make and run machines (ip, systemd-nspawn, chroot,
 * debootstrap, and the files of /var/lib/failover-lab and /var/cache/failover-lab): an argument
 * vector, never a shell line, so no name or path needs quoting. The machines package writes,
 * starts and signals nothing of root's except through here (reading is anyone's).
 */
final class RootCommands {
    private RootCommands() { }

    /** Runs argv; returns stdout and stderr merged; throws one sentence (what, and its last line) when it fails. */
    static String run(Duration timeout, String... argv) {
        return run(timeout, null, List.of(argv));
    }

    static String run(Duration timeout, Consumer<String> lines, List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            StringBuilder out = new StringBuilder();
            Thread reader = new Thread(() -> {
                try (var r = p.inputReader(StandardCharsets.UTF_8)) {
                    String l;
                    while ((l = r.readLine()) != null) {
                        synchronized (out) {
                            out.append(l).append('\n');
                        }
                        if (lines != null) lines.accept(l);
                    }
                } catch (IOException ignored) {
                    // the process was killed
                }
            }, "root-command");
            reader.setDaemon(true);
            reader.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new LabException(argv.get(0) + " did not finish within " + timeout.toSeconds() + " s (" + String.join(" ", argv) + ").");
            }
            reader.join(5000);
            String text;
            synchronized (out) {
                text = out.toString();
            }
            if (p.exitValue() != 0) {
                throw new LabException(String.join(" ", argv) + " failed (exit " + p.exitValue() + "): " + lastLine(text));
            }
            return text;
        } catch (IOException e) {
            throw new LabException(Msg.of("root.cannotRun", argv.get(0), e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException(Msg.of("root.interrupted", argv.get(0)));
        }
    }

    /** Writes a file (its folders made first) and gives it a mode such as "rw-r--r--". */
    static void write(Path f, String text, String mode) {
        write(f, text.getBytes(StandardCharsets.UTF_8), mode);
    }

    static void write(Path f, byte[] bytes, String mode) {
        try {
            Files.createDirectories(f.getParent());
            Files.write(f, bytes);
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + f + ".", e);
        }
    }

    static void mkdirs(Path d) {
        try {
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the folder " + d + ".", e);
        }
    }

    /** Gives a folder a mode such as "rwx------". */
    static void chmod(Path f, String mode) {
        try {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot change the mode of " + f + ".", e);
        }
    }

    /** Renames within one file system (a half-made thing becomes the real one at once). */
    static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rename " + from + " to " + to + ".", e);
        }
    }

    static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + from + " to " + to + ".", e);
        }
    }

    /** Deletes a file if there is one. */
    static void delete(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + f + ".", e);
        }
    }

    /** Starts argv in its own session (it outlives this app), its output appended to log; returns at once. */
    static void startDetached(List<String> argv, Path log) {
        List<String> full = new ArrayList<>(List.of("setsid"));
        full.addAll(argv);
        try {
            new ProcessBuilder(full).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new LabException(Msg.of("root.cannotRun", argv.get(0), e.getMessage()));
        }
    }

    /** SIGKILL (force) or SIGTERM to one process of ours, by its pid; false when it was already gone. */
    static boolean signal(long pid, boolean force) {
        return ProcessHandle.of(pid).map(p -> force ? p.destroyForcibly() : p.destroy()).orElse(false);
    }

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
