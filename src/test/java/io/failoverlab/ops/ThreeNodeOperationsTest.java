package io.failoverlab.ops;

import io.failoverlab.engine.EngineListener;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.StepResult;
import io.failoverlab.pgaf.TimingProfile;
import io.failoverlab.remote.LocalShell;
import io.failoverlab.testing.ClusterTest;
import io.failoverlab.testing.SnapshotRecording;
import io.failoverlab.testing.TestLabs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * pg_auto_failover's own multi-standby scenarios (tests/test_multi_standbys.py,
 * test_multi_maintenance.py, test_basic_operation.py) replayed through the console's operations
 * on one real local lab of three data nodes, fast profile. Each operation must end in the states
 * pg_auto_failover's tests expect with the console's result ok, or be refused at once with the
 * reason where pg_auto_failover cannot act; none may wait out its bound. Each operation's time is
 * a BENCH line, and the monitor's snapshots during it are written to target/recordings/ (the
 * unit tests of ops/ replay copies of them).
 */
@ClusterTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeNodeOperationsTest {
    LabSpec lab;
    LabEngine engine;
    OperationRunner runner;
    final List<ClusterSnapshot> seen = new ArrayList<>();
    int recorded;

    @BeforeAll
    void setUp() {
        lab = TestLabs.localLab("three-nodes", 3);
        EngineListener recorder = new EngineListener() {
            @Override public void snapshot(ClusterSnapshot s) {
                synchronized (seen) { seen.add(s); }
            }
        };
        engine = new LabEngine(lab, h -> new LocalShell(), recorder);
        runner = new OperationRunner(EngineListener.NONE);
        List<StepResult> steps = engine.up();
        assertTrue(steps.stream().allMatch(StepResult::ok), () -> "up: " + steps);
        assertTrue(runner.runNow(TimingProfiles.apply(engine, TimingProfile.FAST)).ok());
    }

    @AfterAll
    void tearDown() {
        runner.close();
        engine.down(true);
        engine.close();
        TestLabs.deleteTree(Path.of(lab.dataDir).getParent());
    }

    /** Runs op, prints its BENCH line and records the monitor's snapshots during it. */
    OperationResult op(OperationRunner.Operation op) throws Exception {
        ClusterSnapshot before = engine.status();
        synchronized (seen) { seen.clear(); }
        OperationResult r = runner.runNow(op);
        System.out.println("BENCH three-nodes " + r.name() + ": " + r.seconds() + " s ok=" + r.ok() + " " + r.figures() + " — " + r.message());
        List<ClusterSnapshot> all = new ArrayList<>();
        all.add(before);
        synchronized (seen) { all.addAll(seen); }
        if (r.finalState() != null) all.add(r.finalState());
        SnapshotRecording.write(Path.of("target", "recordings", String.format("%02d-%s.tsv", ++recorded,
                r.name().replace(' ', '-'))), r.name() + ": " + r.message(), all);
        return r;
    }

    OperationResult ok(OperationRunner.Operation o) throws Exception {
        OperationResult r = op(o);
        assertTrue(r.ok(), () -> o.name() + ": " + r.message());
        // pg_auto_failover settled: the wait ended well before its 120 s bound
        assertTrue(r.seconds() < 100, () -> o.name() + " waited " + r.seconds() + " s");
        return r;
    }

    static void is(OperationResult r, String node, NodeState state) {
        ClusterSnapshot s = r.finalState();
        assertTrue(s.node(node).filter(n -> n.reportedState() == state && n.assignedState() == state).isPresent(),
                () -> node + " should be " + state.id() + ": " + s.summary());
    }

    @Test
    @Order(1)
    void threeNodesMakeNumberSyncStandbysOne() {
        ClusterSnapshot s = engine.status();
        assertTrue(s.converged(), s.summary());
        // test_multi_standbys.py test_004_002: a third node sets number_sync_standbys to 1
        assertEquals(1, s.formation().numberSyncStandbys(), s.summary());
        assertEquals("ANY 1 (pgautofailover_standby_2, pgautofailover_standby_3)", s.formation().synchronousStandbyNames());
    }

    @Test
    @Order(2)
    void losingOneThenTwoStandbys() throws Exception {
        // test_multi_standbys.py test_014: one standby of two lost, the primary stays primary
        OperationResult one = ok(new StopNode(engine, "node3"));
        is(one, "node1", NodeState.PRIMARY);
        is(one, "node2", NodeState.SECONDARY);
        // both lost with number_sync_standbys 1: still primary, and writes block
        OperationResult two = ok(new StopNode(engine, "node2"));
        is(two, "node1", NodeState.PRIMARY);
        assertTrue(two.message().contains("writes block"), two.message());
        // number_sync_standbys 0 unblocks writes: wait_primary
        OperationResult zero = ok(SetSetting.parse(engine, "formation", "number-sync-standbys", "0"));
        is(zero, "node1", NodeState.WAIT_PRIMARY);
        assertEquals(0, zero.finalState().formation().numberSyncStandbys());
        // node2 back while node3 is still down
        OperationResult back2 = ok(new StartNode(engine, "node2"));
        is(back2, "node2", NodeState.SECONDARY);
        is(back2, "node1", NodeState.PRIMARY);
        OperationResult back3 = ok(new StartNode(engine, "node3"));
        is(back3, "node3", NodeState.SECONDARY);
        OperationResult one1 = ok(SetSetting.parse(engine, "formation", "number-sync-standbys", "1"));
        is(one1, "node1", NodeState.PRIMARY);
    }

    @Test
    @Order(3)
    void maintenanceOfOneThenTwoStandbysWithASwitchoverBetween() throws Exception {
        // test_multi_maintenance.py test_006a: node2 in maintenance, failover promotes node3
        OperationResult m2 = ok(new Maintenance(engine, "node2", true));
        is(m2, "node2", NodeState.MAINTENANCE);
        is(m2, "node1", NodeState.PRIMARY);
        OperationResult sw = ok(new Switchover(engine));
        is(sw, "node3", NodeState.PRIMARY);
        is(sw, "node1", NodeState.SECONDARY);
        is(sw, "node2", NodeState.MAINTENANCE);
        // test_007b: both standbys in maintenance, number_sync_standbys 1: the primary stays primary, writes block
        OperationResult m1 = ok(new Maintenance(engine, "node1", true));
        is(m1, "node3", NodeState.PRIMARY);
        is(m1, "node1", NodeState.MAINTENANCE);
        // a switchover now has no candidate: refused at once with the reason
        OperationResult none = op(new Switchover(engine));
        assertFalse(none.ok());
        assertTrue(none.seconds() < 5, "refused at once, not after a wait: " + none.seconds());
        assertTrue(none.message().contains("candidate"), none.message());
        OperationResult off2 = ok(new Maintenance(engine, "node2", false));
        is(off2, "node2", NodeState.SECONDARY);
        is(off2, "node1", NodeState.MAINTENANCE);
        OperationResult off1 = ok(new Maintenance(engine, "node1", false));
        is(off1, "node1", NodeState.SECONDARY);
        is(off1, "node3", NodeState.PRIMARY);
    }

    @Test
    @Order(4)
    void dropAStandbyThenSwitchoverAndFailoverThenAddItBack() throws Exception {
        OperationResult drop = ok(new DropNode(engine, "node1"));
        assertTrue(drop.finalState().node("node1").isEmpty(), drop.finalState().summary());
        is(drop, "node3", NodeState.PRIMARY);
        is(drop, "node2", NodeState.SECONDARY);
        OperationResult sw = ok(new Switchover(engine));
        is(sw, "node2", NodeState.PRIMARY);
        is(sw, "node3", NodeState.SECONDARY);
        OperationResult fo = ok(new Failover(engine));
        is(fo, "node3", NodeState.PRIMARY);
        is(fo, "node2", NodeState.SECONDARY);
        OperationResult add = ok(new AddNode(engine, "node1"));
        is(add, "node1", NodeState.SECONDARY);
        is(add, "node3", NodeState.PRIMARY);
    }

    @Test
    @Order(5)
    void everyCandidatePriorityZeroThenFailoverThenRaiseOne() throws Exception {
        for (String n : List.of("node1", "node2", "node3")) ok(SetSetting.parse(engine, n, "candidate-priority", "0"));
        // test_multi_standbys.py test_016: no candidate; the console says so at once instead of waiting
        OperationResult none = op(new Failover(engine));
        assertFalse(none.ok());
        assertTrue(none.seconds() < 5, "refused at once: " + none.seconds());
        assertTrue(none.message().contains("candidate priority"), none.message());
        assertEquals("node3", engine.status().stablePrimary().orElseThrow().name(), "nothing changed");
        ok(SetSetting.parse(engine, "node2", "candidate-priority", "50"));
        OperationResult fo = ok(new Failover(engine));
        is(fo, "node2", NodeState.PRIMARY);
        is(fo, "node1", NodeState.SECONDARY);
        is(fo, "node3", NodeState.SECONDARY);
    }

    @Test
    @Order(6)
    void promoteANodeOfPriorityZero() throws Exception {
        // test_multi_standbys.py test_016_005: perform_promotion of a node whose priority is 0
        assertEquals(0, engine.status().node("node1").orElseThrow().candidatePriority());
        OperationResult p = ok(new Promote(engine, "node1"));
        is(p, "node1", NodeState.PRIMARY);
        is(p, "node2", NodeState.SECONDARY);
        is(p, "node3", NodeState.SECONDARY);
        Map<String, Double> f = p.figures();
        assertTrue(f.containsKey("promoteSeconds"), f.toString());
    }

    @Test
    @Order(7)
    void theHighestCandidatePriorityIsPromotedWhenThePrimaryDies() throws Exception {
        ok(SetSetting.parse(engine, "node3", "candidate-priority", "90"));
        ok(SetSetting.parse(engine, "node2", "candidate-priority", "50"));
        OperationResult kill = ok(new KillPrimary(engine, KillPrimary.Mode.NODE, java.time.Duration.ofSeconds(15), null));
        assertEquals("node3", kill.finalState().writableNode().orElseThrow().name(), kill.message());
        OperationResult back = ok(new StartNode(engine, "node1"));
        is(back, "node1", NodeState.SECONDARY);
        is(back, "node3", NodeState.PRIMARY);
    }
}
