package io.failoverlab.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;
import io.failoverlab.lab.SettingsTable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The monitor's view at one instant as the journal keeps it (what `pg_autoctl show state` shows). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JournalState(String at, boolean reachable, String error, List<Row> nodes,
                           Integer numberSyncStandbys, String synchronousStandbyNames) {

    /** A state without the formation's settings (journals written before they were kept). */
    public JournalState(String at, boolean reachable, String error, List<Row> nodes) {
        this(at, reachable, error, nodes, null, null);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String name, long nodeId, int groupId, String host, int port, String reported, String assigned,
                      String health, int tli, String lsn, Integer candidatePriority, Boolean replicationQuorum) {
        public Row(String name, long nodeId, int groupId, String host, int port, String reported, String assigned,
                   String health, int tli, String lsn) {
            this(name, nodeId, groupId, host, port, reported, assigned, health, tli, lsn, null, null);
        }

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
                    n.health().name(), n.tli(), n.lsn(), n.candidatePriority(), n.replicationQuorum()));
        }
        boolean known = s.formation().known();
        return new JournalState((s.at() == null ? Instant.now() : s.at()).toString(), s.monitorReachable(), s.error(), rows,
                known ? s.formation().numberSyncStandbys() : null, known ? s.formation().synchronousStandbyNames() : null);
    }

    /** The replication settings as `pg_autoctl show settings` prints them; empty for old journals. */
    public List<SettingsTable.Row> settings(String formation) {
        List<SettingsTable.Row> out = new ArrayList<>();
        if (!reachable || numberSyncStandbys == null) return out;
        out.add(new SettingsTable.Row("formation", formation, "number_sync_standbys", String.valueOf(numberSyncStandbys)));
        nodes.stream().filter(r -> r.reportedState().writable() && r.assignedState().writable()).findFirst().ifPresent(p ->
                out.add(new SettingsTable.Row("primary", p.name(), "synchronous_standby_names",
                        "'" + (synchronousStandbyNames == null ? "" : synchronousStandbyNames) + "'")));
        for (Row r : nodes) {
            if (r.candidatePriority() != null) out.add(new SettingsTable.Row("node", r.name(), "candidatepriority", String.valueOf(r.candidatePriority())));
        }
        for (Row r : nodes) {
            if (r.replicationQuorum() != null) out.add(new SettingsTable.Row("node", r.name(), "replication_quorum", String.valueOf(r.replicationQuorum())));
        }
        return out;
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
