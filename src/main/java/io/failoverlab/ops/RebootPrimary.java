package io.failoverlab.ops;

import io.failoverlab.lab.Msg;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.engine.MachinePower;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.NodeStatus;
import io.failoverlab.lab.StepResult;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * `kill-primary --mode reboot`: a clean reboot of the primary's machine through systemd. Its keeper
 * is an enabled unit, so it comes back by itself; whether the monitor fails over first depends on
 * whether the machine is back before the monitor's timeouts run out. Both outcomes are measured.
 */
final class RebootPrimary {
    private final LabEngine engine;
    private final MachinePower power;

    RebootPrimary(LabEngine engine, MachinePower power) {
        this.engine = engine;
        this.power = power;
    }

    OperationResult run(OpSession s, InstanceSpec inst) throws Exception {
        ClusterSnapshot before = s.snapshot();
        long t0 = System.nanoTime();
        StateTrail trail = new StateTrail(inst.name, t0, before.node(inst.name).map(NodeStatus::reportedState).orElse(null));
        CompletableFuture<Double> back = CompletableFuture.supplyAsync(() -> {
            try {
                power.reboot(inst.host);
                return StepResult.secondsSince(t0);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        Double failoverAt = null;
        while (!back.isDone()) {
            ClusterSnapshot snap = s.snapshot();
            trail.accept(snap);
            if (failoverAt == null && snap.nodes().stream().anyMatch(n -> !n.name().equals(inst.name) && n.reportedState().writable())) {
                failoverAt = StepResult.secondsSince(t0);
            }
            engine.listener().stepProgress("kill-primary reboot", -1, String.format(Locale.ROOT,
                    "%s's machine is rebooting (%.0f s)", inst.name, StepResult.secondsSince(t0)));
            Thread.sleep(200);
        }
        double machineBack = back.join();
        ClusterSnapshot done = s.await(Convergence.stable(before.nodes().size()), Duration.ofSeconds(180),
                Msg.of("wait.rebootBack", inst.name), trail);
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("machineBackSeconds", machineBack);
        if (failoverAt != null) f.put("failoverSeconds", failoverAt);
        f.put("convergedSeconds", StepResult.secondsSince(t0));
        String newPrimary = done.writableNode().map(NodeStatus::name).orElse("?");
        Msg said = newPrimary.equals(inst.name) ? Msg.of("op.reboot.stayed", inst.name, machineBack, trail.path())
                : Msg.of("op.reboot.failedOver", inst.name, machineBack, trail.path(), newPrimary);
        return OperationResult.ok("kill-primary reboot", StepResult.secondsSince(t0), said, f, done);
    }
}
