package io.failoverlab.pgaf;

import io.failoverlab.lab.LabException;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShowStateJsonTest {

    @Test
    void readsTheObservedOutputOf20() {
        // observed, pg_autoctl 2.0 (jsonb key order)
        String out = "[{\"health\": 1, \"node_id\": 1, \"group_id\": 0, \"nodehost\": \"127.0.0.1\", \"nodename\": \"n1\",\n"
                + "  \"nodeport\": 7101, \"nodecluster\": \"default\", \"reported_lsn\": \"0/2000060\", \"reported_tli\": 1,\n"
                + "  \"formation_kind\": \"pgsql\", \"candidate_priority\": 50, \"replication_quorum\": true,\n"
                + "  \"current_group_state\": \"wait_primary\", \"assigned_group_state\": \"wait_primary\"}]";
        List<NodeStatus> nodes = ShowStateJson.parse(out);
        assertEquals(List.of(new NodeStatus("n1", 1, 0, "127.0.0.1", 7101, NodeState.WAIT_PRIMARY,
                NodeState.WAIT_PRIMARY, NodeStatus.Health.GOOD, 1, "0/2000060", 50, true, -1, -1, null)), nodes);
    }

    @Test
    void readsSeveralNodesAndPrettyPrintedJson() {
        String out = "[\n    {\n        \"health\": 0,\n        \"node_id\": 1,\n        \"group_id\": 0,\n"
                + "        \"nodehost\": \"127.0.0.1\",\n        \"nodename\": \"node1\",\n        \"nodeport\": 6001,\n"
                + "        \"current_group_state\": \"primary\",\n        \"assigned_group_state\": \"draining\"\n    },\n"
                + "    {\n        \"health\": -1,\n        \"node_id\": 2,\n        \"group_id\": 0,\n"
                + "        \"nodehost\": \"127.0.0.1\",\n        \"nodename\": \"node2\",\n        \"nodeport\": 6002,\n"
                + "        \"current_group_state\": \"secondary\",\n        \"assigned_group_state\": \"prepare_promotion\"\n    }\n]\n";
        List<NodeStatus> nodes = ShowStateJson.parse(out);
        assertEquals(2, nodes.size());
        assertEquals(NodeStatus.Health.BAD, nodes.get(0).health());
        assertEquals(NodeState.DRAINING, nodes.get(0).assignedState());
        assertEquals(NodeStatus.Health.UNKNOWN, nodes.get(1).health());
        assertEquals("127.0.0.1:6002", nodes.get(1).hostPort());
    }

    @Test
    void noNodesIsAnEmptyList() {
        assertEquals(List.of(), ShowStateJson.parse(""));
        assertEquals(List.of(), ShowStateJson.parse("null\n"));
        assertEquals(List.of(), ShowStateJson.parse("[]"));
    }

    @Test
    void without13HostColumnTheNameIsTheHost() {
        List<NodeStatus> nodes = ShowStateJson.parse("[{\"nodename\": \"10.0.0.5\", \"node_id\": 3, \"nodeport\": 6001,"
                + " \"current_group_state\": \"mystery\", \"assigned_group_state\": \"single\"}]");
        assertEquals("10.0.0.5", nodes.get(0).host());
        assertEquals(NodeState.UNKNOWN, nodes.get(0).reportedState());
    }

    @Test
    void malformedOutputGivesAClearLabException() {
        for (String bad : new String[] {"ERROR: could not connect", "{\"nodename\": \"x\"}", "[{\"health\": 1}]", "[{"}) {
            LabException e = assertThrows(LabException.class, () -> ShowStateJson.parse(bad));
            assertTrue(e.getMessage().startsWith("Cannot read the output of pg_autoctl show state --json"), e.getMessage());
        }
    }
}
