package io.failoverlab.ops;

import io.failoverlab.check.ConnectionSettings;
import io.failoverlab.check.PgNode;
import io.failoverlab.check.WriteProbe;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.NodeStatus;
import io.failoverlab.lab.StepIds;
import io.failoverlab.lab.StepResult;
import io.failoverlab.pgaf.InstancePaths;
import io.failoverlab.pgaf.SystemdKeeper;
import io.failoverlab.pgaf.TimingProfile;
import io.failoverlab.remote.Command;
import io.failoverlab.remote.CommandResult;
import io.failoverlab.remote.Shell;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Fault injection on the primary. `postgres` kills the postmaster only (the keeper restarts
 * it, normally no failover — what confused the original lab); `node` kills keeper and
 * Postgres together (a real failover follows, measured); `vm` switches the primary's machine off
 * (a power cut on machines on this computer, `instances stop` on GCE); `reboot` reboots it cleanly;
 * `network` cuts the primary off from the monitor and the other nodes (Partition ... --from all).
 */
public final class KillPrimary implements OperationRunner.Operation {
    public enum Mode { POSTGRES, NODE, VM, REBOOT, NETWORK;
        public static Mode parse(String s) {
            for (Mode m : values()) if (m.name().equalsIgnoreCase(s)) return m;
            throw new LabException(Msg.of("op.kill.unknownMode", s));
        }
    }

    private final LabEngine engine;
    private final Mode mode;
    private final Duration observe;
    private final WriteProbe sharedProbe;

    public KillPrimary(LabEngine engine, Mode mode) {
        this(engine, mode, Duration.ofSeconds(20), null);
    }

    /** sharedProbe: a write probe already running (the scenario's); null to use one of its own. */
    public KillPrimary(LabEngine engine, Mode mode, Duration observeAfterPostgresKill, WriteProbe sharedProbe) {
        this.engine = engine;
        this.mode = mode;
        this.observe = observeAfterPostgresKill;
        this.sharedProbe = sharedProbe;
    }

    @Override
    public String name() { return StepIds.named(StepIds.KILL_PRIMARY, mode.name().toLowerCase(Locale.ROOT)); }

    @Override
    public OperationResult run() throws Exception {
        if ((mode == Mode.VM || mode == Mode.REBOOT) && engine.machinePower().isEmpty()) {
            throw new LabException(Msg.of("op.kill.noMachine", engine.spec().provider,
                    Msg.of(mode == Mode.VM ? "op.kill.switchOff" : "op.kill.reboot"), mode.name().toLowerCase(Locale.ROOT)));
        }
        if (mode == Mode.NETWORK) {
            String primary = engine.status().writableNode().map(NodeStatus::name).orElseThrow(() -> new LabException(
                    Msg.of("op.kill.noPrimaryToCut", engine.status().summary())));
            return new Partition(engine, primary, Partition.From.ALL, null, name()).run();
        }
        try (OpSession s = new OpSession(engine)) {
            ClusterSnapshot before = s.snapshot();
            NodeStatus primary = before.writableNode().orElseThrow(() -> new LabException(
                    Msg.of("op.kill.noPrimary", before.summary())));
            InstanceSpec inst = engine.spec().node(primary.name()).orElseThrow(() -> new LabException(
                    Msg.of("op.kill.notInProfile", primary.name())));
            if ((mode == Mode.VM || mode == Mode.REBOOT) && engine.spec().hostOf(inst).id.equals(engine.spec().monitor.host)) {
                throw new LabException(Msg.of("op.kill.sharesMonitor", inst.name));
            }
            if (mode == Mode.POSTGRES) return killPostgres(s, inst);
            if (mode == Mode.REBOOT) return new RebootPrimary(engine, power()).run(s, inst);
            return killNode(s, before, inst);
        }
    }

    private OperationResult killPostgres(OpSession s, InstanceSpec inst) throws Exception {
        Shell sh = engine.shells().of(inst);
        InstancePaths p = engine.paths(inst);
        long t0 = System.nanoTime();
        CommandResult r = sh.check(Command.asPostgres(FaultScripts.killPostmaster(p)).display("kill -9 <postmaster of " + inst.name + ">"));
        String oldPid = r.stdout().strip();
        PostmasterRestart restart = new PostmasterRestart(sh, p, inst.name, oldPid, t0);
        // the keeper restarts Postgres; the monitor fails over only if it heard "not running" first
        Followed end = s.follow(new Settling(Set.of(inst.name)).until(x -> restart.seen()
                || x.writableNode().filter(n -> !n.name().equals(inst.name)).isPresent()), observe, restart);
        Map<String, Double> f = new LinkedHashMap<>();
        if (restart.seen()) f.put("postgresRestartSeconds", restart.at());
        f.put("settledSeconds", end.seconds());
        boolean failedOver = end.last().writableNode().filter(n -> !n.name().equals(inst.name)).isPresent();
        if (failedOver) {
            return OperationResult.ok(name(), StepResult.secondsSince(t0), Msg.of("op.killPostgres.failedOver", oldPid, inst.name), f, end.last());
        }
        Msg.Action realFailover = new Msg.Action("kill-node", "kill-primary --mode node");
        return OperationResult.ok(name(), StepResult.secondsSince(t0), restart.seen()
                ? Msg.of("op.killPostgres.restarted", oldPid, inst.name, restart.at(), realFailover)
                : Msg.of("op.killPostgres.notRestarted", oldPid, inst.name, realFailover), f, end.last());
    }

    private OperationResult killNode(OpSession s, ClusterSnapshot before, InstanceSpec inst) throws Exception {
        Map<String, String> timings = TimingProfiles.current(engine);
        double expected = TimingProfile.expectedFailoverSeconds(timings);
        Duration bound = Duration.ofSeconds((long) Math.max(120, expected * 3));
        Expectation e = MonitorRules.primaryLost(before, inst.name);
        WriteProbe own = sharedProbe == null ? probe(before, inst) : null;
        WriteProbe probe = sharedProbe == null ? own : sharedProbe;
        try {
            if (own != null) own.start();
            DataConnections.awaitFirstWrite(probe, Duration.ofSeconds(30));
            long t0 = System.nanoTime();
            Instant killAt = Instant.now();
            // the port the app's probe reaches the killed node at (a tunnel's local port on an SSH host)
            int killedPort = engine.dataNode(inst).port();
            inject(inst);
            engine.listener().stepProgress(name(), 0, Msg.of("op.kill.progressDown", inst.name, Math.round(expected),
                    TimingProfile.recognise(timings)));
            FirstSeen writer = FirstSeen.writerOtherThan(inst.name, t0);
            Consumer<ClusterSnapshot> progress = x -> {
                double elapsed = StepResult.secondsSince(t0);
                engine.listener().stepProgress(name(), Math.min(1, elapsed / expected), Msg.of("op.kill.progressWait",
                        Math.round(Math.max(0, expected - elapsed)), Math.round(elapsed)));
            };
            Followed end = s.follow(Settling.afterLoss(Set.of(inst.name)), bound, writer.andThen(progress));
            Map<String, Double> f = new LinkedHashMap<>();
            f.put("expectedFailoverSeconds", expected);
            if (writer.at() < 0) {
                // no node took over: right when pg_auto_failover's rules allow none (no candidate)
                if (own != null) own.stop();
                return Verdict.of(name(), Msg.of("op.kill.noTakeoverAsRules", inst.name, end.seconds()), e, end, bound, f, t0);
            }
            // the last ack may still be the old primary's, just after the kill: wait for one from another server
            Optional<WriteProbe.Ack> first = probe.awaitAck(elsewhereAfter(killAt, killedPort), Duration.ofSeconds(30));
            if (first.isEmpty()) {
                throw new LabException(Msg.of("op.kill.noTakeover", bound.toSeconds(), inst.name, s.snapshot().summary()));
            }
            double firstWriteAt = secondsBetween(killAt, first.get());
            if (own != null) own.stop();
            f.put("writableInMonitorSeconds", writer.at());
            f.put("failoverSeconds", firstWriteAt);
            f.put("writeDowntimeSeconds", probe.stats().longestGap().toMillis() / 1000.0);
            ClusterSnapshot after = end.last();
            String newPrimary = after.writableNode().map(NodeStatus::name).orElse("?");
            Msg done = howKilled(inst).with(inst.name, newPrimary, firstWriteAt, expected, new Msg.Action("node-start", "start-node " + inst.name));
            return Verdict.of(name(), done, e, end, bound, f, t0);
        } finally {
            if (own != null) own.close();
        }
    }

    /** What was done to the primary: the way differs by host (systemd unit, detached process, machine, VM). */
    private KillWording howKilled(InstanceSpec inst) throws java.io.IOException {
        if (mode == Mode.VM) return new KillWording("machines".equals(power().kind()) ? "op.killNode.powerCut" : "op.killNode.vmStopped", inst.host);
        if (engine.keeper(inst.host) instanceof SystemdKeeper) return new KillWording("op.killNode.systemd", engine.unitName(inst));
        return new KillWording("op.killNode.done", null);
    }

    /** The result's key, and the one argument its wording adds after the shared five (host or unit). */
    private record KillWording(String key, String extra) {
        Msg with(Object... shared) {
            Object[] a = java.util.Arrays.copyOf(shared, shared.length + 1);
            a[shared.length] = extra == null ? "" : extra;
            return Msg.of(key, a);
        }
    }

    /** The lab's power switch (machines on this computer, GCE), checked in run() to be there. */
    private io.failoverlab.engine.MachinePower power() {
        return engine.machinePower().orElseThrow();
    }

    private void inject(InstanceSpec inst) throws Exception {
        if (mode == Mode.VM) {
            power().powerOff(inst.host);
            return;
        }
        Shell sh = engine.shells().of(inst);
        if (engine.keeper(inst.host) instanceof SystemdKeeper) {
            // systemctl stop, not kill: Restart=always would bring a killed keeper straight back
            engine.stopKeeper(inst);
        } else {
            sh.check(Command.asPostgres(FaultScripts.killNodeDetached(engine.paths(inst))).timeout(Duration.ofSeconds(30)));
        }
    }

    private WriteProbe probe(ClusterSnapshot before, InstanceSpec primary) throws java.io.IOException {
        List<PgNode> nodes = new java.util.ArrayList<>();
        nodes.add(engine.dataNode(primary));
        for (InstanceSpec n : engine.spec().nodes) {
            if (n != primary) nodes.add(engine.dataNode(n));
        }
        return new WriteProbe(nodes, DataConnections.settings(engine.spec()));
    }

    /** Seconds from the fault to the first commit acknowledged after it by another server than the killed one. */
    static double firstAckAfter(WriteProbe probe, Instant killAt, int killedPort) {
        return probe.acknowledged().stream().filter(elsewhereAfter(killAt, killedPort)).findFirst()
                .map(a -> secondsBetween(killAt, a)).orElse(-1.0);
    }

    /** A commit acknowledged after the fault by another server than the killed one (a tunnel's local port on an SSH host). */
    private static Predicate<WriteProbe.Ack> elsewhereAfter(Instant killAt, int killedPort) {
        return a -> a.at().isAfter(killAt) && a.server() != null && !a.server().endsWith(":" + killedPort);
    }

    /** Seconds from the fault to an acknowledgement, to the hundredth. */
    private static double secondsBetween(Instant killAt, WriteProbe.Ack a) {
        return Math.round(Duration.between(killAt, a.at()).toMillis() / 10.0) / 100.0;
    }
}
