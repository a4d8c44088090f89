package io.failoverlab.ui.actions;

import io.failoverlab.ops.OperationResult;
import io.failoverlab.ops.StepsOperation;
import io.failoverlab.lab.StepResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionsTest {
    @Test
    void standardActionsInToolbarOrder() {
        Actions a = Actions.standard();
        assertEquals(List.of("build", "switchover", "failover", "kill-postgres", "kill-node", "kill-vm", "kill-network",
                "node-partition", "node-heal", "node-promote", "node-maintenanceOn", "node-maintenanceOff", "node-stop", "node-start", "node-drop", "node-readd", "node-add", "scenario-three",
                "monitor-stop", "monitor-start", "monitor-kill", "monitor-kill-vm", "monitor-replace", "monitor-replace-machine", "profile-fast", "profile-default", "datacheck", "stop", "destroy"),
                a.all().stream().map(ConsoleAction::id).toList());
        for (String destructive : List.of("failover", "kill-node", "kill-postgres", "kill-vm", "kill-network", "node-drop", "monitor-stop",
                "monitor-kill", "monitor-kill-vm", "monitor-replace")) {
            assertFalse(a.find(destructive).orElseThrow().confirmation() == Confirmation.NONE, destructive);
        }
        assertEquals("kill", a.groupOf("kill-node"));
        assertEquals(null, a.groupOf("switchover"));
        assertTrue(a.find("kill-node").orElseThrow().fault());
        assertFalse(a.find("switchover").orElseThrow().fault());
        assertTrue(a.find("build").orElseThrow().rebuildsLab());
        assertTrue(a.find("build").orElseThrow().confirmation() instanceof InstallCheck);
        assertEquals(Confirmation.NONE, a.find("switchover").orElseThrow().confirmation());
        assertFalse(a.find("destroy").orElseThrow().confirmation() == Confirmation.NONE);
    }

    @Test
    void addingAnActionIsOneEntryAndIdsAreUnique() {
        int before = Actions.standard().all().size();
        Actions a = Actions.standard().add(ConsoleAction.of("example", "action.datacheck",
                s -> new StepsOperation("data check", List::of)));
        assertEquals(before + 1, a.all().size());
        assertThrows(IllegalArgumentException.class, () -> a.add(ConsoleAction.of("build", "x", s -> null)));
    }

    @Test
    void stepsOperationFailsWithTheFirstFailedStep() throws Exception {
        OperationResult ok = new StepsOperation("up", () -> List.of(StepResult.passed("a", 1, "fine"))).run();
        assertTrue(ok.ok());
        OperationResult bad = new StepsOperation("up", () -> List.of(StepResult.passed("a", 1, "fine"),
                StepResult.failed("b", 1, "port in use"))).run();
        assertFalse(bad.ok());
        assertEquals("b: port in use", bad.message());
    }
}
