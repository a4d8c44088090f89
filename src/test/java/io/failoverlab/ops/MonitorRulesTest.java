package io.failoverlab.ops;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.NodeState;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.failoverlab.ops.Snaps.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pg_auto_failover's rules as the console predicts them, case by case from its own test suite. */
class MonitorRulesTest {
    static final ClusterSnapshot THREE = of(1, "node1 primary", "node2 secondary", "node3 secondary");
    static final ClusterSnapshot TWO = of(0, "node1 primary", "node2 secondary");

    static Set<NodeState> states(Expectation e, String node) { return e.states().get(node); }

    @Test
    void oneStandbyOfTwoLostKeepsThePrimary() {
        Expectation e = MonitorRules.standbysLost(THREE, Set.of("node3"));
        assertEquals(Set.of(NodeState.PRIMARY), states(e, "node1"));
        assertEquals(Set.of(NodeState.SECONDARY), states(e, "node2"));
        assertFalse(e.writesBlock());
        assertEquals("rules.standby.keepsPrimary", e.story().key());
    }

    @Test
    void theLastSyncStandbyLostBlocksWritesWhenNumberSyncStandbysIsOne() {
        ClusterSnapshot s = of(1, "node1 primary", "node2 secondary", "node3 secondary>catchingup down");
        Expectation e = MonitorRules.standbysLost(s, Set.of("node2"));
        assertEquals(Set.of(NodeState.PRIMARY), states(e, "node1"));
        assertTrue(e.writesBlock());
    }

    @Test
    void theOnlyStandbyLostWithNumberSyncStandbysZeroMeansWaitPrimary() {
        Expectation e = MonitorRules.standbysLost(TWO, Set.of("node2"));
        assertEquals(Set.of(NodeState.WAIT_PRIMARY), states(e, "node1"));
        assertFalse(e.writesBlock());
    }

    @Test
    void asyncStandbysNeverBlockWrites() {
        ClusterSnapshot s = of(0, "node1 primary", "node2 secondary async", "node3 secondary async");
        Expectation e = MonitorRules.standbysLost(s, Set.of("node2"));
        assertEquals(Set.of(NodeState.PRIMARY), states(e, "node1"));
        assertEquals("rules.standby.async", e.story().key());
    }

    @Test
    void failoverPromotesTheHighestCandidatePriority() {
        ClusterSnapshot s = of(1, "node1 primary", "node2 secondary prio=90", "node3 secondary prio=70");
        Expectation e = MonitorRules.primaryLost(s, "node1");
        assertEquals(Set.of(NodeState.PRIMARY, NodeState.WAIT_PRIMARY), states(e, "node2"));
        assertEquals(Set.of(NodeState.SECONDARY), states(e, "node3"));
    }

    @Test
    void equalPrioritiesLeaveTheChoiceToTheMostAdvanced() {
        Expectation e = MonitorRules.primaryLost(THREE, "node1");
        assertEquals("rules.failover.among", e.story().key());
        assertTrue(states(e, "node2").contains(NodeState.PRIMARY) && states(e, "node2").contains(NodeState.SECONDARY));
    }

    @Test
    void noCandidateNoFailover() {
        ClusterSnapshot s = of(1, "node1 primary prio=0", "node2 secondary prio=0", "node3 secondary prio=0");
        assertTrue(MonitorRules.switchover(s).isRefused());
        assertEquals("rules.noCandidate", MonitorRules.switchover(s).refusal().key());
        Expectation dead = MonitorRules.primaryLost(s, "node1");
        assertFalse(dead.isRefused());
        assertEquals("rules.noCandidate", dead.story().key());
        // standbys in maintenance are no candidates either (test_multi_maintenance.py test_008a)
        ClusterSnapshot m = of(1, "node1 primary", "node2 maintenance", "node3 maintenance");
        assertTrue(MonitorRules.switchover(m).isRefused());
    }

    @Test
    void switchoverOfTwoNeedsASettledSecondary() {
        ClusterSnapshot s = of(0, "node1 primary", "node2 catchingup>secondary");
        assertEquals("rules.switchover.notStable", MonitorRules.switchover(s).refusal().key());
        Expectation e = MonitorRules.switchover(TWO);
        assertEquals(Set.of(NodeState.PRIMARY, NodeState.WAIT_PRIMARY), states(e, "node2"));
        assertEquals(Set.of(NodeState.SECONDARY), states(e, "node1"));
    }

    @Test
    void switchoverWithAStandbyInMaintenancePromotesTheOther() {
        ClusterSnapshot s = of(1, "node1 primary", "node2 maintenance", "node3 secondary");
        Expectation e = MonitorRules.switchover(s);
        assertEquals(Set.of(NodeState.PRIMARY, NodeState.WAIT_PRIMARY), states(e, "node3"));
        assertEquals(Set.of(NodeState.SECONDARY), states(e, "node1"));
        assertEquals(Set.of(NodeState.MAINTENANCE), states(e, "node2"));
    }

    @Test
    void promoteRefusesANodeStillJoining() {
        ClusterSnapshot s = of(1, "node1 primary", "node2 join_secondary>secondary", "node3 secondary");
        assertEquals("rules.promote.notSecondary", MonitorRules.promote(s, "node2").refusal().key());
        // a priority of 0 does not stop a promotion (test_multi_standbys.py test_016_005)
        ClusterSnapshot zero = of(1, "node1 primary", "node2 secondary prio=0", "node3 secondary");
        assertFalse(MonitorRules.promote(zero, "node2").isRefused());
    }

    @Test
    void numberSyncStandbysNeedsThatManyPlusOneQuorumStandbys() {
        assertTrue(MonitorRules.numberSyncStandbys(TWO, 1, "default").isRefused());
        assertFalse(MonitorRules.numberSyncStandbys(THREE, 1, "default").isRefused());
        assertTrue(MonitorRules.numberSyncStandbys(THREE, 2, "default").isRefused());
        ClusterSnapshot lost = of(1, "node1 primary", "node2 secondary>catchingup down", "node3 secondary>catchingup down");
        Expectation zero = MonitorRules.numberSyncStandbys(lost, 0, "default");
        assertEquals(Set.of(NodeState.WAIT_PRIMARY), states(zero, "node1"));
        assertEquals("rules.nss.unblocks", zero.story().key());
    }

    @Test
    void maintenanceOfThePrimaryNeedsACandidate() {
        ClusterSnapshot s = of(1, "node1 primary", "node2 maintenance", "node3 secondary prio=0");
        assertTrue(MonitorRules.maintenanceOn(s, "node1").isRefused());
        Expectation e = MonitorRules.maintenanceOn(THREE, "node2");
        assertEquals(Set.of(NodeState.MAINTENANCE), states(e, "node2"));
        assertEquals(Set.of(NodeState.PRIMARY), states(e, "node1"));
    }

    @Test
    void droppingOneOfTwoLeavesASingle() {
        Expectation e = MonitorRules.dropped(TWO, "node2");
        assertEquals(Set.of(NodeState.SINGLE), states(e, "node1"));
        assertTrue(e.mismatch(of(0, "node1 single")).isEmpty());
        assertTrue(e.mismatch(of(0, "node1 wait_primary>single")).isPresent());
    }

    @Test
    void mismatchShowsWhatDiffers() {
        Expectation e = MonitorRules.standbysLost(THREE, Set.of("node3"));
        var wrong = e.mismatch(of(1, "node1 wait_primary", "node2 secondary", "node3 secondary>catchingup down"));
        assertTrue(wrong.isPresent());
        assertTrue(wrong.get().contains("node1: wait_primary (primary)"), wrong.get());
    }
}
