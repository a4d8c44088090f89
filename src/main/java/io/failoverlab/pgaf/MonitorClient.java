package io.failoverlab.pgaf;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.FormationSettings;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.NodeStatus;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Reads and drives a pg_auto_failover monitor over plain SQL as autoctl_node (everything it needs
 * is granted to that role). Reads and actions share one lazily (re)opened connection; each
 * watcher has its own, because LISTEN needs a connection nobody else uses.
 * Thread-safe: calls on the shared connection are serialized.
 */
public final class MonitorClient implements AutoCloseable {
    /** LogLine source of everything the monitor says. */
    public static final String LOG_SOURCE = "monitor";
    public static final String DBNAME = "pg_auto_failover";
    public static final String USER = "autoctl_node";
    /** application_name on the monitor, so its pg_stat_activity shows who is connected. */
    public static final String APP_NAME = "failover-lab";
    public static final String WATCH_APP_NAME = "failover-lab-watch";

    private final String url;
    private final Properties props;
    private final List<MonitorWatcher> watchers = new CopyOnWriteArrayList<>();
    private Connection conn;
    private volatile boolean closed;

    /** url: a pgjdbc URL such as jdbc:postgresql://127.0.0.1:6000/pg_auto_failover?user=autoctl_node&sslmode=require. */
    public MonitorClient(String url) { this(url, new Properties()); }

    /** extra: pgjdbc properties (password, sslmode…) kept out of the URL so it can be logged. */
    public MonitorClient(String url, Properties extra) {
        this.url = url;
        this.props = new Properties();
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "10");
        // a monitor behind a dead SSH tunnel must not hang a read (or a watcher's close) forever
        props.setProperty("socketTimeout", "30");
        props.setProperty("tcpKeepAlive", "true");
        props.putAll(extra);
    }

    /** For a monitor reached at host:port (often the local end of an SSH tunnel). password may be null. */
    public static MonitorClient connect(String host, int port, String sslmode, String user, String password) {
        Properties p = new Properties();
        p.setProperty("user", user == null ? USER : user);
        if (password != null) p.setProperty("password", password);
        p.setProperty("sslmode", sslmode == null ? "require" : sslmode);
        return new MonitorClient(url(host, port), p);
    }

    public static String url(String host, int port) {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + DBNAME;
    }

    /** The URL without secrets, for messages. */
    public String url() { return url; }

    /** The formation as the monitor sees it now; throws LabException when the monitor cannot be queried. */
    public ClusterSnapshot snapshot(String formation) {
        return read("read the state of formation " + formation, c -> snapshot(c, formation));
    }

    /** The last count events of the formation, oldest first. */
    public List<MonitorEvent> lastEvents(String formation, int count) {
        return read("read the monitor's events", c -> {
            try (PreparedStatement ps = c.prepareStatement(MonitorSql.LAST_EVENTS)) {
                ps.setString(1, formation);
                ps.setInt(2, count);
                List<MonitorEvent> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(MonitorEvent.fromRow(rs));
                }
                return List.copyOf(out);
            }
        });
    }

    /**
     * Starts a watcher thread with its own connection: LISTEN state/log, a re-read on each
     * notification and a slow poll. Callbacks run on that thread. Close the returned watcher (or
     * this client) to stop it.
     */
    public MonitorWatcher watch(String formation, Consumer<ClusterSnapshot> onSnapshot, Consumer<LogLine> onLog) {
        return watch(formation, onSnapshot, onLog, n -> { });
    }

    /** As above, also handing over each parsed {@code state} notification (for precise timelines). */
    public MonitorWatcher watch(String formation, Consumer<ClusterSnapshot> onSnapshot, Consumer<LogLine> onLog,
                                Consumer<StateNotification> onState) {
        return watch(formation, onSnapshot, onLog, onState, WatchWaiters.NONE);
    }

    /** As above, re-reading often while waiters are eager and handing them every read (engine.MonitorFeed). */
    public MonitorWatcher watch(String formation, Consumer<ClusterSnapshot> onSnapshot, Consumer<LogLine> onLog,
                                Consumer<StateNotification> onState, WatchWaiters waiters) {
        if (closed) throw new IllegalStateException("monitor client is closed");
        MonitorWatcher w = new MonitorWatcher(this, formation, onSnapshot, onLog, onState, waiters, watchers::remove);
        watchers.add(w);
        w.start();
        return w;
    }

    // --- actions (monitor SQL API, all granted to autoctl_node) ---

    /** Switchover / failover of a group (perform_failover). */
    public void performFailover(String formation, int group) {
        call("perform a failover of formation " + formation + " group " + group,
                c -> exec(c, MonitorSql.PERFORM_FAILOVER, formation, group));
    }

    public boolean performPromotion(String formation, String nodeName) {
        return bool("promote node " + nodeName, MonitorSql.PERFORM_PROMOTION, formation, nodeName);
    }

    public boolean startMaintenance(long nodeId) {
        return bool("start maintenance of node " + nodeId, MonitorSql.START_MAINTENANCE, nodeId);
    }

    public boolean stopMaintenance(long nodeId) {
        return bool("stop maintenance of node " + nodeId, MonitorSql.STOP_MAINTENANCE, nodeId);
    }

    /** Without force the node goes to dropped and disappears when its keeper reports it; force deletes at once. */
    public void removeNode(long nodeId, boolean force) {
        call("remove node " + nodeId, c -> exec(c, MonitorSql.REMOVE_NODE, nodeId, force));
    }

    public boolean setCandidatePriority(String formation, String nodeName, int priority) {
        return bool("set the candidate priority of " + nodeName, MonitorSql.SET_CANDIDATE_PRIORITY,
                formation, nodeName, priority);
    }

    public boolean setReplicationQuorum(String formation, String nodeName, boolean quorum) {
        return bool("set the replication quorum of " + nodeName, MonitorSql.SET_REPLICATION_QUORUM,
                formation, nodeName, quorum);
    }

    public boolean setNumberSyncStandbys(String formation, int n) {
        return bool("set number_sync_standbys of " + formation, MonitorSql.SET_NUMBER_SYNC_STANDBYS, formation, n);
    }

    /** The application's connection string for the formation (group 0), e.g. postgres://h1:p1,h2:p2/db?…. */
    public String formationUri(String formation, String sslmode) {
        return read("read the URI of formation " + formation, c -> {
            try (ResultSet rs = bind(c.prepareStatement(MonitorSql.FORMATION_URI), formation, sslmode).executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        for (MonitorWatcher w : watchers) w.close();
        synchronized (this) {
            closeQuietly(conn);
            conn = null;
        }
    }

    // --- plumbing ---

    /** Opens a new connection; watchers open their own under another application_name. */
    Connection open(String applicationName) throws SQLException {
        Properties p = new Properties();
        p.putAll(props);
        p.setProperty("ApplicationName", applicationName);
        Connection c = DriverManager.getConnection(url, p);
        c.setAutoCommit(true);
        return c;
    }

    static ClusterSnapshot snapshot(Connection c, String formation) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MonitorSql.SNAPSHOT)) {
            ps.setString(1, formation);
            List<NodeStatus> nodes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                NodeStatusRows rows = NodeStatusRows.of(rs);
                while (rs.next()) nodes.add(rows.map(rs));
            }
            return new ClusterSnapshot(Instant.now(), true, null, List.copyOf(nodes), formationSettings(c, formation, nodes));
        }
    }

    /**
     * number_sync_standbys, synchronous_standby_names and the unhealthy timeout; UNKNOWN parts
     * where a read fails (a monitor older than 1.4 has neither the column nor the function).
     * synchronous_standby_names is asked only while a node is a settled writer: the monitor's
     * function fails without a primary, and the watcher reads several times a second.
     */
    static FormationSettings formationSettings(Connection c, String formation, List<NodeStatus> nodes) {
        int nss = -1;
        double unhealthy = FormationSettings.DEFAULT_UNHEALTHY_TIMEOUT_SECONDS;
        try (PreparedStatement ps = c.prepareStatement(MonitorSql.FORMATION_SETTINGS)) {
            ps.setString(1, formation);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    nss = rs.getInt(1);
                    unhealthy = TimingProfile.seconds(rs.getString(2), unhealthy);
                }
            }
        } catch (SQLException e) {
            return FormationSettings.UNKNOWN;
        }
        String names = null;
        boolean settledWriter = nodes.stream().anyMatch(n -> n.reportedState().writable() && n.assignedState().writable());
        if (settledWriter) {
            try (PreparedStatement ps = c.prepareStatement(MonitorSql.SYNCHRONOUS_STANDBY_NAMES)) {
                ps.setString(1, formation);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) names = rs.getString(1);
                }
            } catch (SQLException e) {
                names = null;
            }
        }
        return new FormationSettings(nss, names, unhealthy);
    }

    interface SqlCall<T> { T run(Connection c) throws SQLException; }

    /** An action, on the shared connection; errors become one LabException sentence. Never sent twice. */
    private <T> T call(String what, SqlCall<T> body) {
        return run(what, body, false);
    }

    /**
     * A read, on the shared connection; when that connection turns out broken (the monitor restarted
     * since, a tunnel dropped: "An I/O error occurred while sending to the backend"), read again once
     * on a new one rather than report a failure the monitor never had.
     */
    private <T> T read(String what, SqlCall<T> body) {
        return run(what, body, true);
    }

    private synchronized <T> T run(String what, SqlCall<T> body, boolean again) {
        if (closed) throw new LabException("Cannot " + what + ": the monitor client is closed.");
        try {
            if (conn == null || conn.isClosed()) conn = open(APP_NAME);
            return body.run(conn);
        } catch (SQLException e) {
            // a broken connection is dropped so the next call reconnects
            boolean broken = conn != null && !isValid(conn);
            if (broken) {
                closeQuietly(conn);
                conn = null;
                if (again) return run(what, body, false);
            }
            throw new LabException("Cannot " + what + " on the monitor at " + url + ": " + reason(e), e);
        }
    }

    private boolean bool(String what, String sql, Object... args) {
        return call(what, c -> {
            try (ResultSet rs = bind(c.prepareStatement(sql), args).executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        });
    }

    private static Void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = bind(c.prepareStatement(sql), args)) {
            ps.execute();
        }
        return null;
    }

    private static PreparedStatement bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
        return ps;
    }

    /** The server's own message (e.g. "cannot fail over: primary node is not in a stable state"). */
    static String reason(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.startsWith("ERROR: ") ? m.substring(7).split("\n")[0] : m.split("\n")[0];
    }

    private static boolean isValid(Connection c) {
        try {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    static void closeQuietly(AutoCloseable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (Exception ignored) {
            // closing a dead connection may fail; nothing to do about it
        }
    }
}
