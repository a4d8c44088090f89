package io.failoverlab.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stops the Xvfb that src/test/scripts/prepare-test-host.sh started for this test run (by the
 * PID in target/xvfb.pid; an X server that was already running is left alone).
 */
public class TestHostSession implements LauncherSessionListener {
    @Override
    public void launcherSessionClosed(LauncherSession session) {
        Path pidFile = Path.of("target", "xvfb.pid");
        try {
            if (!Files.exists(pidFile)) return;
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            // the pid is that of `timeout 3h Xvfb`: stopping it stops Xvfb too
            ProcessHandle.of(pid).ifPresent(p -> {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
            });
            Files.deleteIfExists(pidFile);
        } catch (Exception ignored) {
            // nothing to stop
        }
    }
}
