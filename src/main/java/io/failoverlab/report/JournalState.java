package io.failoverlab.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The monitor's view at one instant as the journal keeps it (what `pg_autoctl show state` shows). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JournalState(String at, boolean reachable, String error, List<Row> nodes) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String name, long nodeId, int groupId, String host, int port, String reported, String assigned,
                      String health, int tli, String lsn) {
        public NodeState reportedState() { return NodeState.parse(reported); }

        public NodeState assignedState() { return NodeState.parse(assigned); }

        /** pg_autoctl show state's "Connection" column: read-write / read-only / none, "!" when unhealthy. */
        public String connection() {
            String c;
            switch (reportedState().connection()) {
                case READ_WRITE: c = "read-write"; break;
                case READ_ONLY: c = "read-only"; break;
                default: c = "none";
            }
            return "BAD".equals(health) ? c + " !" : c;
        }
    }

    public static JournalState of(ClusterSnapshot s) {
        List<Row> rows = new ArrayList<>();
        for (NodeStatus n : s.nodes()) {
            rows.add(new Row(n.name(), n.nodeId(), n.groupId(), n.host(), n.port(), n.reportedState().id(), n.assignedState().id(),
                    n.health().name(), n.tli(), n.lsn()));
        }
        return new JournalState((s.at() == null ? Instant.now() : s.at()).toString(), s.monitorReachable(), s.error(), rows);
    }

    public Instant instant() { return Instant.parse(at); }

    /** What changes a picture or a table: reachability and each node's states and health. */
    public String signature() {
        StringBuilder sb = new StringBuilder(reachable ? "up" : "down");
        for (Row r : nodes) sb.append('|').append(r.name).append(':').append(r.reported).append('/').append(r.assigned).append('/').append(r.health);
        return sb.toString();
    }

    public String summary() {
        if (!reachable) return "monitor unreachable";
        if (nodes.isEmpty()) return "no nodes registered";
        StringBuilder sb = new StringBuilder();
        for (Row r : nodes) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(r.name).append(' ').append(r.reported);
            if (!r.reported.equals(r.assigned)) sb.append("→").append(r.assigned);
        }
        return sb.toString();
    }
}
