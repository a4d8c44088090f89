package io.failoverlab.ops;

import io.failoverlab.check.NodeRole;
import io.failoverlab.check.ProbeStats;
import io.failoverlab.check.WriteProbe;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.engine.MachinePower;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.MonitorCheckpoint;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.StepResult;
import io.failoverlab.pgaf.SystemdKeeper;
import io.failoverlab.remote.Command;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A fault on a data node while the monitor is down (stopped, killed, its machine off): the
 * operation that would read the monitor first (kill-primary, stop-node) runs as it normally does
 * when the monitor answers; when it does not, this one reads the nodes' own Postgres instead,
 * injects the same fault and shows what pg_auto_failover does without its monitor: nothing fails
 * over, and a primary whose synchronous standby is gone makes commits wait (no monitor moves it to
 * wait_primary). A write probe measures either.
 */
public final class FaultWithoutMonitor implements OperationRunner.Operation {
    /** What is done to the node. */
    public enum Fault { KILL_NODE, KILL_POSTGRES, POWER_OFF, REBOOT, STOP_KEEPER, PARTITION }

    /** Writes "go on" when one was acknowledged this recently at the end of the watch. */
    private static final Duration WRITES_GO_ON = Duration.ofSeconds(5);

    private final LabEngine engine;
    private final OperationRunner.Operation withMonitor;
    private final Fault fault;
    /** The node to stop or cut off (stop-node, partition); null: the primary, found on the nodes. */
    private final String nodeName;
    /** Whom a partition cuts the node off from. */
    private final Partition.From from;

    private FaultWithoutMonitor(LabEngine engine, OperationRunner.Operation withMonitor, Fault fault, String nodeName, Partition.From from) {
        this.engine = engine;
        this.withMonitor = withMonitor;
        this.fault = fault;
        this.nodeName = nodeName;
        this.from = from;
    }

    private FaultWithoutMonitor(LabEngine engine, OperationRunner.Operation withMonitor, Fault fault, String nodeName) {
        this(engine, withMonitor, fault, nodeName, null);
    }

    /** kill-primary: the usual operation while the monitor answers, the nodes' own view when it does not. */
    public static OperationRunner.Operation killPrimary(LabEngine engine, KillPrimary.Mode mode) {
        KillPrimary usual = new KillPrimary(engine, mode);
        return switch (mode) {
            case NODE -> new FaultWithoutMonitor(engine, usual, Fault.KILL_NODE, null);
            case POSTGRES -> new FaultWithoutMonitor(engine, usual, Fault.KILL_POSTGRES, null);
            case VM -> new FaultWithoutMonitor(engine, usual, Fault.POWER_OFF, null);
            case REBOOT -> new FaultWithoutMonitor(engine, usual, Fault.REBOOT, null);
            case NETWORK -> new FaultWithoutMonitor(engine, usual, Fault.PARTITION, null, Partition.From.ALL);
        };
    }

    /** partition NODE --from …, likewise: the node's own packet filter cuts it off, and the nodes are watched. */
    public static OperationRunner.Operation partition(LabEngine engine, String node, Partition.From from) {
        return new FaultWithoutMonitor(engine, new Partition(engine, node, from), Fault.PARTITION, node, from);
    }

    /** stop-node NAME, likewise. */
    public static OperationRunner.Operation stopNode(LabEngine engine, String name) {
        return new FaultWithoutMonitor(engine, new StopNode(engine, name), Fault.STOP_KEEPER, name);
    }

    @Override
    public String name() { return withMonitor.name(); }

    @Override
    public OperationResult run() throws Exception {
        // what cannot be cut is refused before the monitor is asked (the monitor itself, a lab on one host)
        if (fault == Fault.PARTITION) {
            if (nodeName != null) PartitionPeers.node(engine.spec(), nodeName);
            else PartitionPeers.requireSeveralHosts(engine.spec());
        }
        if (engine.status().monitorReachable()) return withMonitor.run();
        if ((fault == Fault.POWER_OFF || fault == Fault.REBOOT) && engine.machinePower().isEmpty()) {
            throw new LabException(Msg.of("op.kill.noMachine", engine.spec().provider,
                    Msg.of(fault == Fault.POWER_OFF ? "op.kill.switchOff" : "op.kill.reboot"), fault == Fault.POWER_OFF ? "vm" : "reboot"));
        }
        NodesWithoutMonitor nodes = new NodesWithoutMonitor(engine);
        List<NodeRole> before = nodes.read();
        NodeRole primary = NodesWithoutMonitor.primary(before).orElseThrow(() -> new LabException(
                Msg.of("op.down.noPrimary", NodesWithoutMonitor.summary(before))));
        InstanceSpec target = nodeName == null ? engine.spec().node(primary.node().name()).orElseThrow()
                : fault == Fault.PARTITION ? PartitionPeers.node(engine.spec(), nodeName) : LabNodes.require(engine.spec(), nodeName);
        boolean targetIsPrimary = target.name.equals(primary.node().name());
        double expected = nodes.expectedFailoverSeconds(engine.spec().node(primary.node().name()).orElseThrow());
        Duration observe = Duration.ofMillis((long) (Math.min(75, Math.max(15, expected + 5)) * 1000));
        try (WriteProbe probe = nodes.probe(primary)) {
            probe.start();
            DataConnections.awaitFirstWrite(probe, Duration.ofSeconds(30));
            long t0 = System.nanoTime();
            inject(target);
            Instant faultAt = Instant.now(); // writes acknowledged while the fault was being made do not count as after it
            double[] promotedAt = {-1};
            double[] fencedAt = {-1};
            List<NodeRole> after = nodes.watch(r -> promoted(r, primary).isPresent(), observe, r -> {
                if (promotedAt[0] < 0 && promoted(r, primary).isPresent()) promotedAt[0] = StepResult.secondsSince(t0);
                // the primary stops its own Postgres: a standby gone (stop-node) or the primary itself cut off (partition)
                if (fencedAt[0] < 0 && (!targetIsPrimary || fault == Fault.PARTITION) && silent(r, primary)) {
                    fencedAt[0] = StepResult.secondsSince(t0);
                }
                engine.listener().stepProgress(name(), Math.min(1, StepResult.secondsSince(t0) / observe.toSeconds()),
                        Msg.of("op.down.progress", target.name, Math.round(StepResult.secondsSince(t0)), observe.toSeconds()));
            });
            double watched = StepResult.secondsSince(t0);
            ProbeStats st = probe.stats(); // while running: the longest gap includes the one still open
            boolean goingOn = st.currentGap().toMillis() < WRITES_GO_ON.toMillis();
            probe.stop();
            long ackedAfter = probe.acknowledged().stream().filter(a -> a.at().isAfter(faultAt)).count();
            Map<String, Double> f = new LinkedHashMap<>();
            f.put(MonitorCheckpoint.MONITOR_DOWN_FIGURE, 1.0); // the checkpoint "fault with the monitor down" (window, report)
            f.put("observedSeconds", watched);
            f.put("expectedFailoverSeconds", expected);
            f.put("failedOver", promotedAt[0] >= 0 ? 1.0 : 0.0);
            f.put("acknowledgedWrites", (double) st.acknowledged());
            f.put("acknowledgedAfterFault", (double) ackedAfter);
            f.put("writesBlockedSeconds", st.longestGap().toMillis() / 1000.0);
            if (fencedAt[0] >= 0) f.put("primaryStoppedSeconds", fencedAt[0]);
            Msg said = said(target, targetIsPrimary, primary, after, watched, expected, goingOn ? ackedAfter : 0,
                    st.longestGap().toMillis() / 1000.0, promotedAt[0]);
            // with neither monitor nor standby, the primary's keeper takes itself for cut off and stops its Postgres
            if (fencedAt[0] >= 0) said = Msg.of("op.down.primaryFenced", said, primary.node().name(), fencedAt[0]);
            return OperationResult.ok(name(), watched, said, f, null);
        }
    }

    private Msg said(InstanceSpec target, boolean targetIsPrimary, NodeRole primary, List<NodeRole> after, double watched,
                     double expected, long ackedAfter, double blocked, double promotedAt) {
        Msg.Action start = new Msg.Action("monitor-start", "start-monitor");
        Msg back = fault == Fault.PARTITION ? Msg.of("op.down.startThenHeal", start, new Msg.Action("node-heal", "heal"))
                : Msg.of("op.down.startMonitor", start);
        String roles = NodesWithoutMonitor.summary(after);
        if (promotedAt >= 0) return Msg.of("op.down.promoted", target.name, promotedAt, roles);
        Msg writes = ackedAfter > 0 ? Msg.of("op.down.writesWentOn", ackedAfter, blocked)
                : Msg.of("op.down.writesStopped", blocked);
        if (targetIsPrimary) {
            return Msg.of("op.down.primaryLost", how(target), target.name, watched, expected, roles, writes, back);
        }
        Msg sync = primary.syncStandbyNames().isBlank() ? Msg.of("op.down.async", primary.node().name())
                : Msg.of(ackedAfter > 0 ? "op.down.syncOther" : "op.down.syncWaits", primary.node().name(), primary.syncStandbyNames());
        return Msg.of("op.down.standbyLost", how(target), target.name, watched, sync, writes, roles, back);
    }

    /** What was done, in words: "killed (keeper and Postgres)", "powered off", … */
    private Msg how(InstanceSpec target) {
        return Msg.of("op.down.how." + fault.name().toLowerCase(Locale.ROOT), target.host);
    }

    private static boolean silent(List<NodeRole> roles, NodeRole node) {
        return roles.stream().anyMatch(r -> r.node().name().equals(node.node().name()) && !r.answers());
    }

    /** A node other than the primary before the fault that answers writes: a promotion (which no keeper makes by itself). */
    private static Optional<NodeRole> promoted(List<NodeRole> roles, NodeRole primaryBefore) {
        return roles.stream().filter(r -> r.writable() && !r.node().name().equals(primaryBefore.node().name())).findFirst();
    }

    private void inject(InstanceSpec target) throws Exception {
        switch (fault) {
            case POWER_OFF -> power().powerOff(target.host);
            case REBOOT -> power().reboot(target.host);
            case STOP_KEEPER -> engine.stopKeeper(target);
            case PARTITION -> PartitionFilter.apply(engine.shells().of(target), PartitionPeers.addresses(engine.spec(), target, from, null),
                    engine.spec().hostOf(target).sshPort, "failover-lab " + target.name + " from " + from.id());
            case KILL_POSTGRES -> engine.shells().of(target).check(Command.asPostgres(FaultScripts.killPostmaster(engine.paths(target)))
                    .display("kill -9 <postmaster of " + target.name + ">"));
            case KILL_NODE -> {
                // systemctl stop, not kill: Restart=always would bring a killed keeper straight back
                if (engine.keeper(target.host) instanceof SystemdKeeper) engine.stopKeeper(target);
                else engine.shells().of(target).check(Command.asPostgres(FaultScripts.killNodeDetached(engine.paths(target)))
                        .timeout(Duration.ofSeconds(30)));
            }
        }
    }

    private MachinePower power() {
        return engine.machinePower().orElseThrow();
    }
}
