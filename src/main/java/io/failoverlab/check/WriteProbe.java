package io.failoverlab.check;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.Optional;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A client that keeps writing numbered rows, one per transaction, through a multi-host URL that
 * follows the primary, so a failover shows up as measured write downtime, and the bookkeeping
 * of acknowledged commits proves afterwards that none was lost.
 * <p>
 * Bookkeeping rules: an id counts as acknowledged only when COMMIT returned. When the INSERT
 * fails, nothing was committed (failed). When COMMIT was sent but its answer never came, the row
 * may or may not exist: that id is in doubt, never counted as lost.
 * <p>
 * Configure, {@link #start()}, later {@link #stop()} and {@link #verify}. One probe per table at a time.
 */
public final class WriteProbe implements AutoCloseable {
    public static final String DEFAULT_TABLE = "failover_probe";
    private static final String APP = "failover-lab write probe";

    /** One acknowledged commit. */
    /** One acknowledged commit: which id, when COMMIT returned, and on which server (host:port). */
    public record Ack(long id, Instant at, String server) { }

    private final List<PgNode> nodes;
    private final ConnectionSettings settings;
    private String table = DEFAULT_TABLE;
    private Duration pause = Duration.ofMillis(50);
    private Duration backoff = Duration.ofMillis(200);
    private volatile ProbeListener listener;

    private final Object lock = new Object();
    private final List<Ack> acks = new ArrayList<>();
    private final List<Long> inDoubtIds = new ArrayList<>();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile boolean running;
    private volatile Connection conn;
    private volatile Thread thread;
    private long firstId;
    private long nextId;
    // counters, guarded by lock
    private long attempted, failed, connectFailures;
    private long startNanos, lastAckNanos, stopNanos, longestGapNanos;
    private Instant lastAckAt, longestGapEndedAt;
    private String server, lastError;

    /** Nodes in the order pgjdbc should try them (usually the expected primary first). */
    public WriteProbe(List<PgNode> nodes, ConnectionSettings settings) {
        if (nodes.isEmpty()) throw new IllegalArgumentException("The write probe needs at least one node.");
        this.nodes = List.copyOf(nodes);
        this.settings = Objects.requireNonNull(settings);
    }

    public WriteProbe table(String name) { notStarted(); Identifiers.quote(name); table = name; return this; }

    public WriteProbe pause(Duration d) { notStarted(); pause = Objects.requireNonNull(d); return this; }

    public WriteProbe backoff(Duration d) { notStarted(); backoff = Objects.requireNonNull(d); return this; }

    public WriteProbe listener(ProbeListener l) { listener = l; return this; }

    /**
     * The URL the probe writes through: every node, primary wanted, short timeouts so a dead host
     * costs seconds, and a 1 s host-status recheck so a freshly promoted standby is seen quickly.
     */
    public String url() {
        return settings.multiHostUrl(nodes, "primary")
                + "&connectTimeout=2&socketTimeout=5&loginTimeout=3&hostRecheckSeconds=1";
    }

    /** Creates the probe table if needed (on the current primary) and starts the writer thread. */
    public synchronized void start() {
        notStarted();
        long first;
        // Outside the stats lock: a slow connect must not block stats() readers (the UI).
        try (Connection c = Jdbc.connect(url(), props()); Statement st = c.createStatement()) {
            st.execute("create table if not exists " + Identifiers.quote(table)
                    + " (id bigint primary key, written_at timestamptz not null default now())");
            try (ResultSet rs = st.executeQuery("select coalesce(max(id), 0) + 1 from " + Identifiers.quote(table))) {
                rs.next();
                first = rs.getLong(1); // continue after an earlier run's rows instead of deleting them
            }
        } catch (SQLException e) {
            throw new DataCheckException("Could not prepare the write probe table " + table + ": " + Jdbc.message(e), e);
        }
        synchronized (lock) {
            firstId = first;
            nextId = first;
            startNanos = System.nanoTime();
            lastAckNanos = startNanos;
            running = true;
            thread = new Thread(this::loop, "write-probe");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Stops writing; waits for the attempt in flight so the bookkeeping is final. Idempotent. */
    public void stop() throws InterruptedException {
        Thread t;
        synchronized (lock) {
            if (!running) return;
            running = false;
            t = thread;
        }
        stopSignal.countDown();
        t.join(10_000); // socketTimeout (5 s) bounds the attempt in flight
        if (t.isAlive()) {
            Connection c = conn;
            if (c != null) {
                try {
                    c.abort(Runnable::run);
                } catch (SQLException ignored) {
                    // aborting is best effort; the join below decides
                }
            }
            t.join(5_000);
        }
        synchronized (lock) {
            stopNanos = System.nanoTime();
            server = null;
        }
        fire();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    public boolean isRunning() { return running; }

    public ProbeStats stats() {
        synchronized (lock) {
            long now = running || stopNanos == 0 ? System.nanoTime() : stopNanos;
            long current = now - lastAckNanos;
            long longest = running ? Math.max(longestGapNanos, current) : longestGapNanos;
            return new ProbeStats(running, attempted, acks.size(), failed, inDoubtIds.size(), connectFailures,
                    acks.isEmpty() ? 0 : acks.get(acks.size() - 1).id(), lastAckAt,
                    startNanos == 0 ? Duration.ZERO : Duration.ofNanos(current), Duration.ofNanos(longest),
                    longestGapEndedAt, server, lastError);
        }
    }

    /** Every acknowledged commit so far, in order. */
    public List<Ack> acknowledged() {
        synchronized (lock) { return List.copyOf(acks); }
    }

    /**
     * Waits up to max for an acknowledged commit that which accepts (e.g. the first one on another
     * server after a fault); woken by each acknowledgement, so no polling.
     */
    public Optional<Ack> awaitAck(Predicate<Ack> which, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (lock) {
            int seen = 0;
            while (true) {
                for (; seen < acks.size(); seen++) {
                    if (which.test(acks.get(seen))) return Optional.of(acks.get(seen));
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) return Optional.empty();
                lock.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    public List<Long> inDoubt() {
        synchronized (lock) { return List.copyOf(inDoubtIds); }
    }

    private void loop() {
        try (PreparedStatementHolder h = new PreparedStatementHolder()) {
            while (running) {
                if (conn == null && !connect(h)) {
                    sleep(backoff);
                    continue;
                }
                long id;
                synchronized (lock) {
                    id = nextId++;
                    attempted++;
                }
                try {
                    h.insert.setLong(1, id);
                    h.insert.executeUpdate();
                } catch (SQLException e) {
                    // The INSERT failed, so its transaction never committed: a plain failure.
                    synchronized (lock) { failed++; lastError = Jdbc.message(e); }
                    disconnect(h);
                    fire();
                    sleep(backoff);
                    continue;
                }
                try {
                    conn.commit();
                    acked(id);
                } catch (SQLException e) {
                    // COMMIT sent, answer lost: the server may have committed it. In doubt.
                    synchronized (lock) { inDoubtIds.add(id); lastError = Jdbc.message(e); }
                    disconnect(h);
                    fire();
                    sleep(backoff);
                    continue;
                }
                fire();
                sleep(pause);
            }
        } finally {
            Jdbc.closeQuietly(conn);
            conn = null;
        }
    }

    /** Holds the connection's prepared INSERT so it is closed with the connection. */
    private static final class PreparedStatementHolder implements AutoCloseable {
        PreparedStatement insert;

        @Override
        public void close() { Jdbc.closeQuietly(insert); }
    }

    private boolean connect(PreparedStatementHolder h) {
        Connection c = null;
        try {
            c = Jdbc.connect(url(), props());
            // the host:port of the URL this connection went to: unique per node even when nodes
            // are reached through SSH tunnels (where the server itself only sees 127.0.0.1)
            String where = c.unwrap(org.postgresql.jdbc.PgConnection.class).getQueryExecutor().getHostSpec().toString();
            c.setAutoCommit(false);
            h.insert = c.prepareStatement("insert into " + Identifiers.quote(table) + " (id) values (?)");
            conn = c;
            synchronized (lock) { server = where; }
            fire();
            return true;
        } catch (SQLException e) {
            Jdbc.closeQuietly(c);
            synchronized (lock) { connectFailures++; lastError = Jdbc.message(e); }
            fire();
            return false;
        }
    }

    private void disconnect(PreparedStatementHolder h) {
        Jdbc.closeQuietly(h.insert);
        h.insert = null;
        Jdbc.closeQuietly(conn);
        conn = null;
        synchronized (lock) { server = null; }
    }

    private void acked(long id) {
        long now = System.nanoTime();
        Instant at = Instant.now();
        synchronized (lock) {
            acks.add(new Ack(id, at, server));
            long gap = now - lastAckNanos;
            if (gap > longestGapNanos) {
                longestGapNanos = gap;
                longestGapEndedAt = at;
            }
            lastAckNanos = now;
            lastAckAt = at;
            lock.notifyAll();
        }
    }

    private void fire() {
        ProbeListener l = listener;
        if (l == null) return;
        try {
            l.onStats(stats());
        } catch (RuntimeException ignored) {
            // a faulty listener must not stop the probe
        }
    }

    private void sleep(Duration d) {
        try {
            stopSignal.await(d.toMillis(), TimeUnit.MILLISECONDS); // returns at once when stopped
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private Properties props() {
        return settings.properties(APP);
    }

    private void notStarted() {
        if (thread != null) throw new IllegalStateException("The write probe was already started.");
    }

    /** {@link #verify(List, Duration)} without waiting for replay. */
    public ProbeVerification verify(List<PgNode> targets) throws InterruptedException {
        return verify(targets, Duration.ZERO);
    }

    /**
     * Reads the probe table on each node and counts acknowledged ids that are missing. A node still
     * missing some is re-read until {@code settle} ends, so a standby gets time to replay.
     */
    public ProbeVerification verify(List<PgNode> targets, Duration settle) throws InterruptedException {
        if (running) throw new IllegalStateException("Stop the write probe before verifying it.");
        List<Ack> ackList = acknowledged();
        List<Long> doubt = inDoubt();
        long last;
        synchronized (lock) { last = nextId - 1; }
        List<ProbeVerification.NodeCheck> out = new ArrayList<>();
        for (PgNode n : targets) {
            long end = System.nanoTime() + settle.toNanos();
            ProbeVerification.NodeCheck r = verifyNode(n, ackList, doubt, last);
            while (r.reachable() && r.lost() > 0 && System.nanoTime() < end) {
                Thread.sleep(200);
                r = verifyNode(n, ackList, doubt, last);
            }
            out.add(r);
        }
        return new ProbeVerification(ackList.size(), doubt.size(), out);
    }

    private ProbeVerification.NodeCheck verifyNode(PgNode n, List<Ack> ackList, List<Long> doubt, long last) {
        BitSet present = new BitSet();
        Boolean inRecovery = null;
        try (Connection c = Jdbc.connect(settings.url(n), props())) {
            c.setAutoCommit(false); // needed for a cursor (fetch size) over a long run's rows
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select pg_is_in_recovery()")) {
                rs.next();
                inRecovery = rs.getBoolean(1);
            }
            if (last >= firstId) {
                try (PreparedStatement ps = c.prepareStatement(
                        "select id from " + Identifiers.quote(table) + " where id between ? and ?")) {
                    ps.setFetchSize(10_000);
                    ps.setLong(1, firstId);
                    ps.setLong(2, last);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) present.set((int) (rs.getLong(1) - firstId));
                    }
                }
            }
            c.rollback();
        } catch (SQLException e) {
            return new ProbeVerification.NodeCheck(n, false, Jdbc.message(e), inRecovery, 0, List.of(), 0, 0);
        }
        long lost = 0;
        List<Long> sample = new ArrayList<>();
        for (Ack a : ackList) {
            if (!present.get((int) (a.id() - firstId))) {
                lost++;
                if (sample.size() < 20) sample.add(a.id());
            }
        }
        long found = doubt.stream().filter(id -> present.get((int) (id - firstId))).count();
        return new ProbeVerification.NodeCheck(n, true, null, inRecovery, lost, sample, found, doubt.size() - found);
    }
}
