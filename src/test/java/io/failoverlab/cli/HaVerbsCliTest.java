package io.failoverlab.cli;

import org.junit.jupiter.api.Test;

import static io.failoverlab.cli.CliTest.assertOneSentence;
import static io.failoverlab.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input to the HA verbs fails with one sentence before any host or monitor is touched. */
class HaVerbsCliTest {
    @Test
    void unknownNodeIsRefused() {
        CliTest.Run r = cli("drop-node", "nosuch");
        assertOneSentence(r);
        assertTrue(r.err().contains("no node 'nosuch'") && r.err().contains("node1, node2"), r.err());
    }

    @Test
    void badArgumentsAreRefused() {
        assertOneSentence(cli("drop-node"));
        assertOneSentence(cli("drop-node", "monitor"));
        assertOneSentence(cli("maintenance", "node1", "maybe"));
        assertOneSentence(cli("set", "node1", "candidate-priority", "101"));
        assertOneSentence(cli("set", "node1", "replication-quorum", "yes"));
        assertOneSentence(cli("set", "node1", "number-sync-standbys", "1"));
        assertOneSentence(cli("set", "node1", "colour", "blue"));
        assertOneSentence(cli("stop-monitor", "now"));
        assertOneSentence(cli("add-node", "node1", "node2"));
        assertOneSentence(cli("kill-monitor", "--mode", "hammer", "--no-journal"));
        assertOneSentence(cli("replace-monitor", "--host", "nosuch", "--no-journal"));
    }

    @Test
    void helpNamesTheVerbs() {
        CliTest.Run help = cli("--help");
        assertEquals(0, help.code());
        for (String v : new String[]{"drop-node NAME", "add-node [NAME]", "maintenance NAME on|off", "promote NAME",
                "candidate-priority", "stop-node NAME", "start-node NAME", "stop-monitor", "start-monitor"}) {
            assertTrue(help.out().contains(v), v);
        }
        assertEquals(0, cli("drop-node", "--help").code());
    }
}
