package io.failoverlab.ops;

import io.failoverlab.check.ProbeVerification;
import io.failoverlab.check.WriteProbe;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.AddedNodes;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.NodeStatus;
import io.failoverlab.lab.StepIds;
import io.failoverlab.lab.StepResult;
import io.failoverlab.pgaf.TimingProfile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * pg_auto_failover's tutorial after two nodes, end to end with a write probe on (`scenario
 * three-nodes`): add a third node (number_sync_standbys goes 0 → 1), stop one standby (the
 * primary stays primary), stop the second (writes block), set number-sync-standbys 0 (writes
 * resume), start both standbys, raise one standby's candidate priority and kill the primary:
 * that standby is promoted. Every step is an operation of ops/, so each says what the monitor's
 * rules predict and whether it did that.
 */
public final class ThreeNodeScenario {
    /** What `scenario three-nodes --json` writes. */
    public record Report(String profile, List<StepResult> steps, boolean ok, long acknowledgedWrites, long lostWrites,
                         long inDoubtWrites, Double writesBlockedSeconds, Integer numberSyncStandbysBefore,
                         Integer numberSyncStandbysAfter, String promoted, Double failoverSeconds) { }

    private final LabEngine engine;
    private final TimingProfile profile;
    private final AddedNodes book;
    private final ScenarioSteps steps;

    public ThreeNodeScenario(LabEngine engine, TimingProfile profile, AddedNodes book) {
        this.engine = engine;
        this.profile = profile;
        this.book = book;
        this.steps = new ScenarioSteps(engine);
    }

    public Report run() throws Exception {
        List<StepResult> up = engine.up();
        StepResult built = up.get(up.size() - 1);
        record(new StepResult(StepIds.UP, built.ok(), up.stream().mapToDouble(StepResult::seconds).sum(), built.message(), built.msg()));
        if (!built.ok() || !op(TimingProfiles.apply(engine, profile)).ok()) return report(null, null, null, null, null, null, null);
        ClusterSnapshot before = engine.status();
        Integer nssBefore = before.formation().known() ? before.formation().numberSyncStandbys() : null;
        String added = AddedNodes.nextName(engine.spec());
        OperationResult add = op(new AddNode(engine, added, null, book));
        ClusterSnapshot three = engine.status();
        Integer nssAfter = three.formation().known() ? three.formation().numberSyncStandbys() : null;
        if (!add.ok()) return report(null, null, nssBefore, nssAfter, null, null, null);
        // the probe knows every node, the new one included: it follows the primary wherever it goes
        try (WriteProbe probe = new WriteProbe(DataConnections.nodes(engine), DataConnections.settings(engine.spec()))) {
            probe.start();
            if (probe.awaitAck(a -> true, Duration.ofSeconds(30)).isEmpty()) {
                record(new StepResult(StepIds.VERIFY_WRITES, false, 30, probe.stats().lastError()));
                return report(probe, null, nssBefore, nssAfter, null, null, null);
            }
            String primary = three.writableNode().map(NodeStatus::name).orElseThrow();
            List<String> standbys = three.nodes().stream().map(NodeStatus::name).filter(n -> !n.equals(primary)).toList();
            op(new StopNode(engine, standbys.get(1)));
            Instant blockFrom = Instant.now();
            op(new StopNode(engine, standbys.get(0)));
            op(SetSetting.parse(engine, "formation", "number-sync-standbys", "0"));
            // writes go on once the primary is wait_primary: the gap in acknowledgements is the block
            Instant resumedAfter = Instant.now();
            probe.awaitAck(a -> a.at().isAfter(resumedAfter), Duration.ofSeconds(30));
            Double blocked = longestGap(probe.acknowledged(), blockFrom, Instant.now());
            op(new StartNode(engine, standbys.get(0)));
            op(new StartNode(engine, standbys.get(1)));
            String favourite = standbys.get(1);
            op(SetSetting.parse(engine, favourite, "candidate-priority", "90"));
            OperationResult kill = op(new KillPrimary(engine, KillPrimary.Mode.NODE, Duration.ofSeconds(15), probe));
            String promoted = kill.finalState() == null ? null : kill.finalState().writableNode().map(NodeStatus::name).orElse(null);
            record(new StepResult("promoted " + favourite, favourite.equals(promoted), 0,
                    Msg.of("scenario.three.promoted", favourite, promoted == null ? "-" : promoted).english(),
                    Msg.of("scenario.three.promoted", favourite, promoted == null ? "-" : promoted)));
            op(new StartNode(engine, primary));
            Instant settled = Instant.now();
            probe.awaitAck(a -> a.at().isAfter(settled), Duration.ofSeconds(10));
            probe.stop();
            return report(probe, probe.verify(DataConnections.nodes(engine), Duration.ofSeconds(30)), nssBefore, nssAfter, blocked,
                    kill, promoted);
        }
    }

    /** Seconds of the longest stretch without an acknowledged write between from and to. */
    static Double longestGap(List<WriteProbe.Ack> acks, Instant from, Instant to) {
        Instant last = from;
        long longest = 0;
        for (WriteProbe.Ack a : acks) {
            if (a.at().isBefore(from)) continue;
            if (a.at().isAfter(to)) break;
            longest = Math.max(longest, Duration.between(last, a.at()).toMillis());
            last = a.at();
        }
        return Math.round(longest / 10.0) / 100.0;
    }

    private OperationResult op(OperationRunner.Operation o) { return steps.op(o); }

    private void record(StepResult r) { steps.record(r); }

    private Report report(WriteProbe probe, ProbeVerification v, Integer nssBefore, Integer nssAfter, Double blocked,
                          OperationResult kill, String promoted) {
        long acked = v == null ? (probe == null ? 0 : probe.stats().acknowledged()) : v.acknowledged();
        long lost = v == null ? 0 : v.nodes().stream().mapToLong(ProbeVerification.NodeCheck::lost).max().orElse(0);
        long inDoubt = v == null ? 0 : v.inDoubt();
        boolean ok = v != null && steps.allOk() && lost == 0;
        Double failover = kill == null ? null : kill.figures().get("failoverSeconds");
        return new Report(profile.name(), steps.all(), ok, acked, lost, inDoubt, blocked, nssBefore, nssAfter, promoted, failover);
    }
}
