package io.failoverlab.cli;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.StateTable;
import io.failoverlab.lab.StepResult;

import java.util.List;

import picocli.CommandLine.Command;

@Command(name = "up")
final class UpVerb extends Verb {
    @Override
    int run(LabSpec lab) {
        long t0 = System.nanoTime();
        try (LabEngine engine = common().runtime(lab, out()).engine()) {
            List<StepResult> steps = engine.up();
            StepResult last = steps.get(steps.size() - 1);
            if (!last.ok()) {
                err().println(say(last));
                return 1;
            }
            Cli.recordEnvironment(engine);
            out().print(StateTable.render(engine.stateFromShell()));
            out().println(say(io.failoverlab.lab.Msg.of("cli.up.done", lab.name, (System.nanoTime() - t0) / 1e9)));
            return 0;
        }
    }
}
