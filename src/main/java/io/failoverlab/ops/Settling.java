package io.failoverlab.ops;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides, snapshot by snapshot, when the formation has settled after an operation's request:
 * every reporting node has reached its assigned state and that state is one pg_auto_failover
 * rests in, and nothing has moved for a quiet spell (the monitor assigns the next goal on a
 * keeper's next report, about 1 s later). Down, maintenance and dropped nodes do not hold it,
 * except a down node the monitor is still failing over from (its timers run).
 * Pure: it reads only the snapshots' own times, so recorded runs replay it in unit tests.
 */
public final class Settling {
    /** Longer than a keeper's report interval (1 s): the monitor's next goal lands within it. */
    public static final Duration QUIET = Duration.ofSeconds(2);

    /** Steps the monitor takes on its way somewhere else (docs/failover-state-machine.rst). */
    private static final Set<NodeState> PASSING = EnumSet.of(NodeState.INIT, NodeState.WAIT_STANDBY,
            NodeState.CATCHINGUP, NodeState.DRAINING, NodeState.DEMOTE_TIMEOUT, NodeState.DEMOTED,
            NodeState.PREPARE_PROMOTION, NodeState.STOP_REPLICATION, NodeState.FAST_FORWARD,
            NodeState.JOIN_SECONDARY, NodeState.PREPARE_MAINTENANCE, NodeState.WAIT_MAINTENANCE,
            NodeState.APPLY_SETTINGS, NodeState.REPORT_LSN, NodeState.JOIN_PRIMARY, NodeState.UNKNOWN);

    /** A failover in flight: the monitor's timers run even while the old primary is down. */
    private static final Set<NodeState> FAILING_OVER = EnumSet.of(NodeState.DRAINING, NodeState.DEMOTE_TIMEOUT,
            NodeState.PREPARE_PROMOTION, NodeState.STOP_REPLICATION, NodeState.FAST_FORWARD);

    private final Set<String> mustReport;
    private final Set<String> mustGoDown;
    private final Duration quiet;
    private Predicate<ClusterSnapshot> also = s -> true;
    private String signature;
    private Instant since;

    /** mustReport: nodes the operation brings back, never excused as down. */
    public Settling(Set<String> mustReport) { this(mustReport, Set.of(), QUIET); }

    /**
     * mustGoDown: nodes the operation stopped; nothing happens until the monitor judges them
     * unhealthy (silent keeper, failed health checks), so they hold the wait until then.
     */
    public Settling(Set<String> mustReport, Set<String> mustGoDown, Duration quiet) {
        this.mustReport = Set.copyOf(mustReport);
        this.mustGoDown = Set.copyOf(mustGoDown);
        this.quiet = quiet;
    }

    /** After the operation stopped these nodes. */
    public static Settling afterLoss(Set<String> lost) { return new Settling(Set.of(), lost, QUIET); }

    public Set<String> mustReport() { return mustReport; }

    /** Settled only once this holds too (something the operation watches beside the monitor). */
    public Settling until(Predicate<ClusterSnapshot> condition) {
        also = condition;
        return this;
    }

    /** Takes the next snapshot; true once the formation has settled. */
    public boolean offer(ClusterSnapshot s) {
        if (!s.monitorReachable() || s.nodes().isEmpty()) {
            signature = null;
            return false;
        }
        String sig = signature(s);
        if (!sig.equals(signature)) {
            signature = sig;
            since = s.at();
        }
        return holding(s).isEmpty() && also.test(s) && !Duration.between(since, s.at()).minus(quiet).isNegative();
    }

    /** The first node that keeps the formation from settling, if any. */
    public Optional<NodeStatus> holding(ClusterSnapshot s) {
        return s.nodes().stream().filter(n -> holds(s, n)).findFirst();
    }

    private boolean holds(ClusterSnapshot s, NodeStatus n) {
        if (mustGoDown.contains(n.name()) && !(s.silent(n) && n.health() == NodeStatus.Health.BAD)) return true;
        if (mustReport.contains(n.name()) && s.silent(n)) return true;
        switch (Standing.of(s, n, mustReport)) {
            case DROPPED: return !s.silent(n) && n.reportedState() != NodeState.DROPPED;
            case MAINTENANCE: return false;
            case DOWN: return FAILING_OVER.contains(n.assignedState());
            default:
                if (n.inTransition()) return true;
                return PASSING.contains(n.assignedState()) && !resting(s, n);
        }
    }

    /**
     * States pg_auto_failover stays in for good while nothing changes, as its own tests expect
     * (test_multi_standbys.py): report_lsn when no node is a candidate (priority 0 everywhere),
     * apply_settings when number_sync_standbys asks for standbys that are not there, catchingup
     * or demoted when no node accepts writes to catch up with.
     */
    static boolean resting(ClusterSnapshot s, NodeStatus n) {
        switch (n.assignedState()) {
            case REPORT_LSN:
                return s.nodes().stream().filter(x -> x.reportedState() == NodeState.REPORT_LSN)
                        .allMatch(x -> x.candidatePriority() <= 0);
            case APPLY_SETTINGS:
                return s.formation().numberSyncStandbys() > 0 && s.nodes().stream().noneMatch(x -> x != n
                        && x.replicationQuorum() && x.reportedState() == NodeState.SECONDARY && !s.silent(x));
            case CATCHINGUP: case DEMOTED:
                return s.writableNode().isEmpty();
            default:
                return false;
        }
    }

    /** What a quiet spell must see unchanged: each node's states, standing and health (the monitor acts on health). */
    private String signature(ClusterSnapshot s) {
        StringBuilder sb = new StringBuilder();
        for (NodeStatus n : s.nodes()) {
            sb.append(n.name()).append(':').append(n.reportedState()).append('>').append(n.assignedState())
                    .append(':').append(Standing.of(s, n, mustReport)).append(':').append(n.health()).append(';');
        }
        return sb.append(s.formation().numberSyncStandbys()).toString();
    }
}
