package io.failoverlab.ops;

import io.failoverlab.lab.StepIds;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The report tells kill-primary's modes apart by StepIds' names: the operation must be named the same. */
class StepNamesTest {
    @Test
    void killPrimaryIsNamedAsTheReportExpects() {
        assertEquals(StepIds.KILL_POSTGRES, new KillPrimary(null, KillPrimary.Mode.POSTGRES).name());
        assertEquals(StepIds.KILL_NODE, new KillPrimary(null, KillPrimary.Mode.NODE).name());
        assertEquals(StepIds.KILL_VM, new KillPrimary(null, KillPrimary.Mode.VM).name());
        assertEquals(StepIds.FAILOVER, new Failover(null).name());
        assertEquals(StepIds.SWITCHOVER, new Switchover(null).name());
    }
}
