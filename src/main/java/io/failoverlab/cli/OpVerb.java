package io.failoverlab.cli;

import io.failoverlab.engine.LabRuntime;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.ops.OperationResult;
import io.failoverlab.ops.OperationRunner;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Runs one HA operation headless: its result message, measured figures and the final state table. */
final class OpVerb {
    private final PrintStream out;
    private final PrintStream err;

    OpVerb(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(LabSpec lab, CliArgs args, Function<LabRuntime, OperationRunner.Operation> op) {
        try (LabRuntime rt = Cli.runtime(lab, args, out);
             OperationRunner runner = new OperationRunner(rt.engine().listener())) {
            OperationResult r = runner.runNow(op.apply(rt));
            if (!r.ok()) {
                err.println(r.message());
                return 1;
            }
            for (Map.Entry<String, Double> f : r.figures().entrySet()) {
                out.printf(Locale.ROOT, "  %-26s %8.2f%n", f.getKey(), f.getValue());
            }
            if (r.finalState() != null) out.print(StateTable.render(r.finalState()));
            return 0;
        }
    }
}
