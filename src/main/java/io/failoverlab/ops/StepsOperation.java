package io.failoverlab.ops;

import io.failoverlab.lab.StepIds;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.StepResult;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * An engine call that returns step results (up, down) as an Operation for the runner, so lab
 * building and tearing down are serialised with every other cluster-changing action.
 */
public final class StepsOperation implements OperationRunner.Operation {
    private final String name;
    private final Callable<List<StepResult>> steps;

    public StepsOperation(String name, Callable<List<StepResult>> steps) {
        this.name = name;
        this.steps = steps;
    }

    @Override
    public String name() { return name; }

    @Override
    public OperationResult run() throws Exception {
        long t0 = System.nanoTime();
        List<StepResult> results = steps.call();
        double secs = StepResult.secondsSince(t0);
        StepResult failed = results.stream().filter(r -> !r.ok()).findFirst().orElse(null);
        // the step's sentence as data where it has one: the window tells it in its language
        if (failed != null) {
            return OperationResult.failed(name, secs, Msg.of("op.steps.failed", StepIds.display(failed.name()),
                    failed.msg() != null ? (Object) failed.msg() : failed.message()), null);
        }
        if (results.isEmpty()) return OperationResult.ok(name, secs, Msg.of("op.steps.done", StepIds.display(name)), null, null);
        StepResult last = results.get(results.size() - 1);
        return last.msg() != null ? OperationResult.ok(name, secs, last.msg(), null, null)
                : OperationResult.ok(name, secs, last.message(), null, null);
    }
}
