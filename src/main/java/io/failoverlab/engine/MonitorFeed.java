package io.failoverlab.engine;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.pgaf.MonitorClient;
import io.failoverlab.pgaf.MonitorWatcher;
import io.failoverlab.pgaf.WatchWaiters;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The lab's one live view of the monitor (docs/architecture.md, Data flow): one connection (an
 * SSH tunnel for a remote monitor) and one MonitorWatcher, whose snapshots and monitor events go
 * to the engine's listener (face and journal). Operations read and act through its client and
 * wait on it with a {@link Reader}. Opened on first use; the watcher reconnects by itself.
 */
public final class MonitorFeed implements AutoCloseable {
    private final LabEngine engine;
    private final List<Reader> readers = new CopyOnWriteArrayList<>();
    private final WatchWaiters waiters = new WatchWaiters() {
        @Override public boolean eager() { return !readers.isEmpty(); }
        @Override public void read(ClusterSnapshot s) { readers.forEach(r -> r.queue.offer(s)); }
    };
    private Thread opener;
    private MonitorConnection connection;
    private MonitorWatcher watcher;
    private volatile boolean running;

    MonitorFeed(LabEngine engine) {
        this.engine = engine;
    }

    public boolean running() { return running; }

    /** Starts watching unless already watching; returns at once, opening (with retries) on a thread of its own. */
    public synchronized void start() {
        if (running) return;
        running = true;
        opener = new Thread(this::open, "monitor-feed-open");
        opener.setDaemon(true);
        opener.start();
    }

    /** The feed's client for reads and actions, opening the connection now (and watching) if it is not open. */
    public MonitorClient client() throws IOException {
        synchronized (this) {
            if (connection != null) return connection.client();
        }
        return adopt(engine.openMonitor(), true).client();
    }

    /** The monitor's view read now on the feed's connection; unreachable when it cannot be read. */
    public ClusterSnapshot readNow() {
        try {
            return client().snapshot(engine.spec().formation);
        } catch (IOException | RuntimeException e) {
            return ClusterSnapshot.unreachable(e.getMessage());
        }
    }

    /** The feed's client when its connection is open, without opening one. */
    public synchronized java.util.Optional<MonitorClient> openClient() {
        return java.util.Optional.ofNullable(connection).map(MonitorConnection::client);
    }

    /** Registers a waiter: until it is closed the watcher re-reads every 200 ms and queues every read here. */
    public Reader reader() {
        Reader r = new Reader();
        readers.add(r);
        return r;
    }

    private void open() {
        long backoff = 500;
        boolean reported = false;
        while (running) {
            synchronized (this) {
                if (connection != null) return; // an operation opened it meanwhile
            }
            try {
                adopt(engine.openMonitor(), false);
                return;
            } catch (Exception e) {
                if (!reported) {
                    reported = true;
                    engine.listener().snapshot(ClusterSnapshot.unreachable(e.getMessage()));
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

    /**
     * Keeps c as the feed's connection and starts the watch on it, unless one is kept already or
     * the feed was stopped meanwhile (then c is closed); an operation's open (asked) also starts it.
     */
    private MonitorConnection adopt(MonitorConnection c, boolean asked) {
        synchronized (this) {
            if (connection == null && (running || asked)) {
                running = true;
                EngineListener l = engine.listener();
                connection = c;
                watcher = c.client().watch(engine.spec().formation, l::snapshot, l::log, n -> { }, waiters);
                return c;
            }
        }
        c.close();
        MonitorConnection kept;
        synchronized (this) {
            kept = connection;
        }
        if (kept == null) throw new IllegalStateException("the monitor feed was stopped");
        return kept;
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

    /** One waiter's queue of the snapshots the watcher read since it registered. */
    public final class Reader implements AutoCloseable {
        private final LinkedBlockingQueue<ClusterSnapshot> queue = new LinkedBlockingQueue<>();

        private Reader() { }

        /** The next snapshot read, or null when none came within nanos. */
        public ClusterSnapshot next(long nanos) throws InterruptedException {
            return queue.poll(nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void close() { readers.remove(this); }
    }
}
