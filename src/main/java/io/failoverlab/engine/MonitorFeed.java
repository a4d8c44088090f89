package io.failoverlab.engine;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LogLine;
import io.failoverlab.pgaf.MonitorWatcher;

import java.util.function.Consumer;

/**
 * The console's live view of the monitor: opens the connection (an SSH tunnel for a remote
 * monitor) on its own thread, retrying with backoff, then lets a MonitorWatcher stream
 * snapshots and monitor events. The watcher itself reconnects when the monitor goes away.
 */
public final class MonitorFeed implements AutoCloseable {
    private final LabEngine engine;
    private final Consumer<ClusterSnapshot> snapshots;
    private final Consumer<LogLine> log;
    private Thread opener;
    private MonitorConnection connection;
    private MonitorWatcher watcher;
    private volatile boolean running;

    public MonitorFeed(LabEngine engine, Consumer<ClusterSnapshot> snapshots, Consumer<LogLine> log) {
        this.engine = engine;
        this.snapshots = snapshots;
        this.log = log;
    }

    public boolean running() { return running; }

    /** Starts watching unless already watching; returns at once. */
    public synchronized void start() {
        if (running) return;
        running = true;
        opener = new Thread(this::open, "monitor-feed-open");
        opener.setDaemon(true);
        opener.start();
    }

    private void open() {
        long backoff = 500;
        boolean reported = false;
        while (running) {
            try {
                MonitorConnection c = engine.openMonitor();
                synchronized (this) {
                    if (!running) {
                        c.close();
                        return;
                    }
                    connection = c;
                    watcher = c.client().watch(engine.spec().formation, snapshots, log);
                }
                return;
            } catch (Exception e) {
                if (!reported) {
                    reported = true;
                    snapshots.accept(ClusterSnapshot.unreachable(e.getMessage()));
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = Math.min(backoff * 2, 5000);
            }
        }
    }

    /** Stops watching and closes the connection; waits for the watcher thread (about a second). */
    public void stop() {
        MonitorWatcher w;
        MonitorConnection c;
        Thread o;
        synchronized (this) {
            running = false;
            w = watcher;
            c = connection;
            o = opener;
            watcher = null;
            connection = null;
            opener = null;
        }
        if (o != null) o.interrupt();
        if (w != null) w.close();
        if (c != null) c.close();
    }

    @Override
    public void close() { stop(); }
}
