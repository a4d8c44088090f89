package io.failoverlab.ops;

import io.failoverlab.engine.EngineListener;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.engine.MonitorConnection;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.pgaf.MonitorClient;
import io.failoverlab.pgaf.MonitorWatcher;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * What an operation holds while it runs: a monitor connection for actions and reads, and a
 * watcher that streams the monitor's `state`/`log` notifications to the engine's listener.
 */
public final class OpSession implements AutoCloseable {
    private final LabEngine engine;
    private final MonitorConnection monitor;
    private final MonitorWatcher watcher;

    public OpSession(LabEngine engine) throws IOException {
        this.engine = engine;
        this.monitor = engine.openMonitor();
        EngineListener l = engine.listener();
        this.watcher = monitor.client().watch(engine.spec().formation, l::snapshot, l::log);
    }

    public LabEngine engine() { return engine; }

    public MonitorClient monitor() { return monitor.client(); }

    public String formation() { return engine.spec().formation; }

    public ClusterSnapshot snapshot() { return monitor.client().snapshot(formation()); }

    public ClusterSnapshot await(Predicate<ClusterSnapshot> done, Duration max, String what) throws InterruptedException {
        return Convergence.await(monitor.client(), formation(), done, max, what, null);
    }

    /** As above, handing every snapshot read to onEach (e.g. a StateTrail recording transitions). */
    public ClusterSnapshot await(Predicate<ClusterSnapshot> done, Duration max, String what,
                                 java.util.function.Consumer<ClusterSnapshot> onEach) throws InterruptedException {
        return Convergence.await(monitor.client(), formation(), done, max, what, onEach);
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } finally {
            monitor.close();
        }
    }
}
