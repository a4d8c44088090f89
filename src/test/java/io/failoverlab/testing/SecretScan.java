package io.failoverlab.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Looks for a secret where it must never be (issue 23): every process's command line and
 * environment, sampled every 50 ms while running, and afterwards files (logs, journal, report) and
 * the system journal. Findings name the place, never the secret.
 */
public final class SecretScan implements AutoCloseable {
    private final byte[] secret;
    private final java.util.Set<String> found = Collections.synchronizedSet(new java.util.LinkedHashSet<>());
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile int samples;

    public SecretScan(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.sampler = new Thread(this::sampleLoop, "secret-scan");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sampleLoop() {
        while (running) {
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                    for (String f : List.of("cmdline", "environ")) {
                        try {
                            if (contains(Files.readAllBytes(p.resolve(f)))) found.add(p.getFileName() + "/" + f + " (" + comm(p) + ")");
                        } catch (IOException | SecurityException gone) {
                            // the process ended meanwhile
                        }
                    }
                });
                samples++;
                Thread.sleep(50);
            } catch (IOException e) {
                found.add("cannot list /proc: " + e.getMessage());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String comm(Path proc) {
        try {
            return Files.readString(proc.resolve("comm")).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    /** Every regular file under each root (missing roots skipped). */
    public void files(Path... roots) throws IOException {
        for (Path root : roots) {
            if (!Files.exists(root)) continue;
            try (Stream<Path> all = Files.walk(root)) {
                for (Path f : all.filter(Files::isRegularFile).toList()) {
                    try {
                        if (contains(Files.readAllBytes(f))) found.add(f.toString());
                    } catch (IOException unreadable) {
                        // a socket or a file removed meanwhile
                    }
                }
            }
        }
    }

    public void text(String where, String text) {
        if (text != null && contains(text.getBytes(StandardCharsets.UTF_8))) found.add(where);
    }

    /** The system journal and syslog's auth log, when this machine keeps them. */
    public void systemLogs() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("journalctl", "--no-pager", "-q", "-n", "20000").redirectErrorStream(true).start();
        text("journalctl", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        p.waitFor();
        files(Path.of("/var/log/auth.log"), Path.of("/var/log/syslog"));
    }

    private boolean contains(byte[] hay) {
        outer:
        for (int i = 0; i + secret.length <= hay.length; i++) {
            for (int j = 0; j < secret.length; j++) if (hay[i + j] != secret[j]) continue outer;
            return true;
        }
        return false;
    }

    /** How many times every process was looked at. */
    public int samples() { return samples; }

    /** Where the secret was seen; empty when nowhere. */
    public List<String> found() {
        synchronized (found) {
            return List.copyOf(found);
        }
    }

    /**
     * The end of a run as a login: sampling stops, then the folders, each command's output (as
     * "output of run i") and the system's logs are searched; the processes must have been sampled
     * more than 10 times and the secret must be nowhere.
     */
    public void assertNowhere(List<String> outputs, Path... roots) throws IOException, InterruptedException {
        close();
        files(roots);
        for (int i = 0; i < outputs.size(); i++) text("output of run " + i, outputs.get(i));
        systemLogs();
        assertTrue(samples() > 10, "processes were sampled " + samples() + " times");
        assertEquals(List.of(), found(), "the password was seen there");
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
