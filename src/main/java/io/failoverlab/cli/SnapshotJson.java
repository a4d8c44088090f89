package io.failoverlab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LabProfiles;
import io.failoverlab.lab.NodeStatus;

/** `status --json`: the snapshot as one JSON object. */
final class SnapshotJson {
    private SnapshotJson() { }

    static ObjectNode of(ClusterSnapshot s) {
        ObjectNode o = LabProfiles.JSON.createObjectNode();
        o.put("at", s.at().toString());
        o.put("monitorReachable", s.monitorReachable());
        if (s.error() != null) o.put("error", s.error());
        o.put("converged", s.converged());
        // as pg_autoctl show settings: what decides whom the monitor promotes and whether writes block
        ObjectNode f = o.putObject("formation");
        if (s.formation().known()) f.put("numberSyncStandbys", s.formation().numberSyncStandbys());
        else f.putNull("numberSyncStandbys");
        f.put("synchronousStandbyNames", s.formation().synchronousStandbyNames());
        ArrayNode nodes = o.putArray("nodes");
        for (NodeStatus n : s.nodes()) {
            ObjectNode j = nodes.addObject();
            j.put("name", n.name());
            j.put("nodeId", n.nodeId());
            j.put("groupId", n.groupId());
            j.put("host", n.host());
            j.put("port", n.port());
            j.put("reportedState", n.reportedState().id());
            j.put("assignedState", n.assignedState().id());
            j.put("health", n.health().name().toLowerCase());
            j.put("connection", n.reportedState().connection().name().toLowerCase().replace('_', '-'));
            j.put("tli", n.tli());
            j.put("lsn", n.lsn());
            j.put("candidatePriority", n.candidatePriority());
            j.put("replicationQuorum", n.replicationQuorum());
            j.put("secondsSinceReport", n.reportLagSeconds());
            j.put("secondsSinceHealthCheck", n.healthLagSeconds());
            if (n.pgIsRunning() != null) j.put("pgIsRunning", n.pgIsRunning());
        }
        return o;
    }
}
