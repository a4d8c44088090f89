package io.failoverlab.ops;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.StepResult;
import io.failoverlab.pgaf.InstancePaths;
import io.failoverlab.remote.Command;
import io.failoverlab.remote.Shell;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Watches, beside the monitor, for the keeper to restart a killed postmaster: reads
 * postmaster.pid at most every 300 ms until it names a new process.
 */
final class PostmasterRestart implements Consumer<ClusterSnapshot> {
    private static final long EVERY_NANOS = Duration.ofMillis(300).toNanos();

    private final Shell shell;
    private final InstancePaths paths;
    private final String node;
    private final String oldPid;
    private final long t0;
    private long lastRead;
    private double at = -1;

    PostmasterRestart(Shell shell, InstancePaths paths, String node, String oldPid, long t0) {
        this.shell = shell;
        this.paths = paths;
        this.node = node;
        this.oldPid = oldPid;
        this.t0 = t0;
    }

    @Override
    public void accept(ClusterSnapshot ignored) {
        if (at >= 0 || System.nanoTime() - lastRead < EVERY_NANOS) return;
        lastRead = System.nanoTime();
        try {
            String now = shell.run(Command.asPostgres(FaultScripts.postmasterPid(paths)).probe().timeout(Duration.ofSeconds(10))
                    .display("read postmaster.pid of " + node)).stdout().strip();
            if (!now.isEmpty() && !now.equals(oldPid)) at = StepResult.secondsSince(t0);
        } catch (IOException | RuntimeException e) {
            // unreadable for now (the node is restarting): read again on the next snapshot
        }
    }

    boolean seen() { return at >= 0; }

    double at() { return at; }
}
