package io.failoverlab.lab;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Step names as the journal keeps them: an id, or an id and an argument. */
class StepIdsTest {
    @Test
    void namesSplitIntoIdAndArgument() {
        String name = StepIds.named(StepIds.STOP_NODE, "node2");
        assertEquals("stop-node node2", name);
        assertEquals(StepIds.STOP_NODE, StepIds.id(name));
        assertEquals("node2", StepIds.argument(name));
        assertEquals("", StepIds.argument(StepIds.SWITCHOVER));
        assertTrue(StepIds.is(name, StepIds.STOP_NODE) && StepIds.is(StepIds.STOP_NODE, StepIds.STOP_NODE));
        assertFalse(StepIds.hasArgument(name, StepIds.STOP), "stop-node is not the teardown's stop");
    }

    @Test
    void classifiesTheBringUpAndTheTeardown() {
        assertTrue(StepIds.isTeardown("stop node1") && StepIds.isTeardown("destroy monitor"));
        assertFalse(StepIds.isTeardown("stop-monitor"));
        assertTrue(StepIds.isBringUp(StepIds.VERIFY) && StepIds.isBringUp(StepIds.UP));
        assertFalse(StepIds.isBringUp(StepIds.VERIFY_WRITES));
        assertTrue(StepIds.isNodeStep("node3", Set.of()) && StepIds.isNodeStep("pg1", Set.of("pg1")));
        assertFalse(StepIds.isNodeStep("pg1", Set.of("pg2")));
        assertTrue(StepIds.isFrame("build lab"));
    }
}
