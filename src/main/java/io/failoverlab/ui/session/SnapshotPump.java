package io.failoverlab.ui.session;

import io.failoverlab.lab.ClusterSnapshot;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands snapshots from watcher threads to the FX thread, coalescing bursts: while one hand-over
 * is pending a newer snapshot replaces the waiting one, so the FX queue never fills up.
 */
public final class SnapshotPump implements Consumer<ClusterSnapshot> {
    private final AtomicReference<ClusterSnapshot> pending = new AtomicReference<>();
    private final Executor fx;
    private final Consumer<ClusterSnapshot> sink;

    public SnapshotPump(Executor fx, Consumer<ClusterSnapshot> sink) {
        this.fx = fx;
        this.sink = sink;
    }

    @Override
    public void accept(ClusterSnapshot s) {
        if (pending.getAndSet(s) == null) fx.execute(this::drain);
    }

    private void drain() {
        ClusterSnapshot s = pending.getAndSet(null);
        if (s != null) sink.accept(s);
    }
}
