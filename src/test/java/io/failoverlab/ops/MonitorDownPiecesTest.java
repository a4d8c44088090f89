package io.failoverlab.ops;

import io.failoverlab.check.NodeRole;
import io.failoverlab.check.PgNode;
import io.failoverlab.engine.EngineListener;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.MonitorCheckpoint;
import io.failoverlab.lab.StepIds;
import io.failoverlab.pgaf.PgAutoCtl;
import io.failoverlab.pgaf.PgafVersion;
import io.failoverlab.remote.LocalShell;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pieces of the monitor's loss and replacement that need no cluster: the nodes' own view, commands, checkpoints, refusals. */
class MonitorDownPiecesTest {
    static NodeRole primary(String name, String sync, String... streaming) {
        return new NodeRole(new PgNode(name, "127.0.0.1", 6001), true, false, List.of(streaming), sync, null);
    }

    static NodeRole standby(String name) {
        return new NodeRole(new PgNode(name, "127.0.0.1", 6002), true, true, List.of(), "", null);
    }

    static NodeRole silent(String name) {
        return new NodeRole(new PgNode(name, "127.0.0.1", 6003), false, false, List.of(), "", "Connection refused");
    }

    @Test
    void theNodesOwnViewTellsThePrimaryAndWhatHappenedWhileTheMonitorWasDown() {
        List<NodeRole> healthy = List.of(primary("node1", "ANY 1 (pgautofailover_standby_2)", "pgautofailover_standby_2"), standby("node2"));
        assertEquals("node1", NodesWithoutMonitor.primary(healthy).orElseThrow().node().name());
        assertEquals("node1 primary, node2 standby", NodesWithoutMonitor.summary(healthy));
        assertFalse(MonitorBack.faultWhileDown(healthy), "nothing to catch up with");

        List<NodeRole> primaryLost = List.of(silent("node1"), standby("node2"));
        assertEquals(Optional.empty(), NodesWithoutMonitor.primary(primaryLost));
        assertTrue(MonitorBack.faultWhileDown(primaryLost));

        NodeRole waiting = primary("node1", "ANY 1 (pgautofailover_standby_2)");
        assertTrue(waiting.commitsWait(), "a synchronous standby named but none streaming");
        assertTrue(MonitorBack.faultWhileDown(List.of(waiting, standby("node2"))));
        assertFalse(primary("node1", "").commitsWait(), "asynchronous: commits never wait");

        List<NodeRole> twoWritable = List.of(primary("node1", ""), primary("node2", ""));
        assertEquals(Optional.empty(), NodesWithoutMonitor.primary(twoWritable), "two writable nodes: no single primary");
    }

    @Test
    void pgAutoCtlMovesANodeBetweenMonitorsFrom15On() {
        PgAutoCtl v20 = new PgAutoCtl(new PgafVersion(2, 0));
        assertEquals("pg_autoctl disable monitor --pgdata /d/node1 --force", v20.disableMonitor("/d/node1"));
        assertEquals("pg_autoctl enable monitor --pgdata /d/node1 'postgres://autoctl_node@h:6000/pg_auto_failover?sslmode=require'",
                v20.enableMonitor("/d/node1", "postgres://autoctl_node@h:6000/pg_auto_failover?sslmode=require"));
        assertTrue(v20.canReplaceMonitor());
        assertTrue(new PgAutoCtl(new PgafVersion(1, 5)).canReplaceMonitor());
        assertFalse(new PgAutoCtl(new PgafVersion(1, 4)).canReplaceMonitor());
    }

    @Test
    void theMonitorsCheckpointsAreToldApartByNameAndFigures() {
        assertEquals(Optional.of(MonitorCheckpoint.FAULT_MONITOR_DOWN),
                MonitorCheckpoint.of("kill-primary node", true, Map.of(MonitorCheckpoint.MONITOR_DOWN_FIGURE, 1.0)));
        assertEquals(Optional.empty(), MonitorCheckpoint.of("kill-primary node", true, Map.of("failoverSeconds", 7.0)));
        assertEquals(Optional.of(MonitorCheckpoint.MONITOR_BACK), MonitorCheckpoint.of(StepIds.START_MONITOR, true, Map.of("failoverSeconds", 15.0)));
        assertEquals(Optional.empty(), MonitorCheckpoint.of(StepIds.START_MONITOR, true, Map.of("reachableSeconds", 1.0)));
        assertEquals(Optional.of(MonitorCheckpoint.MONITOR_REPLACED), MonitorCheckpoint.of(StepIds.REPLACE_MONITOR, true, Map.of()));
        assertEquals(Optional.empty(), MonitorCheckpoint.of(StepIds.REPLACE_MONITOR, false, Map.of()));
    }

    @Test
    void badInputIsRefusedBeforeAnyHostIsTouched() {
        LabSpec lab = LabSpec.local("/tmp/unused-monitor-lab", 6000, 6001, 6002);
        try (LabEngine e = new LabEngine(lab, h -> new LocalShell(), EngineListener.NONE)) {
            LabException host = assertThrows(LabException.class, () -> new ReplaceMonitor(e, "elsewhere"));
            assertTrue(host.getMessage().contains("no host 'elsewhere'") && host.getMessage().contains("local"), host.getMessage());
            LabException mode = assertThrows(LabException.class, () -> KillMonitor.Mode.parse("hammer"));
            assertTrue(mode.getMessage().contains("process, vm or reboot"), mode.getMessage());
            LabException noMachine = assertThrows(LabException.class, () -> new KillMonitor(e, KillMonitor.Mode.VM).run());
            assertTrue(noMachine.getMessage().contains("--mode vm"), noMachine.getMessage());
            LabException noNewMachine = assertThrows(LabException.class, () -> new ReplaceMonitor(e, null, true));
            assertEquals("op.replace.noMachines", noNewMachine.msg().key(), noNewMachine.getMessage());
            LabException both = assertThrows(LabException.class, () -> new ReplaceMonitor(e, "local", true));
            assertEquals("op.replace.hostOrMachine", both.msg().key(), both.getMessage());
        }
    }
}
