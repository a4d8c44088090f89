package io.failoverlab.pgaf;

import com.fasterxml.jackson.databind.JsonNode;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus.Health;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The payload of a NOTIFY on the monitor's {@code state} channel: one node's reported and goal
 * state at the moment the monitor changed or learnt it. 2.x sends JSON; 1.3 sent a colon format
 * without host and health, so those are null / UNKNOWN for it.
 */
public record StateNotification(String formation, int groupId, long nodeId, String name, String host,
                                int port, NodeState reportedState, NodeState goalState, Health health) {


    /** Parses either format; a malformed payload throws a LabException quoting it. Unknown state names become UNKNOWN. */
    public static StateNotification parse(String payload) {
        if (payload == null || payload.isBlank()) throw malformed(payload, "it is empty");
        String p = payload.strip();
        if (p.startsWith("{")) return parseJson(p);
        if (p.startsWith("S:")) return parseColon(p);
        throw malformed(payload, "it is neither JSON nor the 1.3 'S:' format");
    }

    private static StateNotification parseJson(String p) {
        JsonNode n;
        try {
            n = io.failoverlab.lab.Json.MAPPER.readTree(p);
        } catch (IOException e) {
            throw malformed(p, "it is not valid JSON");
        }
        if (!n.isObject() || !"state".equals(n.path("type").asText())) throw malformed(p, "its type is not \"state\"");
        for (String key : new String[] {"formation", "nodeId", "name", "reportedState", "goalState"}) {
            if (!n.hasNonNull(key)) throw malformed(p, "it has no \"" + key + "\"");
        }
        return new StateNotification(n.get("formation").asText(), n.path("groupId").asInt(0),
                n.get("nodeId").asLong(), n.get("name").asText(),
                n.hasNonNull("host") ? n.get("host").asText() : null, n.path("port").asInt(0),
                NodeState.parse(n.get("reportedState").asText()), NodeState.parse(n.get("goalState").asText()),
                Health.parse(n.path("health").asText(null)));
    }

    /** {@code S:<reported>:<goal>:<len>.<formation>:<group>:<nodeid>:<len>.<nodename>:<port>}; lengths are C strlen, i.e. bytes. */
    private static StateNotification parseColon(String p) {
        try {
            Cursor c = new Cursor(p, 2);
            String reported = c.until(':');
            String goal = c.until(':');
            String formation = c.counted();
            c.expect(':');
            int group = Integer.parseInt(c.until(':'));
            long nodeId = Long.parseLong(c.until(':'));
            String name = c.counted();
            c.expect(':');
            int port = Integer.parseInt(c.rest());
            return new StateNotification(formation, group, nodeId, name, null, port,
                    NodeState.parse(reported), NodeState.parse(goal), Health.UNKNOWN);
        } catch (RuntimeException e) {
            throw malformed(p, "it does not follow S:<reported>:<goal>:<len>.<formation>:<group>:<nodeid>:<len>.<name>:<port>");
        }
    }

    private static LabException malformed(String payload, String why) {
        String shown = payload == null ? "null" : payload.length() > 200 ? payload.substring(0, 197) + "..." : payload;
        return new LabException("Cannot read the monitor's state notification '" + shown + "': " + why + ".");
    }

    /** Walks the colon payload; works on UTF-8 bytes because the length prefixes count bytes. */
    private static final class Cursor {
        private final byte[] b;
        private int i;

        Cursor(String s, int start) {
            b = s.getBytes(StandardCharsets.UTF_8);
            i = start;
        }

        String until(char sep) {
            int j = i;
            while (j < b.length && b[j] != sep) j++;
            if (j >= b.length) throw new IllegalArgumentException("missing " + sep);
            String s = new String(b, i, j - i, StandardCharsets.UTF_8);
            i = j + 1;
            return s;
        }

        String counted() {
            int len = Integer.parseInt(until('.'));
            if (len < 0 || i + len > b.length) throw new IllegalArgumentException("bad length");
            String s = new String(b, i, len, StandardCharsets.UTF_8);
            i += len;
            return s;
        }

        void expect(char ch) {
            if (i >= b.length || b[i] != ch) throw new IllegalArgumentException("expected " + ch);
            i++;
        }

        String rest() {
            String s = new String(b, i, b.length - i, StandardCharsets.UTF_8);
            i = b.length;
            return s;
        }
    }
}
