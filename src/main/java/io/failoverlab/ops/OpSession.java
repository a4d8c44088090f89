package io.failoverlab.ops;

import io.failoverlab.lab.Msg;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.engine.MonitorFeed;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.pgaf.MonitorClient;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What an operation holds while it runs: the lab's one monitor feed (docs/architecture.md, Data
 * flow), whose client it reads and acts through and on whose snapshots it waits. It opens no
 * connection or watcher of its own; the feed's watcher streams the monitor's events to the
 * engine's listener and keeps running after the operation.
 */
public final class OpSession implements AutoCloseable {
    private final LabEngine engine;
    private final MonitorFeed feed;
    private final MonitorClient monitor;

    public OpSession(LabEngine engine) throws IOException {
        this.engine = engine;
        this.feed = engine.monitorFeed();
        this.monitor = feed.client();
    }

    public LabEngine engine() { return engine; }

    public MonitorClient monitor() { return monitor; }

    public String formation() { return engine.spec().formation; }

    public ClusterSnapshot snapshot() { return monitor.snapshot(formation()); }

    public ClusterSnapshot await(Predicate<ClusterSnapshot> done, Duration max, Msg what) throws InterruptedException {
        return Convergence.await(feed, done, max, what, null);
    }

    /** As above, handing every snapshot read to onEach (e.g. a StateTrail recording transitions). */
    public ClusterSnapshot await(Predicate<ClusterSnapshot> done, Duration max, Msg what,
                                 Consumer<ClusterSnapshot> onEach) throws InterruptedException {
        return Convergence.await(feed, done, max, what, onEach);
    }

    /** Follows the monitor until the formation settles (Settling) or bound passes: the one wait after a request. */
    public Followed follow(Settling settling, Duration bound, Consumer<ClusterSnapshot> onEach) throws InterruptedException {
        return Convergence.follow(feed, settling, bound, onEach);
    }

    /** Hands every snapshot to onEach until done holds or bound passes (Convergence.observe); true when done held. */
    public boolean observe(Predicate<ClusterSnapshot> done, Duration bound, Consumer<ClusterSnapshot> onEach) throws InterruptedException {
        return Convergence.observe(feed, done, bound, onEach);
    }

    /**
     * A session once the monitor answers: the lab's feed is started (its opener retries a monitor
     * that is still starting) and waited on until it reads the monitor; for a monitor just started
     * or replaced, when opening a session at once would fail.
     */
    public static OpSession whenReachable(LabEngine engine, Duration max, Msg what) throws IOException, InterruptedException {
        MonitorFeed feed = engine.monitorFeed();
        feed.start();
        Convergence.await(feed, s -> true, max, what, null);
        return new OpSession(engine);
    }

    /** The feed belongs to the lab, not to the operation: nothing to close. */
    @Override
    public void close() { }
}
