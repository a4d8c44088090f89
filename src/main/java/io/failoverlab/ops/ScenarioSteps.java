package io.failoverlab.ops;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.StepIds;
import io.failoverlab.lab.StepResult;

import java.util.ArrayList;
import java.util.List;

/**
 * A scenario's steps (scenario seed, scenario three-nodes): each operation run on the lab's
 * listener, each step of its own logged and told to the faces, and the list the scenario JSON keeps
 * (sentences only).
 */
final class ScenarioSteps implements AutoCloseable {
    private final LabEngine engine;
    private final OperationRunner runner;
    private final List<StepResult> steps = new ArrayList<>();

    ScenarioSteps(LabEngine engine) {
        this.engine = engine;
        this.runner = new OperationRunner(engine.listener());
    }

    OperationResult op(OperationRunner.Operation o) { return op(o, null); }

    /** Runs an operation; its step is recorded under stepName when given, else under the operation's name. */
    OperationResult op(OperationRunner.Operation o, String stepName) {
        OperationResult r = runner.runNow(o);
        steps.add(new StepResult(stepName == null ? r.name() : stepName, r.ok(), r.seconds(), r.message()));
        return r;
    }

    /** A step of the scenario's own (not an operation): logged as an outcome line and told to the faces. */
    void record(StepResult r) {
        // the scenario JSON keeps the sentence only
        steps.add(new StepResult(r.name(), r.ok(), r.seconds(), r.message()));
        engine.listener().appLog(r.ok() ? LogLine.Level.INFO : LogLine.Level.ERROR, Msg.of("log.outcome", StepIds.display(r.name()),
                r.msg() != null ? r.msg() : Msg.of("text.plain", r.message())));
        engine.listener().stepFinished(r);
    }

    List<StepResult> all() { return List.copyOf(steps); }

    boolean allOk() { return steps.stream().allMatch(StepResult::ok); }

    @Override
    public void close() { runner.close(); }
}
