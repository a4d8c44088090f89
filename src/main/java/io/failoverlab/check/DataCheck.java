package io.failoverlab.check;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The lab's data check (step 5 of the exercise): create {@code ha_test} on the primary, read it
 * on every node, and show that standbys answer reads but refuse writes. The table name is a user
 * value, so it is always quoted; every other value is a bound parameter.
 * Thread-safe: no state besides the immutable configuration.
 */
public final class DataCheck {
    public static final String DEFAULT_TABLE = "ha_test";
    /** The original lab's row count. */
    public static final int DEFAULT_ROWS = 1_000_000;
    private static final String APP = "failover-lab data check";

    private final List<PgNode> nodes;
    private final ConnectionSettings settings;
    private final String table;
    private final String quoted;

    public DataCheck(List<PgNode> nodes, ConnectionSettings settings) {
        this(nodes, settings, DEFAULT_TABLE);
    }

    public DataCheck(List<PgNode> nodes, ConnectionSettings settings, String table) {
        this.nodes = List.copyOf(nodes);
        this.settings = Objects.requireNonNull(settings);
        this.table = table == null ? DEFAULT_TABLE : table;
        this.quoted = Identifiers.quote(this.table);
    }

    public String table() { return table; }

    public List<PgNode> nodes() { return nodes; }

    /** How many rows, and which ser_id range, an insert added. */
    public record Inserted(long count, long firstSerId, long lastSerId) { }

    /** The original lab's table: {@value #DEFAULT_ROWS} rows, an existing table is an error. */
    public long createTable(PgNode primary) {
        return createTable(primary, DEFAULT_ROWS, false);
    }

    /**
     * {@code create table T as select generate_series(1, N) ser_id} on the primary.
     * With dropFirst, an existing table is dropped in the same transaction; without it an
     * existing table is an error (the check never destroys data it was not asked to).
     * @return the number of rows created
     */
    public long createTable(PgNode primary, int rows, boolean dropFirst) {
        if (rows < 0) throw new IllegalArgumentException("rows must be >= 0");
        try (Connection c = connect(primary)) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                if (dropFirst) st.execute("drop table if exists " + quoted);
            }
            long n;
            // ::integer keeps the column type of the original lab's literal generate_series(1,1000000).
            try (PreparedStatement ps = c.prepareStatement(
                    "create table " + quoted + " as select generate_series(1, ?::integer) ser_id")) {
                ps.setInt(1, rows);
                n = ps.executeUpdate();
            }
            c.commit();
            return n;
        } catch (SQLException e) {
            throw fail("Could not create table " + table + " on " + primary.name(), e);
        }
    }

    /** Inserts k rows numbered after the current max(ser_id), in one transaction. */
    public Inserted insertRows(PgNode primary, int k) {
        if (k <= 0) throw new IllegalArgumentException("k must be > 0");
        String sql = "with ins as (insert into " + quoted + " (ser_id)"
                + " select m.v + g from (select coalesce(max(ser_id), 0) v from " + quoted + ") m,"
                + " generate_series(1, ?::integer) g returning ser_id)"
                + " select count(*), min(ser_id), max(ser_id) from ins";
        try (Connection c = connect(primary); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, k);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Inserted(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        } catch (SQLException e) {
            throw fail("Could not insert into " + table + " on " + primary.name(), e);
        }
    }

    /** Reads every node (in parallel) and tries a rolled-back INSERT on each. */
    public DataCheckResult inspect() {
        return inspectAll(true);
    }

    /**
     * Polls (reads only) until every reachable standby shows the primary's count and max, or the
     * timeout ends; then returns a full {@link #inspect()}. Replay is asynchronous, so a check
     * right after a write would otherwise report a lag as an inconsistency.
     */
    public DataCheckResult awaitReplay(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (replayed(inspectAll(false))) break;
            Thread.sleep(200);
        }
        return inspect();
    }

    private static boolean replayed(DataCheckResult r) {
        var primary = r.primary();
        if (primary.isEmpty()) return r.allConsistent();
        NodeDataResult p = primary.get();
        return r.reachable().stream().allMatch(n -> n.tablePresent()
                && Objects.equals(n.rowCount(), p.rowCount()) && Objects.equals(n.maxSerId(), p.maxSerId()));
    }

    private DataCheckResult inspectAll(boolean tryWrite) {
        // One thread per node: a node that is down costs one connect timeout, not one per node.
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(nodes.size(), 8)), r -> {
            Thread t = new Thread(r, "data-check");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<NodeDataResult>> futures = new ArrayList<>();
            for (PgNode n : nodes) futures.add(pool.submit(() -> inspectNode(n, tryWrite)));
            List<NodeDataResult> out = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    out.add(NodeDataResult.unreachable(nodes.get(i), Jdbc.message(e.getCause())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    out.add(NodeDataResult.unreachable(nodes.get(i), "interrupted"));
                }
            }
            return new DataCheckResult(table, Instant.now(), out);
        } finally {
            pool.shutdownNow();
        }
    }

    NodeDataResult inspectNode(PgNode node, boolean tryWrite) {
        Connection c;
        try {
            c = connect(node);
        } catch (SQLException e) {
            return NodeDataResult.unreachable(node, Jdbc.message(e));
        }
        try (c) {
            boolean inRecovery;
            boolean readOnly;
            boolean present;
            try (PreparedStatement ps = c.prepareStatement("select pg_is_in_recovery(),"
                    + " current_setting('transaction_read_only')::boolean, to_regclass(?) is not null")) {
                ps.setString(1, quoted);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    inRecovery = rs.getBoolean(1);
                    readOnly = rs.getBoolean(2);
                    present = rs.getBoolean(3);
                }
            }
            Long count = null;
            Long max = null;
            if (present) {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("select count(*), max(ser_id) from " + quoted)) {
                    rs.next();
                    count = rs.getLong(1);
                    max = rs.getObject(2) == null ? null : rs.getLong(2);
                }
            }
            if (!tryWrite) {
                return new NodeDataResult(node, true, null, present, count, max, inRecovery, readOnly,
                        NodeDataResult.WriteOutcome.NOT_TRIED, false, null, null);
            }
            return tryInsert(c, node, present, count, max, inRecovery, readOnly);
        } catch (SQLException e) {
            // Connected, then lost it (node stopping, socket timeout): still "not reachable now".
            return NodeDataResult.unreachable(node, Jdbc.message(e));
        }
    }

    /** The lab's "try to write on the standby", always rolled back so the check changes nothing. */
    private NodeDataResult tryInsert(Connection c, PgNode node, boolean present, Long count, Long max,
                                     boolean inRecovery, boolean readOnly) throws SQLException {
        c.setAutoCommit(false);
        NodeDataResult.WriteOutcome outcome;
        String state = null;
        String message = null;
        try (PreparedStatement ps = c.prepareStatement("insert into " + quoted
                + " (ser_id) select coalesce(max(ser_id), 0) + 1 from " + quoted)) {
            ps.executeUpdate();
            outcome = NodeDataResult.WriteOutcome.ACCEPTED;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) throw e; // connection lost
            state = e.getSQLState();
            message = Jdbc.message(e);
            outcome = Jdbc.READ_ONLY_SQL_TRANSACTION.equals(state)
                    ? NodeDataResult.WriteOutcome.REFUSED_READ_ONLY : NodeDataResult.WriteOutcome.FAILED;
        } finally {
            c.rollback();
        }
        boolean expected = outcome == NodeDataResult.WriteOutcome.REFUSED_READ_ONLY && (inRecovery || readOnly);
        return new NodeDataResult(node, true, null, present, count, max, inRecovery, readOnly,
                outcome, expected, state, message);
    }

    private Connection connect(PgNode node) throws SQLException {
        return Jdbc.connect(settings.url(node), settings.properties(APP));
    }

    private static DataCheckException fail(String what, SQLException e) {
        return new DataCheckException(what + ": " + Jdbc.message(e), e);
    }
}
