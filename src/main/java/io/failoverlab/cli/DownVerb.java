package io.failoverlab.cli;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.StepResult;

import java.io.PrintStream;
import java.util.List;

final class DownVerb {
    private final PrintStream out;
    private final PrintStream err;

    DownVerb(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(LabSpec lab, CliArgs args) {
        try (LabEngine engine = Cli.engine(lab, args, out)) {
            List<StepResult> steps = engine.down(args.flag("--destroy"));
            List<StepResult> failed = steps.stream().filter(s -> !s.ok()).toList();
            if (!failed.isEmpty()) {
                err.println(failed.get(0).name() + " failed: " + failed.get(0).message());
                return 1;
            }
            out.println(args.flag("--destroy") ? "Lab '" + lab.name + "' stopped and deleted." : "Lab '" + lab.name + "' stopped.");
            return 0;
        }
    }
}
