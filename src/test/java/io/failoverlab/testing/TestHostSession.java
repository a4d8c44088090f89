package io.failoverlab.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stops the Xvfb that src/test/scripts/prepare-test-host.sh started for this test run (by the
 * PID in target/xvfb.pid; an X server that was already running is left alone), right after this
 * JVM has exited.
 */
public class TestHostSession implements LauncherSessionListener {
    @Override
    public void launcherSessionClosed(LauncherSession session) {
        Path pidFile = Path.of("target", "xvfb.pid");
        try {
            if (!Files.exists(pidFile)) return;
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            Files.deleteIfExists(pidFile);
            // The pid is that of `timeout 3h Xvfb`. Stop it only once this JVM is gone: a JavaFX
            // toolkit that loses its X display mid-shutdown exits the JVM with status 1, which
            // surefire reports as a crashed fork. A detached shell waits for us, then stops it.
            long self = ProcessHandle.current().pid();
            new ProcessBuilder("sh", "-c", "while kill -0 " + self + " 2>/dev/null; do sleep 0.2; done; "
                    + "kill $(pgrep -P " + pid + ") " + pid + " 2>/dev/null; true")
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (Exception ignored) {
            // nothing to stop
        }
    }
}
