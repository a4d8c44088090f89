package io.failoverlab.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * An X server of a test's own (Xvfb on a free display number), for a window another process
 * drives: whatever that process leaves behind on its display (a held key, a grab, a window) cannot
 * reach the shared display the other UI tests click on. Stopped by its PID on close.
 */
public final class PrivateDisplay implements AutoCloseable {
    private final Process xvfb;
    private final String name;

    private PrivateDisplay(Process xvfb, String name) {
        this.xvfb = xvfb;
        this.name = name;
    }

    /** A 1366x768 screen, the size of a student's laptop; fails when none could be started in 10 s. */
    public static PrivateDisplay start() throws IOException, InterruptedException {
        for (int n = 150; n < 200; n++) {
            if (Files.exists(Path.of("/tmp/.X" + n + "-lock")) || Files.exists(Path.of("/tmp/.X11-unix/X" + n))) continue;
            Process p = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1366x768x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            for (int i = 0; i < 100 && p.isAlive(); i++) {
                if (Files.exists(Path.of("/tmp/.X11-unix/X" + n))) return new PrivateDisplay(p, ":" + n);
                Thread.sleep(100);
            }
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        throw new IllegalStateException("no X server of its own could be started on :150-:199");
    }

    /** For DISPLAY=… */
    public String name() { return name; }

    @Override
    public void close() throws InterruptedException {
        xvfb.destroy();
        if (!xvfb.waitFor(5, TimeUnit.SECONDS)) {
            xvfb.destroyForcibly();
            xvfb.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
