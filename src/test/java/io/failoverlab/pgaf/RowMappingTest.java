package io.failoverlab.pgaf;

import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RowMappingTest {

    @Test
    void mapsACurrentStateRowJoinedWithNode() throws Exception {
        Map<String, Object> row = new HashMap<>(Map.ofEntries(Map.entry("formation_kind", "pgsql"),
                Map.entry("nodename", "node1"), Map.entry("nodehost", "127.0.0.1"), Map.entry("nodeport", 6001),
                Map.entry("group_id", 0), Map.entry("node_id", 1L), Map.entry("current_group_state", "primary"),
                Map.entry("assigned_group_state", "primary"), Map.entry("candidate_priority", 50),
                Map.entry("replication_quorum", true), Map.entry("reported_tli", 2),
                Map.entry("reported_lsn", "0/3000148"), Map.entry("health", 1), Map.entry("nodecluster", "default"),
                Map.entry("report_lag", 0.42), Map.entry("health_lag", 3.5), Map.entry("reportedpgisrunning", true)));
        ResultSet rs = FakeResultSet.of(FakeResultSet.cols("formation_kind", "nodename", "nodehost", "nodeport",
                "group_id", "node_id", "current_group_state", "assigned_group_state", "candidate_priority",
                "replication_quorum", "reported_tli", "reported_lsn", "health", "nodecluster", "report_lag",
                "health_lag", "reportedpgisrunning"), List.of(row));
        NodeStatusRows rows = NodeStatusRows.of(rs);
        assertTrue(rs.next());
        assertEquals(new NodeStatus("node1", 1, 0, "127.0.0.1", 6001, NodeState.PRIMARY, NodeState.PRIMARY,
                NodeStatus.Health.GOOD, 2, "0/3000148", 50, true, 0.42, 3.5, true), rows.map(rs));
    }

    @Test
    void nullsAndMissingColumnsReadAsUnknown() throws Exception {
        // a 1.3 monitor's current_state: no nodehost, reported_tli, reported_lsn, health; never checked yet
        Map<String, Object> row = new HashMap<>();
        row.put("nodename", "10.0.0.5");
        row.put("nodeport", 6001);
        row.put("group_id", 0);
        row.put("node_id", 2L);
        row.put("current_group_state", "init");
        row.put("assigned_group_state", "unheard_of");
        row.put("candidate_priority", 100);
        row.put("replication_quorum", true);
        row.put("report_lag", null);
        ResultSet rs = FakeResultSet.of(FakeResultSet.cols("nodename", "nodeport", "group_id", "node_id",
                "current_group_state", "assigned_group_state", "candidate_priority", "replication_quorum",
                "report_lag", "reportedpgisrunning"), List.of(row));
        NodeStatusRows rows = NodeStatusRows.of(rs);
        rs.next();
        NodeStatus n = rows.map(rs);
        assertEquals("10.0.0.5", n.host());
        assertEquals(NodeState.INIT, n.reportedState());
        assertEquals(NodeState.UNKNOWN, n.assignedState());
        assertEquals(NodeStatus.Health.UNKNOWN, n.health());
        assertEquals(-1, n.reportLagSeconds());
        assertEquals(-1, n.healthLagSeconds());
        assertNull(n.lsn());
        assertNull(n.pgIsRunning());
    }

    @Test
    void mapsAnEventRow() throws Exception {
        Instant t = Instant.parse("2024-05-01T10:00:00.123Z");
        Map<String, Object> row = new HashMap<>(Map.of("eventid", 7L, "eventtime", Timestamp.from(t), "nodeid", 1L,
                "nodename", "node1", "reportedstate", "init", "goalstate", "single",
                "description", "Setting goal state of node 1 \"node1\" (127.0.0.1:6001) to single as there is no other node."));
        ResultSet rs = FakeResultSet.of(FakeResultSet.cols("eventid", "eventtime", "nodeid", "nodename",
                "reportedstate", "goalstate", "description"), List.of(row));
        rs.next();
        MonitorEvent e = MonitorEvent.fromRow(rs);
        assertEquals(new MonitorEvent(7, t, 1, "node1", NodeState.INIT, NodeState.SINGLE,
                "Setting goal state of node 1 \"node1\" (127.0.0.1:6001) to single as there is no other node."), e);
        assertEquals("monitor", e.toLogLine().source());
        assertEquals(t, e.toLogLine().at());
    }
}
