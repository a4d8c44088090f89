package io.failoverlab.pgaf;

import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Maps rows of {@code current_state()} (optionally joined with {@code node} for report_lag,
 * health_lag and reportedpgisrunning) to NodeStatus. Columns that older monitors lack (1.3: no
 * nodehost, reported_tli, health) are tolerated and read as unknown.
 */
public final class NodeStatusRows {
    private final Set<String> columns = new HashSet<>();

    private NodeStatusRows(ResultSetMetaData md) throws SQLException {
        for (int i = 1; i <= md.getColumnCount(); i++) columns.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
    }

    /** Reads the column set once per result set; then call {@link #map} for each row. */
    public static NodeStatusRows of(ResultSet rs) throws SQLException {
        return new NodeStatusRows(rs.getMetaData());
    }

    public NodeStatus map(ResultSet rs) throws SQLException {
        String name = rs.getString("nodename");
        return new NodeStatus(name, rs.getLong("node_id"), rs.getInt("group_id"),
                has("nodehost") ? rs.getString("nodehost") : name,
                rs.getInt("nodeport"),
                NodeState.parse(rs.getString("current_group_state")),
                NodeState.parse(rs.getString("assigned_group_state")),
                has("health") ? NodeStatus.Health.fromInt(intOr(rs, "health", -1)) : NodeStatus.Health.UNKNOWN,
                has("reported_tli") ? intOr(rs, "reported_tli", 0) : 0,
                has("reported_lsn") ? rs.getString("reported_lsn") : null,
                intOr(rs, "candidate_priority", 0), rs.getBoolean("replication_quorum"),
                has("report_lag") ? doubleOr(rs, "report_lag", -1) : -1,
                has("health_lag") ? doubleOr(rs, "health_lag", -1) : -1,
                has("reportedpgisrunning") ? boolOrNull(rs, "reportedpgisrunning") : null);
    }

    private boolean has(String column) { return columns.contains(column); }

    private static int intOr(ResultSet rs, String col, int dflt) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? dflt : v;
    }

    private static double doubleOr(ResultSet rs, String col, double dflt) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? dflt : v;
    }

    private static Boolean boolOrNull(ResultSet rs, String col) throws SQLException {
        boolean v = rs.getBoolean(col);
        return rs.wasNull() ? null : v;
    }
}
