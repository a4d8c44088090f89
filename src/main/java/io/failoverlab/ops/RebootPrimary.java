package io.failoverlab.ops;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.engine.MachinePower;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.NodeStatus;
import io.failoverlab.lab.StepResult;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

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
        FirstSeen writer = FirstSeen.writerOtherThan(inst.name, t0);
        Consumer<ClusterSnapshot> progress = x -> engine.listener().stepProgress("kill-primary reboot", -1, String.format(Locale.ROOT,
                "%s's machine is rebooting (%.0f s)", inst.name, StepResult.secondsSince(t0)));
        Followed end = s.follow(new Settling(Set.of(inst.name)).until(x -> back.isDone()), Duration.ofSeconds(240),
                trail.andThen(writer).andThen(progress));
        if (!back.isDone()) throw new LabException(Msg.of("op.convergence.timeout", 240, Msg.of("wait.rebootBack", inst.name), end.last().summary()));
        double machineBack = back.join();
        ClusterSnapshot done = end.last();
        Double failoverAt = writer.at() >= 0 ? writer.at() : null;
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
