package io.failoverlab.ops;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.NodeStatus;
import io.failoverlab.lab.StepResult;
import io.failoverlab.lab.StepIds;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Replication settings through the monitor: a node's candidate priority (0..100) or
 * replication quorum, or the formation's number_sync_standbys. The monitor then moves the
 * primary through apply_settings; this waits until every node has settled again.
 */
public final class SetSetting implements OperationRunner.Operation {
    public enum Kind { CANDIDATE_PRIORITY, REPLICATION_QUORUM, NUMBER_SYNC_STANDBYS }

    private final LabEngine engine;
    private final Kind kind;
    private final String node;
    private final int number;
    private final boolean flag;
    private final Duration bound;

    private SetSetting(LabEngine engine, Kind kind, String node, int number, boolean flag) {
        this.engine = engine;
        this.kind = kind;
        this.node = node;
        this.number = number;
        this.flag = flag;
        this.bound = Duration.ofSeconds(120);
    }

    /** From the verb's words: NAME candidate-priority N | NAME replication-quorum BOOL | formation number-sync-standbys N. */
    public static SetSetting parse(LabEngine engine, String target, String setting, String value) {
        switch (setting) {
            case "candidate-priority":
                return new SetSetting(engine, Kind.CANDIDATE_PRIORITY, LabNodes.require(engine.spec(), target).name,
                        number(value, 0, 100, "candidate-priority"), false);
            case "replication-quorum":
                if (!"true".equals(value) && !"false".equals(value)) {
                    throw new LabException(Msg.of("op.setting.quorumValue", value));
                }
                return new SetSetting(engine, Kind.REPLICATION_QUORUM, LabNodes.require(engine.spec(), target).name, 0,
                        Boolean.parseBoolean(value));
            case "number-sync-standbys":
                if (!"formation".equals(target)) {
                    throw new LabException(Msg.of("op.setting.syncOfFormation"));
                }
                return new SetSetting(engine, Kind.NUMBER_SYNC_STANDBYS, null,
                        number(value, 0, Math.max(0, engine.spec().nodes.size() - 1), "number-sync-standbys"), false);
            default:
                throw new LabException(Msg.of("op.setting.unknown", setting));
        }
    }

    private static int number(String v, int min, int max, String what) {
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // same sentence as out of range
        }
        throw new LabException(Msg.of("op.setting.range", what, min, max, v));
    }

    @Override
    public String name() {
        switch (kind) {
            case CANDIDATE_PRIORITY: return StepIds.named(StepIds.SET, node + " candidate-priority " + number);
            case REPLICATION_QUORUM: return StepIds.named(StepIds.SET, node + " replication-quorum " + flag);
            default: return StepIds.named(StepIds.SET, "formation number-sync-standbys " + number);
        }
    }

    @Override
    public OperationResult run() throws Exception {
        try (OpSession s = new OpSession(engine)) {
            ClusterSnapshot before = s.snapshot();
            if (node != null) LabNodes.registered(before, node, "settings");
            Expectation e = kind == Kind.NUMBER_SYNC_STANDBYS
                    ? MonitorRules.numberSyncStandbys(before, number, engine.spec().formation)
                    : MonitorRules.settingChanged(before);
            if (e.isRefused()) throw new LabException(e.refusal());
            long t0 = System.nanoTime();
            boolean accepted;
            switch (kind) {
                case CANDIDATE_PRIORITY:
                    accepted = s.monitor().setCandidatePriority(s.formation(), node, number);
                    break;
                case REPLICATION_QUORUM:
                    accepted = s.monitor().setReplicationQuorum(s.formation(), node, flag);
                    break;
                default:
                    accepted = s.monitor().setNumberSyncStandbys(s.formation(), number);
            }
            if (!accepted) throw new LabException(Msg.of("op.setting.refused", name(), before.summary()));
            Followed end = s.follow(new Settling(Set.of()), bound, null);
            Msg done = Msg.of("op.setting.done", name().substring(4), end.seconds(), end.last().summary());
            return Verdict.of(name(), done, e, end, bound, Map.of("applySeconds", end.seconds()), t0);
        }
    }
}
