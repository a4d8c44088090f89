package io.failoverlab.ops;

import io.failoverlab.check.NodeRole;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.engine.MachinePower;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.StepIds;
import io.failoverlab.lab.StepResult;
import io.failoverlab.remote.Command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The monitor, pg_auto_failover's single point of failure, lost: `process` SIGKILLs its Postgres
 * (by the PID in postmaster.pid; its keeper starts it again), `vm` cuts its machine's power
 * (it stays off until start-monitor), `reboot` reboots its machine. While it is gone no failover
 * can happen; the result says what the nodes still do, read from their own Postgres.
 */
public final class KillMonitor extends BoundedOperation {
    public enum Mode { PROCESS, VM, REBOOT;
        public static Mode parse(String s) {
            for (Mode m : values()) if (m.name().equalsIgnoreCase(s)) return m;
            throw new LabException(Msg.of("op.killMonitor.unknownMode", s));
        }
    }

    private final Mode mode;

    public KillMonitor(LabEngine engine, Mode mode) {
        super(engine, DEFAULT_BOUND);
        this.mode = mode;
    }

    @Override
    public String name() { return StepIds.named(StepIds.KILL_MONITOR, mode.name().toLowerCase(Locale.ROOT)); }

    @Override
    public OperationResult run() throws Exception {
        InstanceSpec m = engine.spec().monitor;
        if (mode != Mode.PROCESS) {
            if (engine.machinePower().isEmpty()) {
                throw new LabException(Msg.of("op.kill.noMachine", engine.spec().provider,
                        Msg.of(mode == Mode.VM ? "op.kill.switchOff" : "op.kill.reboot"), mode.name().toLowerCase(Locale.ROOT)));
            }
            List<String> sharing = engine.spec().nodeNamesOn(m.host);
            if (!sharing.isEmpty()) throw new LabException(Msg.of("op.killMonitor.sharesHost", m.host, String.join(", ", sharing)));
        }
        NodesWithoutMonitor nodes = new NodesWithoutMonitor(engine);
        long t0 = System.nanoTime();
        Map<String, Double> f = new LinkedHashMap<>();
        Msg done;
        switch (mode) {
            case PROCESS -> {
                String pid = engine.shells().of(m).check(Command.asPostgres(FaultScripts.killPostmaster(engine.paths(m)))
                        .display("kill -9 <postmaster of the monitor>")).stdout().strip();
                Msg serving = serving(nodes.read());
                try (OpSession ignored = OpSession.whenReachable(engine, bound, Msg.of("wait.monitorAnswers"))) {
                    double back = StepResult.secondsSince(t0);
                    f.put("monitorDownSeconds", back);
                    done = Msg.of("op.killMonitor.process", pid, serving, back);
                }
            }
            case VM -> {
                power().powerOff(m.host);
                f.put("powerOffSeconds", StepResult.secondsSince(t0));
                done = Msg.of("op.killMonitor.vm", m.host, serving(nodes.read()), new Msg.Action("monitor-start", "start-monitor"),
                        new Msg.Action("monitor-replace", "replace-monitor"));
            }
            default -> {
                power().reboot(m.host);
                double up = StepResult.secondsSince(t0);
                f.put("machineBackSeconds", up);
                Msg serving = serving(nodes.read());
                try (OpSession ignored = OpSession.whenReachable(engine, bound, Msg.of("wait.monitorAnswers"))) {
                    double back = StepResult.secondsSince(t0);
                    f.put("monitorDownSeconds", back);
                    done = Msg.of("op.killMonitor.reboot", m.host, up, back, serving);
                }
            }
        }
        return OperationResult.ok(name(), StepResult.secondsSince(t0), done, f, null);
    }

    /** What the nodes do without their monitor: who still serves, and whether the primary streams to its standbys. */
    static Msg serving(List<NodeRole> roles) {
        List<String> answering = roles.stream().filter(NodeRole::answers).map(r -> r.node().name()).toList();
        NodeRole p = NodesWithoutMonitor.primary(roles).orElse(null);
        if (p == null) return Msg.of("op.killMonitor.noPrimary", NodesWithoutMonitor.summary(roles));
        return Msg.of(p.streamingTo().isEmpty() ? "op.killMonitor.servingNoStream" : "op.killMonitor.serving",
                String.join(", ", answering), p.node().name(), String.join(", ", p.streamingTo()));
    }

    private MachinePower power() {
        return engine.machinePower().orElseThrow();
    }
}
