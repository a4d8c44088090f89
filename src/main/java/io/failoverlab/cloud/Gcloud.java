package io.failoverlab.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.LabProfiles;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the gcloud CLI the way gce.md says it must be run from a program: always --quiet and
 * --format=json (prompts would otherwise wait forever), stdin from the null device, both
 * streams drained at once, a bounded wait. A non-zero exit becomes one sentence (GcloudErrors).
 */
public final class Gcloud {
    private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");
    private final String executable;
    private final Duration timeout;

    public Gcloud(String executable, Duration timeout) {
        this.executable = executable;
        this.timeout = timeout;
    }

    /** The configured path, else gcloud (gcloud.cmd on Windows: without the extension it cannot start) on PATH. */
    public static Gcloud resolve(String configured) {
        return new Gcloud(configured != null && !configured.isBlank() ? configured
                : find(System.getenv("PATH"), WINDOWS ? "gcloud.cmd" : "gcloud"), Duration.ofMinutes(10));
    }

    static String find(String path, String name) {
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(p)) return p.toString();
            }
        }
        throw new LabException(Msg.of("gcloud.notOnPath", name));
    }

    public String executable() { return executable; }

    /** stdout, stderr and the exit code of one call. */
    public record Result(int exitCode, String stdout, String stderr, Duration took) { }

    /** Runs and parses stdout as JSON; throws a LabException with one sentence on failure. */
    public JsonNode json(List<String> args) {
        Result r = run(args);
        if (r.exitCode() != 0) throw GcloudErrors.explain(command(args), r.stderr(), r.exitCode());
        String out = r.stdout().strip();
        if (out.isEmpty()) return LabProfiles.JSON.createArrayNode();
        try {
            return LabProfiles.JSON.readTree(out);
        } catch (IOException e) {
            throw new LabException(Msg.of("gcloud.notJson", command(args), out.substring(0, Math.min(120, out.length()))));
        }
    }

    public Result run(List<String> args) {
        List<String> argv = new ArrayList<>();
        argv.add(executable);
        argv.addAll(args);
        argv.add("--quiet");
        argv.add("--format=json");
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File(WINDOWS ? "NUL" : "/dev/null")));
        pb.environment().put("CLOUDSDK_CORE_DISABLE_PROMPTS", "1");
        pb.environment().put("CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK", "1");
        long t0 = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new LabException(Msg.of("gcloud.cannotStart", executable, e.getMessage()), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread to = drain(p.getInputStream(), out);
        Thread te = drain(p.getErrorStream(), err);
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly); // only the child we started, and its own children
                p.destroyForcibly();
                throw new LabException(Msg.of("gcloud.timedOut", command(args), timeout.toSeconds()));
            }
            to.join(5000);
            te.join(5000);
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new LabException(Msg.of("gcloud.interrupted", command(args)));
        }
        synchronized (out) {
            synchronized (err) {
                return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                        Duration.ofNanos(System.nanoTime() - t0));
            }
        }
    }

    /** "compute instances create" — the command words, for messages. */
    static String command(List<String> args) {
        List<String> words = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("-") || words.size() == 3) break;
            words.add(a);
        }
        return String.join(" ", words);
    }

    private static Thread drain(InputStream in, ByteArrayOutputStream sink) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            int n;
            try (in) {
                while ((n = in.read(buf)) > 0) {
                    synchronized (sink) {
                        sink.write(buf, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        }, "gcloud-drain");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
