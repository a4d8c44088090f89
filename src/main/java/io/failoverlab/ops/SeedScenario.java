package io.failoverlab.ops;

import io.failoverlab.check.NodeDataResult;
import io.failoverlab.check.ProbeVerification;
import io.failoverlab.check.WriteProbe;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.install.Installation;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.NodeStatus;
import io.failoverlab.lab.StepIds;
import io.failoverlab.lab.StepResult;
import io.failoverlab.pgaf.TimingProfile;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The original exercise end to end, measured, with a write probe running through every role
 * change: up, timing profile, ha_test, switchover, data after switchover, kill postgres (no
 * failover), kill the primary node (failover), bring it back (rejoin), then verify that no
 * acknowledged write was lost on any node. On a lab with one machine per role also: cut the
 * primary off from everything, heal (the partition figures).
 */
public final class SeedScenario {
    /** Everything `scenario seed --json` writes. */
    public record Report(String profile, String pgAutoFailoverVersion, String postgresVersion, Double timeToClusterSeconds,
                         Double switchoverSeconds, Double switchoverWritableSeconds, Double failoverSeconds, Double expectedFailoverSeconds,
                         Double writeDowntimeSeconds, long acknowledgedWrites, long lostWrites, long inDoubtWrites,
                         Map<String, Long> rowsOnEachNode, String keeperService, Double vmFailoverSeconds, Double vmRejoinSeconds,
                         List<StepResult> steps, boolean ok,
                         Double partitionFailoverSeconds, Double selfDemoteSeconds, Long acknowledgedOnOldPrimaryAfterPromotion,
                         Double healRejoinSeconds) { }

    private final LabEngine engine;
    private final TimingProfile profile;
    private final ScenarioSteps steps;
    private Double vmFailover;
    private Double vmRejoin;
    // the partition steps' figures (multi-host labs only), null when not run
    private Double partitionFailover;
    private Double selfDemote;
    private Long splitBrain;
    private Double healRejoin;
    private long partitionLost;

    public SeedScenario(LabEngine engine, TimingProfile profile) {
        this.engine = engine;
        this.profile = profile;
        this.steps = new ScenarioSteps(engine);
    }

    public Report run() {
        Double timeToCluster = null;
        Double switchover = null;
        Double switchoverWritable = null;
        Double failover = null;
        Double expected = null;
        long acked = 0;
        long lost = 0;
        long inDoubt = 0;
        Double downtime = null;
        Map<String, Long> rows = new LinkedHashMap<>();
        try {
            List<StepResult> up = engine.up();
            double upSeconds = Math.round(up.stream().mapToDouble(StepResult::seconds).sum() * 100) / 100.0;
            StepResult last = up.get(up.size() - 1);
            if (last.ok()) record(StepIds.UP, true, upSeconds, Msg.of("scenario.clusterReady"));
            else record(StepIds.UP, false, upSeconds, last.message());
            if (!last.ok()) return report(null, null, null, null, null, null, 0, 0, 0, rows);
            timeToCluster = upSeconds;

            if (!op(TimingProfiles.apply(engine, profile)).ok()) return report(timeToCluster, null, null, null, null, null, 0, 0, 0, rows);
            expected = TimingProfile.expectedFailoverSeconds(TimingProfiles.current(engine));
            if (!op(new DataCheckOp(engine, 1_000_000, true, 10)).ok()) return report(timeToCluster, null, null, null, expected, null, 0, 0, 0, rows);

            try (WriteProbe probe = new WriteProbe(DataConnections.nodes(engine), DataConnections.settings(engine.spec()))) {
                probe.start();
                // the 1M-row ha_test is still replaying on a busy standby: a missed health check then
                // sends the primary to wait_primary (asynchronous) mid-switchover, and what it
                // acknowledges there is rewound away. Switch over only from a healthy, quiet cluster.
                awaitHealthy(Duration.ofSeconds(3));
                OperationResult sw = op(new Switchover(engine));
                if (sw.ok()) {
                    switchover = sw.figures().get("switchoverSeconds");
                    switchoverWritable = sw.figures().get("writableSeconds");
                }
                DataCheckOp afterSwitch = new DataCheckOp(engine, 0, false, 1000);
                op(afterSwitch);
                op(new KillPrimary(engine, KillPrimary.Mode.POSTGRES, Duration.ofSeconds(15), probe));
                // after the postgres kill the cluster must be settled again before the node kill
                awaitStable(Msg.of("wait.settledAfterKill"));
                OperationResult kill = op(new KillPrimary(engine, KillPrimary.Mode.NODE, Duration.ofSeconds(15), probe));
                if (kill.ok()) failover = kill.figures().get("failoverSeconds");
                long t0 = System.nanoTime();
                List<StepResult> back = engine.up();
                StepResult b = back.get(back.size() - 1);
                if (b.ok()) record(StepIds.REJOIN_KILLED_NODE, true, StepResult.secondsSince(t0), Msg.of("scenario.rejoined"));
                else record(StepIds.REJOIN_KILLED_NODE, false, StepResult.secondsSince(t0), b.message());
                powerCycleThePrimary(probe);
                if (PartitionPeers.perRole(engine.spec())) partitionAndHeal();
                // the original lab's last step: drop a node (the other becomes single), then re-add it
                String secondary = engine.status().nodes().stream().filter(n -> !n.reportedState().writable())
                        .map(NodeStatus::name).findFirst().orElse(null);
                if (secondary != null && op(new DropNode(engine, secondary)).ok()) {
                    op(new AddNode(engine, secondary));
                }
                // one more acknowledged write on the settled cluster before the count
                Instant settledAt = Instant.now();
                probe.awaitAck(a -> a.at().isAfter(settledAt), Duration.ofSeconds(10));
                probe.stop();
                downtime = probe.stats().longestGap().toMillis() / 1000.0;
                long tv = System.nanoTime();
                ProbeVerification v = probe.verify(DataConnections.nodes(engine), Duration.ofSeconds(30));
                acked = v.acknowledged();
                inDoubt = v.inDoubt();
                lost = v.nodes().stream().mapToLong(ProbeVerification.NodeCheck::lost).max().orElse(0);
                boolean allReached = v.nodes().stream().allMatch(ProbeVerification.NodeCheck::reachable);
                record(StepIds.VERIFY_WRITES, v.noneLost() && allReached, StepResult.secondsSince(tv),
                        Msg.of("scenario.verified", acked, lost, inDoubt, v.nodes().size()));
            }
            DataCheckOp fin = new DataCheckOp(engine, 0, false, 0);
            op(fin);
            if (fin.result() != null) {
                for (NodeDataResult n : fin.result().nodes()) rows.put(n.node().name(), n.rowCount() == null ? -1L : n.rowCount());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            record(StepIds.SCENARIO, false, 0, "interrupted");
        } catch (Exception e) {
            record(StepIds.SCENARIO, false, 0, e.getMessage());
        } finally {
            steps.close();
        }
        return report(timeToCluster, switchover, switchoverWritable, failover, expected, downtime, acked, lost, inDoubt, rows);
    }

    /**
     * On a lab whose machines can be switched off: the original lab's conclusion, done. The primary's
     * machine loses power (a write succeeds on the new primary after vmFailoverSeconds), then it is
     * powered on and rejoins as a secondary (vmRejoinSeconds).
     */
    private void powerCycleThePrimary(WriteProbe probe) throws Exception {
        if (engine.machinePower().isEmpty()) return;
        String primary = engine.status().writableNode().map(NodeStatus::name).orElse(null);
        if (primary == null) return;
        OperationResult off = op(new KillPrimary(engine, KillPrimary.Mode.VM, Duration.ofSeconds(15), probe), "power off the primary machine");
        if (!off.ok()) return;
        vmFailover = off.figures().get("failoverSeconds");
        OperationResult on = op(new StartNode(engine, primary, Duration.ofSeconds(180)), "power it on");
        if (on.ok()) vmRejoin = on.figures().get("convergedSeconds");
    }

    /** Cuts the primary off from everything with a partition probe of its own, heals, verifies. */
    private void partitionAndHeal() throws Exception {
        awaitStable(Msg.of("wait.settledBeforePartition"));
        String primary = engine.status().stablePrimary().map(NodeStatus::name).orElse(null);
        if (primary == null) return;
        io.failoverlab.lab.InstanceSpec inst = engine.spec().node(primary).orElseThrow();
        try (PartitionProbe pp = new PartitionProbe(Partition.others(engine, inst), engine.dataNode(inst),
                DataConnections.settings(engine.spec())).start()) {
            OperationResult cut = op(new Partition(engine, primary, Partition.From.ALL, pp, "partition the primary"));
            partitionFailover = cut.figures().get("partitionFailoverSeconds");
            selfDemote = cut.figures().get("selfDemoteSeconds");
            splitBrain = pp.acknowledgedOnOldPrimaryAfterPromotion();
            OperationResult heal = op(new Heal(engine, primary, pp));
            healRejoin = heal.figures().get("healRejoinSeconds");
            Double l = heal.figures().get("lostWrites");
            partitionLost = l == null ? 0 : l.longValue();
        }
    }

    /** Settled with one primary, the others secondary and every node healthy, for a quiet spell. */
    private void awaitHealthy(Duration quiet) throws Exception {
        Predicate<ClusterSnapshot> ok = x -> x.converged() && x.nodes().size() == engine.spec().nodes.size()
                && x.nodes().stream().allMatch(n -> n.health() == NodeStatus.Health.GOOD);
        try (OpSession s = new OpSession(engine)) {
            if (!s.follow(new Settling(Set.of(), Set.of(), quiet).until(ok), Duration.ofSeconds(120), null).settled()) {
                throw new LabException(Msg.of("op.seed.notHealthy"));
            }
        }
    }

    private void awaitStable(Msg what) throws Exception {
        try (OpSession s = new OpSession(engine)) {
            Followed end = s.follow(new Settling(Set.of()).until(ClusterSnapshot::converged), Duration.ofSeconds(120), null);
            if (!end.settled()) throw new LabException(Msg.of("op.convergence.timeout", 120, what, end.last().summary()));
        }
    }

    private OperationResult op(OperationRunner.Operation o) { return steps.op(o); }

    private OperationResult op(OperationRunner.Operation o, String stepName) { return steps.op(o, stepName); }

    private void record(String name, boolean ok, double seconds, String message) {
        record(new StepResult(name, ok, seconds, message));
    }

    /** A scenario step whose sentence is data (the report renders it in its language). */
    private void record(String name, boolean ok, double seconds, Msg msg) {
        record(new StepResult(name, ok, seconds, msg.english(), msg));
    }

    private void record(StepResult r) { steps.record(r); }

    private Report report(Double toCluster, Double sw, Double swWritable, Double fo, Double expected, Double downtime,
                          long acked, long lost, long inDoubt, Map<String, Long> rows) {
        String pgaf = null;
        String pg = null;
        try {
            Installation in = engine.installation(engine.spec().monitor.host);
            pgaf = String.valueOf(in.version());
            pg = in.postgresVersion();
        } catch (Exception e) {
            // reported as null: the scenario failed before anything was installed
        }
        long allLost = Math.max(lost, partitionLost);
        boolean ok = steps.allOk() && allLost == 0 && (splitBrain == null || splitBrain == 0);
        String keeper = null;
        try {
            keeper = engine.keeper(engine.spec().monitor.host).kind();
        } catch (Exception e) {
            // reported as null: the monitor's host could not be reached
        }
        return new Report(profile.name(), pgaf, pg, toCluster, sw, swWritable, fo, expected, downtime, acked, allLost, inDoubt, rows,
                keeper, vmFailover, vmRejoin, steps.all(), ok, partitionFailover, selfDemote, splitBrain, healRejoin);
    }
}
