package io.failoverlab.pgaf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code pg_autoctl show state --json}: a JSON array of current_state() rows. It carries no
 * report/health lags nor pgIsRunning, so those are -1 / null. Used when only a shell is at hand,
 * and by tests to cross-check the SQL path.
 */
public final class ShowStateJson {

    private ShowStateJson() { }

    /** Empty output or JSON null (no node registered: jsonb_agg of nothing) gives an empty list. */
    public static List<NodeStatus> parse(String output) {
        if (output == null || output.isBlank() || output.strip().equals("null")) return List.of();
        JsonNode root;
        try {
            root = io.failoverlab.lab.Json.MAPPER.readTree(output);
        } catch (JsonProcessingException e) {
            throw new LabException("Cannot read the output of pg_autoctl show state --json: it is not valid JSON ("
                    + e.getOriginalMessage() + ").", e);
        }
        if (root == null || root.isNull()) return List.of();
        if (!root.isArray()) throw new LabException("Cannot read the output of pg_autoctl show state --json: expected a JSON array.");
        List<NodeStatus> nodes = new ArrayList<>();
        for (JsonNode n : root) nodes.add(node(n));
        return List.copyOf(nodes);
    }

    private static NodeStatus node(JsonNode n) {
        if (!n.hasNonNull("nodename") || !n.hasNonNull("node_id")) {
            throw new LabException("Cannot read the output of pg_autoctl show state --json: a node has no nodename or node_id.");
        }
        return new NodeStatus(n.get("nodename").asText(), n.get("node_id").asLong(), n.path("group_id").asInt(0),
                // 1.3 had no nodehost: nodename was the host then
                n.hasNonNull("nodehost") ? n.get("nodehost").asText() : n.get("nodename").asText(),
                n.path("nodeport").asInt(0),
                NodeState.parse(n.path("current_group_state").asText(null)),
                NodeState.parse(n.path("assigned_group_state").asText(null)),
                NodeStatus.Health.fromInt(n.path("health").asInt(-1)),
                n.path("reported_tli").asInt(0), n.hasNonNull("reported_lsn") ? n.get("reported_lsn").asText() : null,
                n.path("candidate_priority").asInt(0), n.path("replication_quorum").asBoolean(false),
                -1, -1, null);
    }
}
