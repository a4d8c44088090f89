package io.failoverlab.ui.session;

import io.failoverlab.ui.Snapshots;
import io.failoverlab.ui.topology.TopologyModel;
import io.failoverlab.engine.MachinePower;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.NodeState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which nodes' machines are off: told once per change, a failed look changes nothing, and the diagram marks them. */
class MachinePowerWatchTest {
    final Set<String> offHosts = new HashSet<>();
    boolean failing;

    final MachinePower power = new MachinePower() {
        @Override public String kind() { return "machines"; }
        @Override public void powerOff(String hostId) { offHosts.add(hostId); }
        @Override public void powerOn(String hostId) { offHosts.remove(hostId); }
        @Override public void reboot(String hostId) { }
        @Override public void replace(String hostId) { }
        @Override public boolean isOn(String hostId) throws Exception {
            if (failing) throw new java.io.IOException("cannot look");
            return !offHosts.contains(hostId);
        }
        @Override public java.util.Map<String, Boolean> states() throws Exception {
            if (failing) throw new java.io.IOException("cannot look");
            java.util.Map<String, Boolean> m = new java.util.HashMap<>();
            for (String h : List.of("node1", "node2")) m.put(h, !offHosts.contains(h));
            return m;
        }
    };

    @Test
    void toldOncePerChange() throws Exception {
        LabSpec lab = LabSpec.local("/tmp/never", 7000, 7001, 7002);
        lab.nodes.get(0).host = "node1";
        lab.nodes.get(1).host = "node2";
        List<Set<String>> told = new ArrayList<>();
        MachinePowerWatch w = new MachinePowerWatch(lab, power, told::add);
        w.look();
        assertEquals(List.of(Set.of()), told, "the first look is told");
        w.look();
        assertEquals(1, told.size(), "nothing changed, nothing told");
        power.powerOff("node2");
        w.look();
        assertEquals(Set.of(lab.nodes.get(1).name), told.get(1));
        failing = true;
        power.powerOn("node2");
        w.look();
        assertEquals(2, told.size(), "a look that fails tells nothing");
        failing = false;
        w.look();
        assertEquals(Set.of(), told.get(2));
    }

    @Test
    void theDiagramMarksOffNodesAndKeepsTheMarkAcrossSnapshots() {
        var s = Snapshots.of(Instant.now(), Snapshots.node("node1", 1, 6001, NodeState.DEMOTED, NodeState.DEMOTED),
                Snapshots.node("node2", 2, 6002, NodeState.WAIT_PRIMARY, NodeState.WAIT_PRIMARY));
        TopologyModel t = TopologyModel.of(s, Set.of("node1"));
        assertTrue(t.node("node1").orElseThrow().machineOff());
        assertFalse(t.node("node2").orElseThrow().machineOff());
        TopologyModel on = t.withMachinesOff(Set.of());
        assertFalse(on.node("node1").orElseThrow().machineOff());
        assertEquals(t.edges(), on.edges());

        LiveModels live = new LiveModels(LabSpec.local("/tmp/never", 7000, 7001, 7002), Runnable::run, Runnable::run);
        live.apply(s);
        live.machinesOff(Set.of("node1"));
        assertTrue(live.topologyProperty().get().node("node1").orElseThrow().machineOff());
        live.apply(s);
        assertTrue(live.topologyProperty().get().node("node1").orElseThrow().machineOff(), "a new snapshot keeps the mark");
    }
}
