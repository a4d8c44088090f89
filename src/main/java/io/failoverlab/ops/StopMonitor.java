package io.failoverlab.ops;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.StepResult;
import io.failoverlab.lab.StepIds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stops the monitor's keeper (and its Postgres) to show that the nodes keep serving without it:
 * replication goes on, but no failover can happen until it is back.
 */
public final class StopMonitor implements OperationRunner.Operation {
    private final LabEngine engine;

    public StopMonitor(LabEngine engine) { this.engine = engine; }

    @Override
    public String name() { return StepIds.STOP_MONITOR; }

    @Override
    public OperationResult run() throws Exception {
        InstanceSpec m = engine.spec().monitor;
        long t0 = System.nanoTime();
        engine.stopKeeper(m);
        double secs = StepResult.secondsSince(t0);
        ClusterSnapshot after = engine.status();
        if (after.monitorReachable()) {
            throw new LabException(Msg.of("op.stopMonitor.stillAnswers", m.port));
        }
        List<String> answering = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        for (InstanceSpec n : engine.spec().nodes) (engine.answers(n) ? answering : silent).add(n.name);
        Msg serving = answering.isEmpty() ? Msg.of("op.stopMonitor.noneServe")
                : Msg.of(silent.isEmpty() ? "op.stopMonitor.serve" : "op.stopMonitor.serveSome", String.join(", ", answering),
                String.join(", ", silent));
        return OperationResult.ok(name(), secs, Msg.of("op.stopMonitor.done", secs, serving), Map.of("stopSeconds", secs), after);
    }
}
