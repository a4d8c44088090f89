package io.failoverlab.ops;

import io.failoverlab.check.NodeRole;
import io.failoverlab.check.ProbeVerification;
import io.failoverlab.check.WriteProbe;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.StepIds;
import io.failoverlab.lab.StepResult;
import io.failoverlab.pgaf.PgAutoCtl;
import io.failoverlab.pgaf.TimingProfile;
import io.failoverlab.remote.Command;
import io.failoverlab.remote.CommandResult;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces a lost monitor, in pg_auto_failover's order (docs/operations.rst "Replacing the monitor
 * online", tests/test_replace_monitor.py): the old monitor is fenced (its keeper stopped) and its
 * data deleted where its host still answers; every node disables the monitor (`pg_autoctl disable
 * monitor --force`, standbys first) while its keeper keeps running; a new monitor is created (same
 * host and port unless --host names another host of the lab), with the old one's timing profile;
 * then the primary enables it (`pg_autoctl enable monitor URI`, it registers as single) and each
 * standby after it (wait_standby → catchingup → secondary). A write probe runs throughout: no
 * acknowledged write may be lost. On a lab of machines the monitor can get a new machine instead
 * (--new-machine): the old one is deleted with its disk, as a dead VM would be, and a new one is
 * made in its place, booted and installed before any node lets go of the old monitor.
 */
public final class ReplaceMonitor extends BoundedOperation {
    private final String newHost;
    private final boolean newMachine;

    /** newHost: a host of the lab for the new monitor; null keeps the old monitor's host. */
    public ReplaceMonitor(LabEngine engine, String newHost) {
        this(engine, newHost, false);
    }

    /** newMachine: the monitor's machine is deleted and a new one made in its place (not with newHost). */
    public ReplaceMonitor(LabEngine engine, String newHost, boolean newMachine) {
        super(engine, DEFAULT_BOUND);
        if (newHost != null && engine.spec().host(newHost).isEmpty()) {
            throw new LabException(Msg.of("op.replace.unknownHost", newHost,
                    String.join(", ", engine.spec().hosts.stream().map(h -> h.id).toList())));
        }
        if (newMachine) {
            if (newHost != null) throw new LabException(Msg.of("op.replace.hostOrMachine"));
            if (engine.machinePower().isEmpty()) {
                throw new LabException(Msg.of("op.replace.noMachines", engine.spec().provider));
            }
            String host = engine.spec().monitor.host;
            List<String> sharing = engine.spec().nodeNamesOn(host);
            if (!sharing.isEmpty()) throw new LabException(Msg.of("op.replace.sharedMachine", host, String.join(", ", sharing)));
        }
        this.newHost = newHost;
        this.newMachine = newMachine;
    }

    @Override
    public String name() { return StepIds.REPLACE_MONITOR; }

    @Override
    public OperationResult run() throws Exception {
        InstanceSpec m = engine.spec().monitor;
        PgAutoCtl ctl = engine.pgautoctl(engine.spec().nodes.get(0));
        if (!ctl.canReplaceMonitor()) throw new LabException(Msg.of("op.replace.tooOld", ctl.version().major() + "." + ctl.version().minor()));
        NodesWithoutMonitor nodes = new NodesWithoutMonitor(engine);
        List<NodeRole> roles = nodes.read();
        NodeRole primary = NodesWithoutMonitor.primary(roles).orElseThrow(() -> new LabException(
                Msg.of("op.replace.noPrimary", NodesWithoutMonitor.summary(roles))));
        List<InstanceSpec> standbys = new ArrayList<>();
        for (NodeRole r : roles) {
            if (r.answers() && r.inRecovery()) standbys.add(engine.spec().node(r.node().name()).orElseThrow());
        }
        InstanceSpec first = engine.spec().node(primary.node().name()).orElseThrow();
        String oldHost = m.host;
        Map<String, Double> f = new LinkedHashMap<>();
        if (newMachine) {
            f.put("machineSeconds", newMachineFor(m.host));
        } else {
            readyForTheNewMonitor(newHost != null ? newHost : oldHost);
        }
        try (WriteProbe probe = nodes.probe(primary)) {
            probe.start();
            DataConnections.awaitFirstWrite(probe, Duration.ofSeconds(30));
            long t0 = System.nanoTime();
            TimingProfile profile = profileOf(nodes.monitorSettings(first));
            // a new machine has nothing of the old monitor to fence; its old machine is gone with its disk
            boolean oldDeleted = !newMachine && retire(m);
            // the new monitor's place; a host of its own gets the nodes' password lines for it
            if (newHost != null) m.host = newHost;
            List<InstanceSpec> order = new ArrayList<>(standbys);
            order.add(first);
            for (InstanceSpec n : order) {
                if (!engine.keeper(n.host).isRunning(engine.shells().of(n), engine.paths(n), engine.unitName(n))) engine.startKeeper(n);
                engine.shells().of(n).check(Command.asPostgres(ctl.disableMonitor(engine.paths(n).pgdata())).timeout(Duration.ofSeconds(60)));
            }
            StepResult created = engine.createMonitor();
            if (!created.ok()) {
                throw new LabException(created.msg() != null ? Msg.of("op.replace.createFailed", created.msg())
                        : Msg.of("op.replace.createFailed", created.message()));
            }
            engine.followNewMonitor();
            if (profile != TimingProfile.DEFAULT) TimingProfiles.apply(engine, profile).run();
            if (newMachine || !m.host.equals(oldHost)) {
                for (InstanceSpec n : order) {
                    engine.rewritePassFile(n);
                    engine.allowMonitorHealthChecks(n);
                }
            }
            String uri = engine.monitorUriForNodes();
            try (OpSession s = OpSession.whenReachable(engine, bound, Msg.of("wait.monitorAnswers"))) {
                enable(ctl, first, uri);
                s.await(Convergence.nodeIs(first.name, NodeState.SINGLE), bound, Msg.of("wait.single"));
                for (InstanceSpec n : standbys) enable(ctl, n, uri);
                Set<String> moved = new HashSet<>();
                for (InstanceSpec n : standbys) moved.add(n.name);
                Followed followed = s.follow(new Settling(moved).until(x -> x.converged() && x.nodes().size() == standbys.size() + 1),
                        bound, null);
                if (!followed.settled()) {
                    throw new LabException(Msg.of("op.convergence.timeout", bound.toSeconds(), Msg.of("wait.replacedConverged"),
                            followed.last().summary()));
                }
                ClusterSnapshot end = followed.last();
                double secs = StepResult.secondsSince(t0);
                double blocked = probe.stats().longestGap().toMillis() / 1000.0;
                probe.stop();
                ProbeVerification v = probe.verify(nodes.reachable(), Duration.ofSeconds(30));
                long lost = v.nodes().stream().mapToLong(ProbeVerification.NodeCheck::lost).max().orElse(0);
                f.put("replaceSeconds", secs);
                f.put("writesBlockedSeconds", blocked);
                f.put("acknowledgedWrites", (double) v.acknowledged());
                f.put("lostWrites", (double) lost);
                f.put("inDoubtWrites", (double) v.inDoubt());
                Msg where = newMachine ? Msg.of("op.replace.newMachine", m.host, m.port, f.get("machineSeconds"))
                        : Msg.of(m.host.equals(oldHost) ? "op.replace.sameHost" : "op.replace.newHost", m.host, m.port);
                Msg old = Msg.of(newMachine ? "op.replace.oldMachineDeleted" : oldDeleted ? "op.replace.oldDeleted" : "op.replace.oldUnreachable");
                Msg said = Msg.of("op.replace.done", where, old,
                        first.name, end.summary(), secs, v.acknowledged(), lost, profile.name());
                return OperationResult.of(name(), lost == 0, secs, lost == 0 ? said : Msg.of("op.replace.lost", lost, said), f, end);
            }
        }
    }

    /**
     * Deletes the monitor's machine and makes a new one in its place, with PostgreSQL and
     * pg_auto_failover installed, before any node lets go of the old monitor; returns its seconds.
     */
    private double newMachineFor(String host) throws Exception {
        long t = System.nanoTime();
        engine.machinePower().orElseThrow().replace(host);
        engine.forgetHost(host); // the old machine's shell, installation and keeper are gone with it
        engine.prepareHost(host);
        return StepResult.secondsSince(t);
    }

    /**
     * The new monitor's host answers and has pg_auto_failover, checked before any node lets go of
     * its monitor; a machine switched off (kill-monitor --mode vm) is powered on first.
     */
    private void readyForTheNewMonitor(String host) throws Exception {
        var power = engine.machinePower();
        if (power.isPresent() && !power.get().isOn(host)) power.get().powerOn(host);
        CommandResult r;
        try {
            r = engine.shells().host(host).run(Command.of("true").probe().timeout(Duration.ofSeconds(30)));
        } catch (IOException e) {
            throw new LabException(Msg.of("op.replace.hostSilent", host, e.getMessage()));
        }
        if (!r.ok()) throw new LabException(Msg.of("op.replace.hostSilent", host, r.lastErrorLine()));
        engine.installation(host); // refuses in a sentence where pg_auto_failover is not installed
    }

    /**
     * Fences the old monitor (stops its keeper, so it cannot come back during the move) and
     * deletes its data, as test_replace_monitor's monitor.destroy(); false when its host does not answer.
     */
    private boolean retire(InstanceSpec m) {
        try {
            engine.destroyInstance(m);
            return true;
        } catch (Exception unreachable) {
            // a powered-off or destroyed machine: nothing to fence or delete there
            return false;
        }
    }

    /** The timing profile the old monitor ran with (fast stays fast on the new one). */
    private static TimingProfile profileOf(Map<String, String> settings) {
        return "fast".equals(TimingProfile.recognise(settings)) ? TimingProfile.FAST : TimingProfile.DEFAULT;
    }

    private void enable(PgAutoCtl ctl, InstanceSpec n, String uri) throws Exception {
        engine.shells().of(n).check(Command.asPostgres(ctl.enableMonitor(engine.paths(n).pgdata(), uri)).timeout(Duration.ofSeconds(120)));
    }
}
