package io.failoverlab.pgaf;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.NodeStatus;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Follows one formation on its own thread and connection. The monitor NOTIFYs {@code state} and
 * {@code log} on every state change but not on LSN/lag progress, so each notification triggers a
 * re-read and a slow poll catches the rest. Snapshots are delivered when they differ from the last
 * one (lags and timestamp ignored) and on every slow poll. A lost connection is reported once as
 * an unreachable snapshot, then retried with exponential backoff. While someone waits on the watch
 * ({@link WatchWaiters}) it re-reads and retries every 200 ms and hands them every read.
 */
public final class MonitorWatcher implements AutoCloseable {
    static final String CHANNEL_STATE = "state";
    static final String CHANNEL_LOG = "log";
    /** How long one wait for notifications lasts: also the bound on how long close() takes. */
    private static final int WAIT_MS = 200;
    private static final Duration POLL = Duration.ofSeconds(2);
    private static final long BACKOFF_MIN_MS = 500;
    private static final long BACKOFF_MAX_MS = 5000;

    private final MonitorClient client;
    private final String formation;
    private final Consumer<ClusterSnapshot> onSnapshot;
    private final Consumer<LogLine> onLog;
    private final Consumer<StateNotification> onState;
    private final Consumer<MonitorWatcher> onClosed;
    private final WatchWaiters waiters;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection conn;
    private ClusterSnapshot last;
    private boolean downReported;

    MonitorWatcher(MonitorClient client, String formation, Consumer<ClusterSnapshot> onSnapshot,
                   Consumer<LogLine> onLog, Consumer<StateNotification> onState, WatchWaiters waiters,
                   Consumer<MonitorWatcher> onClosed) {
        this.client = client;
        this.formation = Objects.requireNonNull(formation);
        this.onSnapshot = Objects.requireNonNull(onSnapshot);
        this.onLog = Objects.requireNonNull(onLog);
        this.onState = Objects.requireNonNull(onState);
        this.onClosed = onClosed;
        this.waiters = Objects.requireNonNull(waiters);
        this.thread = new Thread(this::loop, "monitor-watch-" + formation);
        thread.setDaemon(true);
    }

    void start() { thread.start(); }

    public boolean isRunning() { return thread.isAlive(); }

    /** Stops the thread and waits for it (at most a couple of seconds). */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        MonitorClient.closeQuietly(conn);
        onClosed.accept(this);
    }

    private void loop() {
        long backoff = BACKOFF_MIN_MS;
        while (!closed) {
            try {
                conn = client.open(MonitorClient.WATCH_APP_NAME);
                try (Statement st = conn.createStatement()) {
                    st.execute("LISTEN " + CHANNEL_STATE + "; LISTEN " + CHANNEL_LOG);
                }
                backoff = BACKOFF_MIN_MS;
                downReported = false;
                follow(conn.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException e) {
                if (closed) break;
                ClusterSnapshot down = ClusterSnapshot.unreachable("monitor at " + client.url() + ": " + MonitorClient.reason(asSql(e)));
                if (!closed) safe(() -> waiters.read(down));
                if (!downReported) {
                    downReported = true;
                    last = null; // the first snapshot after reconnecting is always delivered
                    deliver(down);
                }
            } finally {
                MonitorClient.closeQuietly(conn);
                conn = null;
            }
            if (closed) break;
            try {
                pause(backoff);
            } catch (InterruptedException e) {
                break;
            }
            backoff = Math.min(backoff * 2, BACKOFF_MAX_MS);
        }
    }

    /** Reads once, then waits for notifications until closed or the connection fails. */
    private void follow(PGConnection pg) throws SQLException {
        refresh(true);
        long nextPoll = System.nanoTime() + POLL.toNanos();
        while (!closed) {
            PGNotification[] ns = pg.getNotifications(WAIT_MS);
            boolean changed = false;
            if (ns != null) {
                for (PGNotification n : ns) changed |= handle(n);
            }
            if (System.nanoTime() >= nextPoll) {
                refresh(true);
                nextPoll = System.nanoTime() + POLL.toNanos();
            } else if (changed || waiters.eager()) {
                refresh(false);
            }
        }
    }

    /** Sleeps ms, cut short to one wait while someone waits on the watch (a monitor back up is seen at once). */
    private void pause(long ms) throws InterruptedException {
        long end = System.nanoTime() + ms * 1_000_000;
        long slice = Math.min(ms, WAIT_MS);
        while (!closed) {
            Thread.sleep(slice);
            if (waiters.eager() || System.nanoTime() >= end) return;
        }
    }

    /** True when the notification may have changed this formation. */
    private boolean handle(PGNotification n) {
        if (CHANNEL_LOG.equals(n.getName())) {
            emit(LogLine.of(MonitorClient.LOG_SOURCE, LogLine.Level.EVENT, n.getParameter()));
            return true; // forced remove_node only says "Removing node …" on log
        }
        if (CHANNEL_STATE.equals(n.getName())) {
            try {
                StateNotification s = StateNotification.parse(n.getParameter());
                if (!formation.equals(s.formation())) return false;
                safe(() -> onState.accept(s));
            } catch (LabException e) {
                emit(LogLine.of(MonitorClient.LOG_SOURCE, LogLine.Level.WARN, e.getMessage()));
            }
            return true;
        }
        return false;
    }

    private void refresh(boolean always) throws SQLException {
        ClusterSnapshot s = MonitorClient.snapshot(conn, formation);
        if (!closed) safe(() -> waiters.read(s));
        if (always || last == null || !sameState(last, s)) deliver(s);
        last = s;
    }

    /** Equal but for the time taken and the lag seconds, which change on every read. */
    static boolean sameState(ClusterSnapshot a, ClusterSnapshot b) {
        return a.monitorReachable() == b.monitorReachable() && Objects.equals(a.error(), b.error())
                && withoutLags(a.nodes()).equals(withoutLags(b.nodes()));
    }

    private static List<NodeStatus> withoutLags(List<NodeStatus> nodes) {
        return nodes.stream().map(n -> new NodeStatus(n.name(), n.nodeId(), n.groupId(), n.host(), n.port(),
                n.reportedState(), n.assignedState(), n.health(), n.tli(), n.lsn(), n.candidatePriority(),
                n.replicationQuorum(), 0, 0, n.pgIsRunning())).toList();
    }

    private void deliver(ClusterSnapshot s) {
        if (!closed) safe(() -> onSnapshot.accept(s));
    }

    private void emit(LogLine l) {
        if (!closed) safe(() -> onLog.accept(l));
    }

    /** A failing consumer must not kill the watcher. */
    private static void safe(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // the consumer's own problem; the watch goes on
        }
    }

    private static SQLException asSql(Exception e) {
        return e instanceof SQLException s ? s : new SQLException(e.getMessage(), e);
    }
}
