package io.failoverlab.cloud.machines;

import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Commands this computer runs as root to make and run machines (ip, systemd-nspawn, chroot,
 * debootstrap): an argument vector, never a shell line, so no name or path needs quoting.
 */
final class RootCommands {
    private RootCommands() { }

    /** Runs argv; returns stdout and stderr merged; throws one sentence (what, and its last line) when it fails. */
    static String run(Duration timeout, String... argv) {
        return run(timeout, null, List.of(argv));
    }

    static String run(Duration timeout, Consumer<String> lines, List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
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
