package io.failoverlab.ops;

import io.failoverlab.lab.ClusterSnapshot;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.failoverlab.ops.Snaps.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When following the monitor ends: every reporting node at rest, nothing moving for a quiet spell. */
class SettlingTest {

    @Test
    void settlesOnlyAfterAQuietSpell() {
        Settling s = new Settling(Set.of());
        assertFalse(s.offer(at(0, 0, "node1 primary", "node2 secondary")));
        assertFalse(s.offer(at(1.5, 0, "node1 primary", "node2 secondary")));
        assertTrue(s.offer(at(2.0, 0, "node1 primary", "node2 secondary")));
    }

    @Test
    void aTransitionHoldsAndAnyMoveRestartsTheQuietSpell() {
        Settling s = new Settling(Set.of());
        assertFalse(s.offer(at(0, 0, "node1 primary>draining", "node2 secondary>prepare_promotion")));
        assertFalse(s.offer(at(3, 0, "node1 demoted", "node2 wait_primary")));
        assertFalse(s.offer(at(4, 0, "node1 demoted>catchingup", "node2 wait_primary")));
        assertFalse(s.offer(at(5, 0, "node1 secondary", "node2 wait_primary>primary")));
        assertFalse(s.offer(at(6, 0, "node1 secondary", "node2 primary")));
        assertFalse(s.offer(at(7.9, 0, "node1 secondary", "node2 primary")));
        assertTrue(s.offer(at(8.0, 0, "node1 secondary", "node2 primary")));
    }

    @Test
    void aDownNodeDoesNotHoldButAFailoverFromItDoes() {
        Settling s = new Settling(Set.of());
        // the dead primary's demote timeout runs: the monitor is still at work
        assertFalse(s.offer(at(0, 0, "node1 primary>demote_timeout down", "node2 stop_replication")));
        assertFalse(s.offer(at(5, 0, "node1 primary>demote_timeout down", "node2 stop_replication")));
        assertFalse(s.offer(at(6, 0, "node1 primary>demoted down", "node2 wait_primary")));
        assertTrue(s.offer(at(8, 0, "node1 primary>demoted down", "node2 wait_primary")));
    }

    @Test
    void aStoppedNodeHoldsUntilTheMonitorCountsItGone() {
        Settling s = Settling.afterLoss(Set.of("node3"));
        assertFalse(s.offer(at(0, 1, "node1 primary", "node2 secondary", "node3 secondary")));
        assertFalse(s.offer(at(2.5, 1, "node1 primary", "node2 secondary", "node3 secondary")));
        assertFalse(s.offer(at(3.5, 1, "node1 primary", "node2 secondary", "node3 secondary>catchingup down")));
        assertTrue(s.offer(at(5.5, 1, "node1 primary", "node2 secondary", "node3 secondary>catchingup down")));
    }

    @Test
    void aNodeBroughtBackHoldsUntilItReports() {
        Settling s = new Settling(Set.of("node2"));
        ClusterSnapshot silent = at(0, 0, "node1 wait_primary", "node2 secondary down");
        assertFalse(s.offer(silent));
        assertFalse(s.offer(at(3, 0, "node1 wait_primary", "node2 secondary down")));
        assertFalse(s.offer(at(4, 0, "node1 wait_primary", "node2 catchingup")));
        assertFalse(s.offer(at(5, 0, "node1 primary", "node2 secondary")));
        assertTrue(s.offer(at(7, 0, "node1 primary", "node2 secondary")));
    }

    @Test
    void reportLsnRestsWhenNoNodeIsACandidate() {
        Settling s = new Settling(Set.of());
        assertFalse(s.offer(at(0, 1, "node1 report_lsn prio=0", "node2 report_lsn prio=0", "node3 report_lsn prio=0")));
        assertTrue(s.offer(at(2, 1, "node1 report_lsn prio=0", "node2 report_lsn prio=0", "node3 report_lsn prio=0")));
        Settling election = new Settling(Set.of());
        election.offer(at(0, 1, "node1 report_lsn prio=0", "node2 report_lsn", "node3 report_lsn prio=0"));
        assertFalse(election.offer(at(9, 1, "node1 report_lsn prio=0", "node2 report_lsn", "node3 report_lsn prio=0")));
    }

    @Test
    void applySettingsRestsWhenTheSyncStandbysAreGone() {
        // test_multi_standbys.py test_015_003: node1 stays in apply_settings until a standby is back
        Settling s = new Settling(Set.of());
        s.offer(at(0, 1, "node1 apply_settings", "node2 secondary>catchingup down", "node3 secondary>catchingup down"));
        assertTrue(s.offer(at(2, 1, "node1 apply_settings", "node2 secondary>catchingup down", "node3 secondary>catchingup down")));
    }

    @Test
    void maintenanceAndDroppedNodesAreNamed() {
        Settling s = new Settling(Set.of());
        ClusterSnapshot end = at(2, 1, "node1 primary", "node2 maintenance", "node3 secondary>catchingup down");
        s.offer(at(0, 1, "node1 primary", "node2 maintenance", "node3 secondary>catchingup down"));
        assertTrue(s.offer(end));
        Followed f = new Followed(end, true, 2, s);
        assertEquals(java.util.List.of("node2"), f.named(Standing.MAINTENANCE));
        assertEquals(java.util.List.of("node3"), f.named(Standing.DOWN));
    }

    @Test
    void anUnreachableMonitorNeverSettles() {
        Settling s = new Settling(Set.of());
        s.offer(at(0, 0, "node1 primary", "node2 secondary"));
        assertFalse(s.offer(ClusterSnapshot.unreachable("down")));
        assertFalse(s.offer(at(2.5, 0, "node1 primary", "node2 secondary")));
    }
}
