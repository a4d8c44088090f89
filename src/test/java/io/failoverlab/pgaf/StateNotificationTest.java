package io.failoverlab.pgaf;

import io.failoverlab.lab.LabException;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus.Health;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateNotificationTest {

    @Test
    void readsTheJsonPayloadOf2x() {
        // verbatim from notifications.c NotifyStateChange (no space after "health":)
        StateNotification n = StateNotification.parse("{\"type\": \"state\", \"formation\": \"default\", "
                + "\"groupId\": 0, \"nodeId\": 1, \"name\": \"n1\", \"host\": \"127.0.0.1\", \"port\": 7101, "
                + "\"reportedState\": \"primary\", \"goalState\": \"draining\", \"health\":\"bad\"}");
        assertEquals(new StateNotification("default", 0, 1, "n1", "127.0.0.1", 7101,
                NodeState.PRIMARY, NodeState.DRAINING, Health.BAD), n);
    }

    @Test
    void jsonStringsAreUnescaped() {
        StateNotification n = StateNotification.parse("{\"type\": \"state\", \"formation\": \"f\\\"x\", \"groupId\": 1, "
                + "\"nodeId\": 12, \"name\": \"n\\u00e9\", \"host\": \"h\", \"port\": 5432, "
                + "\"reportedState\": \"wait_primary\", \"goalState\": \"primary\", \"health\":\"good\"}");
        assertEquals("f\"x", n.formation());
        assertEquals("né", n.name());
        assertEquals(Health.GOOD, n.health());
        assertEquals(NodeState.WAIT_PRIMARY, n.reportedState());
    }

    @Test
    void readsTheColonPayloadOf13() {
        StateNotification n = StateNotification.parse("S:secondary:prepare_promotion:7.default:0:2:9.localhost:6002");
        assertEquals(new StateNotification("default", 0, 2, "localhost", null, 6002,
                NodeState.SECONDARY, NodeState.PREPARE_PROMOTION, Health.UNKNOWN), n);
    }

    @Test
    void colonPayloadLengthsAllowColonsAndCountBytes() {
        // the length prefix is what lets names contain ':'; it counts bytes (C strlen)
        StateNotification n = StateNotification.parse("S:single:single:3.a:b:0:1:9.hôst:x:1:5432");
        assertEquals("a:b", n.formation());
        assertEquals("hôst:x:1", n.name());
        assertEquals(5432, n.port());
    }

    @Test
    void unknownStateNamesBecomeUnknown() {
        StateNotification n = StateNotification.parse("{\"type\": \"state\", \"formation\": \"default\", \"groupId\": 0, "
                + "\"nodeId\": 1, \"name\": \"n1\", \"host\": \"h\", \"port\": 1, \"reportedState\": \"brand_new\", "
                + "\"goalState\": \"\", \"health\":\"weird\"}");
        assertEquals(NodeState.UNKNOWN, n.reportedState());
        assertEquals(NodeState.UNKNOWN, n.goalState());
        assertEquals(Health.UNKNOWN, n.health());
        StateNotification c = StateNotification.parse("S:whatever:single:7.default:0:1:2.n1:1");
        assertEquals(NodeState.UNKNOWN, c.reportedState());
        assertNull(c.host());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "hello", "{not json", "[1,2]", "{\"type\": \"log\"}",
            "{\"type\": \"state\", \"formation\": \"default\"}", "S:", "S:primary:secondary",
            "S:primary:secondary:99.default:0:1:2.n1:6001", "S:primary:secondary:7.default:x:1:2.n1:6001",
            "S:primary:secondary:7.default:0:1:2.n1:port"})
    void malformedPayloadsGiveAClearLabException(String payload) {
        LabException e = assertThrows(LabException.class, () -> StateNotification.parse(payload));
        assertTrue(e.getMessage().startsWith("Cannot read the monitor's state notification"), e.getMessage());
    }

    @Test
    void nullPayloadGivesALabException() {
        assertThrows(LabException.class, () -> StateNotification.parse(null));
    }
}
