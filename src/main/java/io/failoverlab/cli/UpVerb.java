package io.failoverlab.cli;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.StepResult;

import java.io.PrintStream;
import java.util.List;

final class UpVerb {
    private final PrintStream out;
    private final PrintStream err;

    UpVerb(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(LabSpec lab, CliArgs args) {
        long t0 = System.nanoTime();
        try (LabEngine engine = Cli.engine(lab, args, out)) {
            List<StepResult> steps = engine.up();
            StepResult last = steps.get(steps.size() - 1);
            if (!last.ok()) {
                err.println(last.message());
                return 1;
            }
            Cli.recordEnvironment(engine);
            out.print(StateTable.render(engine.stateFromShell()));
            out.printf(java.util.Locale.ROOT, "Lab '%s' is up in %.1f s.%n", lab.name, (System.nanoTime() - t0) / 1e9);
            return 0;
        }
    }
}
