package io.failoverlab.ops;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * pg_auto_failover's own rules, as a pure function of a snapshot: what the monitor will do after
 * an operation, said before acting. From the monitor's source (group_state_machine.c,
 * node_active_protocol.c) and the outcomes its test suite expects (test_multi_standbys.py,
 * test_multi_maintenance.py, test_basic_operation.py):
 * - a healthy secondary with replication quorum keeps the primary `primary`; with none left the
 *   primary goes `wait_primary` if number_sync_standbys is 0, else it stays `primary` and writes
 *   block;
 * - a failover promotes a healthy secondary with candidate priority above 0, the highest priority
 *   first (then the most advanced); with none there is no failover;
 * - number_sync_standbys N needs N+1 standbys with replication quorum.
 */
public final class MonitorRules {
    private MonitorRules() { }

    /** The standbys named in lost stop (stop-node, a power cut, a partition). */
    public static Expectation standbysLost(ClusterSnapshot s, Set<String> lost) {
        Optional<NodeStatus> p = s.writableNode();
        if (p.isEmpty()) return Expectation.builder(Msg.of("rules.noPrimary", s.summary())).build();
        String primary = p.get().name();
        List<NodeStatus> quorumLeft = quorumSecondaries(s, lost, primary);
        int nss = Math.max(0, s.formation().numberSyncStandbys());
        boolean anyQuorum = s.nodes().stream().anyMatch(n -> !n.name().equals(primary) && n.replicationQuorum());
        Expectation.Builder b;
        if (!anyQuorum) {
            boolean secondaryLeft = s.nodes().stream().anyMatch(n -> !n.name().equals(primary)
                    && !lost.contains(n.name()) && settledSecondary(s, n));
            b = Expectation.builder(Msg.of("rules.standby.async", primary))
                    .node(primary, secondaryLeft ? NodeState.PRIMARY : NodeState.WAIT_PRIMARY);
        } else if (quorumLeft.isEmpty() && nss == 0) {
            b = Expectation.builder(Msg.of("rules.standby.waitPrimary", primary, String.join(", ", lost)))
                    .node(primary, NodeState.WAIT_PRIMARY);
        } else if (quorumLeft.size() < Math.max(1, nss)) {
            b = Expectation.builder(Msg.of("rules.standby.blocks", primary, nss, quorumLeft.size()))
                    .node(primary, NodeState.PRIMARY).writesBlock(true);
        } else {
            b = Expectation.builder(Msg.of("rules.standby.keepsPrimary", primary, names(quorumLeft), nss))
                    .node(primary, NodeState.PRIMARY);
        }
        othersStay(b, s, lost, primary);
        return b.build();
    }

    /** The primary is lost (its node killed or stopped, its machine off): the monitor's failover. */
    public static Expectation primaryLost(ClusterSnapshot s, String primary) {
        List<NodeStatus> candidates = candidates(s, Set.of(primary));
        if (candidates.isEmpty()) return noFailover(s, primary);
        Expectation.Builder b = promotion(s, candidates, Set.of(primary));
        return b.build();
    }

    /** A planned switchover (perform_failover with a healthy primary). */
    public static Expectation switchover(ClusterSnapshot s) {
        Optional<NodeStatus> p = s.stablePrimary();
        if (p.isEmpty()) return Expectation.refused(Msg.of("op.switchover.noPrimary", s.summary()));
        String primary = p.get().name();
        List<NodeStatus> standbys = s.nodes().stream().filter(n -> !n.name().equals(primary)).toList();
        if (standbys.size() == 1 && !settledSecondary(s, standbys.get(0))) {
            return Expectation.refused(Msg.of("rules.switchover.notStable", primary, standbys.get(0).name(), s.summary()));
        }
        List<NodeStatus> candidates = candidates(s, Set.of(primary));
        if (candidates.isEmpty()) return Expectation.refused(noCandidateMsg(s, primary));
        Expectation.Builder b = promotion(s, candidates, Set.of());
        b.node(primary, NodeState.SECONDARY);
        return b.build();
    }

    /** perform_promotion of a given node (any candidate priority: the monitor raises it for the election). */
    public static Expectation promote(ClusterSnapshot s, String name) {
        Optional<NodeStatus> n = s.node(name);
        if (n.isEmpty()) return Expectation.refused(Msg.of("op.startNode.dropped", name, new Msg.Action("node-readd", "add-node " + name)));
        if (n.get().reportedState().writable() && n.get().assignedState().writable()) {
            return Expectation.refused(Msg.of("op.promote.already", name));
        }
        if (!settledSecondary(s, n.get())) {
            return Expectation.refused(Msg.of("rules.promote.notSecondary", name, n.get().stateShown(), s.summary()));
        }
        Expectation.Builder b = Expectation.builder(Msg.of("rules.promote.to", name))
                .node(name, NodeState.PRIMARY, NodeState.WAIT_PRIMARY);
        othersStay(b, s, Set.of(), name);
        return b.build();
    }

    /** set formation number-sync-standbys n. */
    public static Expectation numberSyncStandbys(ClusterSnapshot s, int n, String formation) {
        Optional<NodeStatus> p = s.writableNode();
        if (p.isEmpty()) return Expectation.refused(Msg.of("rules.noPrimary", s.summary()));
        String primary = p.get().name();
        long quorumStandbys = s.nodes().stream().filter(x -> !x.name().equals(primary) && x.replicationQuorum()).count();
        if (n > 0 && quorumStandbys < n + 1) {
            return Expectation.refused(Msg.of("op.setting.syncTooMany", n, n + 1, formation, quorumStandbys));
        }
        List<NodeStatus> quorumLeft = quorumSecondaries(s, Set.of(), primary);
        Expectation.Builder b;
        if (quorumLeft.isEmpty() && n == 0) {
            b = Expectation.builder(Msg.of("rules.nss.unblocks", primary)).node(primary, NodeState.WAIT_PRIMARY);
        } else if (quorumLeft.size() < Math.max(1, n)) {
            b = Expectation.builder(Msg.of("rules.nss.blocks", primary, n))
                    .node(primary, NodeState.APPLY_SETTINGS, NodeState.PRIMARY).writesBlock(true);
        } else {
            b = Expectation.builder(Msg.of("rules.nss.applied", primary, n)).node(primary, NodeState.PRIMARY);
        }
        othersStay(b, s, Set.of(), primary);
        return b.build();
    }

    /** A node's candidate priority or replication quorum changed: roles stay, the primary re-applies its settings. */
    public static Expectation settingChanged(ClusterSnapshot s) {
        Optional<NodeStatus> p = s.writableNode();
        if (p.isEmpty()) {
            // e.g. every node in report_lsn: a candidate priority above 0 lets the monitor elect one
            List<NodeStatus> waiting = s.nodes().stream().filter(n -> n.reportedState() == NodeState.REPORT_LSN).toList();
            return Expectation.builder(Msg.of("rules.setting.election", names(waiting))).build();
        }
        String primary = p.get().name();
        Expectation.Builder b = Expectation.builder(Msg.of("rules.setting.keeps", primary))
                .node(primary, p.get().reportedState() == NodeState.WAIT_PRIMARY
                        ? NodeState.WAIT_PRIMARY : NodeState.PRIMARY, NodeState.WAIT_PRIMARY, NodeState.PRIMARY);
        othersStay(b, s, Set.of(), primary);
        return b.build();
    }

    /** start_maintenance: a standby leaves the quorum; a primary is failed over first. */
    public static Expectation maintenanceOn(ClusterSnapshot s, String name) {
        Optional<NodeStatus> n = s.node(name);
        if (n.isEmpty()) return Expectation.refused(Msg.of("op.startNode.dropped", name, new Msg.Action("node-readd", "add-node " + name)));
        Optional<NodeStatus> p = s.writableNode();
        if (p.isPresent() && p.get().name().equals(name)) {
            List<NodeStatus> candidates = candidates(s, Set.of(name));
            if (candidates.isEmpty()) return Expectation.refused(noCandidateMsg(s, name));
            Expectation.Builder b = promotion(s, candidates, Set.of(name));
            return b.node(name, NodeState.MAINTENANCE).build();
        }
        Expectation lost = standbysLost(s, Set.of(name));
        Expectation.Builder b = Expectation.builder(Msg.of("rules.maintenance.standby", name, lost.story()));
        lost.states().forEach(b::node);
        return b.node(name, NodeState.MAINTENANCE).writesBlock(lost.writesBlock()).build();
    }

    /** stop_maintenance: the node catches up and is a secondary again. */
    public static Expectation maintenanceOff(ClusterSnapshot s, String name) {
        return rejoin(s, name);
    }

    /** A stopped or new node starts: it catches up and joins as secondary. */
    public static Expectation rejoin(ClusterSnapshot s, String name) {
        Optional<NodeStatus> p = s.writableNode().filter(x -> !x.name().equals(name));
        if (p.isEmpty()) return Expectation.builder(Msg.of("rules.rejoin.noPrimary", name, s.summary())).build();
        Expectation.Builder b = Expectation.builder(Msg.of("rules.rejoin", name, p.get().name()))
                .node(name, NodeState.SECONDARY).node(p.get().name(), NodeState.PRIMARY);
        othersStay(b, s, Set.of(name), p.get().name());
        return b.build();
    }

    /** remove_node: one node leaves the formation. */
    public static Expectation dropped(ClusterSnapshot s, String name) {
        List<NodeStatus> rest = s.nodes().stream().filter(n -> !n.name().equals(name)).toList();
        if (rest.size() == 1) {
            return Expectation.builder(Msg.of("rules.drop.single", rest.get(0).name()))
                    .node(rest.get(0).name(), NodeState.SINGLE).node(name, NodeState.DROPPED).build();
        }
        boolean wasPrimary = s.writableNode().filter(p -> p.name().equals(name)).isPresent();
        Expectation e = wasPrimary ? primaryLost(s, name) : standbysLost(s, Set.of(name));
        Expectation.Builder b = Expectation.builder(e.story()).writesBlock(e.writesBlock());
        e.states().forEach(b::node);
        return b.node(name, NodeState.DROPPED).build();
    }

    // --- pieces ---

    private static Expectation noFailover(ClusterSnapshot s, String primary) {
        Expectation.Builder b = Expectation.builder(noCandidateMsg(s, primary));
        return b.build();
    }

    private static Msg noCandidateMsg(ClusterSnapshot s, String primary) {
        String priorities = s.nodes().stream().filter(n -> !n.name().equals(primary))
                .map(n -> n.name() + " " + n.stateShown() + ", " + n.candidatePriority()).collect(Collectors.joining("; "));
        return Msg.of("rules.noCandidate", priorities);
    }

    /** Those of the highest candidate priority win; the rest follow the new primary. */
    private static Expectation.Builder promotion(ClusterSnapshot s, List<NodeStatus> candidates, Set<String> gone) {
        int top = candidates.stream().mapToInt(NodeStatus::candidatePriority).max().orElse(0);
        List<NodeStatus> winners = candidates.stream().filter(n -> n.candidatePriority() == top).toList();
        Expectation.Builder b = Expectation.builder(winners.size() == 1
                ? Msg.of("rules.failover.to", winners.get(0).name(), top)
                : Msg.of("rules.failover.among", names(winners), top));
        for (NodeStatus n : s.nodes()) {
            if (gone.contains(n.name()) || s.writableNode().filter(p -> p.name().equals(n.name())).isPresent()) continue;
            if (winners.size() == 1 && winners.get(0) == n) b.node(n.name(), NodeState.PRIMARY, NodeState.WAIT_PRIMARY);
            else if (winners.contains(n)) b.node(n.name(), NodeState.PRIMARY, NodeState.WAIT_PRIMARY, NodeState.SECONDARY);
            else stays(b, s, n);
        }
        return b;
    }

    /** Every node but the skipped ones keeps its role: maintenance stays, a reporting standby is secondary. */
    private static void othersStay(Expectation.Builder b, ClusterSnapshot s, Set<String> skip, String primary) {
        for (NodeStatus n : s.nodes()) {
            if (skip.contains(n.name()) || n.name().equals(primary)) continue;
            stays(b, s, n);
        }
    }

    private static void stays(Expectation.Builder b, ClusterSnapshot s, NodeStatus n) {
        if (n.assignedState() == NodeState.MAINTENANCE) b.node(n.name(), NodeState.MAINTENANCE);
        else if (!s.silent(n)) b.node(n.name(), NodeState.SECONDARY);
    }

    /** Healthy settled secondaries with replication quorum, other than the primary and the lost. */
    static List<NodeStatus> quorumSecondaries(ClusterSnapshot s, Set<String> lost, String primary) {
        return s.nodes().stream().filter(n -> !n.name().equals(primary) && !lost.contains(n.name())
                && n.replicationQuorum() && settledSecondary(s, n) && healthy(s, n)).toList();
    }

    /** What the monitor may promote: a healthy secondary with candidate priority above 0. */
    static List<NodeStatus> candidates(ClusterSnapshot s, Set<String> excluded) {
        return s.nodes().stream().filter(n -> !excluded.contains(n.name()) && n.candidatePriority() > 0
                        && settledSecondary(s, n) && healthy(s, n))
                .sorted(Comparator.comparingInt(NodeStatus::candidatePriority).reversed()).toList();
    }

    private static boolean settledSecondary(ClusterSnapshot s, NodeStatus n) {
        return n.reportedState() == NodeState.SECONDARY && n.assignedState() == NodeState.SECONDARY;
    }

    private static boolean healthy(ClusterSnapshot s, NodeStatus n) {
        return !s.silent(n) && n.health() != NodeStatus.Health.BAD;
    }

    private static String names(List<NodeStatus> nodes) {
        return nodes.stream().map(NodeStatus::name).collect(Collectors.joining(", "));
    }
}
