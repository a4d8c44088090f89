package io.failoverlab.ui;

import io.failoverlab.ops.OperationResult;
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
        assertEquals(List.of("build", "switchover", "stop", "destroy"), a.all().stream().map(ConsoleAction::id).toList());
        assertTrue(a.find("build").orElseThrow().rebuildsLab());
        assertTrue(a.find("build").orElseThrow().confirmation() instanceof InstallCheck);
        assertEquals(Confirmation.NONE, a.find("switchover").orElseThrow().confirmation());
        assertFalse(a.find("destroy").orElseThrow().confirmation() == Confirmation.NONE);
    }

    @Test
    void addingAnActionIsOneEntryAndIdsAreUnique() {
        Actions a = Actions.standard().add(ConsoleAction.of("datacheck", "action.datacheck",
                s -> new StepsOperation("data check", List::of)));
        assertEquals(5, a.all().size());
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
