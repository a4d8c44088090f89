package io.failoverlab.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A message through the journal's JSON and back renders as it did, in either language; text arguments are masked. */
class MsgDataTest {
    @Test
    void roundTripThroughJsonKeepsNestedMessagesNumbersAndActions() throws Exception {
        Msg m = Msg.of("heal.done", "node2", Msg.of("step.join", Msg.of("heal.node.rewound", "node2", "demoted→secondary"),
                Msg.of("heal.node.caughtUp", "node1", "secondary")), 7.25, "node1 primary, node2 secondary",
                Msg.of("heal.verified", 120L, 2, 0L, 3L, "", Msg.of("heal.nodeSilent")));
        Msg withAction = Msg.of("part.primaryFromAll", "a", "b", "c", "d", "e", new Msg.Action("node-heal", "heal"), "node2");
        ObjectMapper json = new ObjectMapper();
        for (Msg original : new Msg[]{m, withAction}) {
            String text = json.writeValueAsString(MsgData.toData(original, s -> s));
            Msg back = MsgData.fromData(json.readValue(text, Map.class));
            assertEquals(original.english(), back.english());
            assertEquals(original.render(Locale.forLanguageTag("ru")), back.render(Locale.forLanguageTag("ru")));
        }
        assertEquals("Removed the cut on node2's host: node2 demoted→secondary — a secondary again (rewound onto the new primary's"
                + " timeline); node1 secondary — caught up, a secondary again; the cluster converged after 7.2 s (node1 primary,"
                + " node2 secondary); the write probes' 120 acknowledged writes checked on all 2 nodes: 0 lost, 3 in doubt (a node did"
                + " not answer).", m.english());

        Msg secret = Msg.of("part.cut", "node1", "s3cr3t", "x", "y");
        String masked = json.writeValueAsString(MsgData.toData(secret, s -> s.replace("s3cr3t", "***")));
        assertFalse(masked.contains("s3cr3t"), masked);
        assertNull(MsgData.fromData(Map.of("no", "key")));
    }
}
