package io.failoverlab.cli;

import io.failoverlab.engine.LabEngine;
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

    int run(LabSpec lab, CliArgs args, Function<LabEngine, OperationRunner.Operation> op) {
        try (LabEngine engine = Cli.engine(lab, args, out);
             OperationRunner runner = new OperationRunner(engine.listener())) {
            OperationResult r = runner.runNow(op.apply(engine));
            writeJson(args, r);
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

    /** --json FILE (verbs listed in CliArgs): {name, ok, seconds, message, figures}, so one operation can be scripted alone. */
    private void writeJson(CliArgs args, OperationResult r) {
        String file = args.option("--json", null);
        if (file == null || "true".equals(file)) return;
        Map<String, Object> o = new java.util.LinkedHashMap<>();
        o.put("name", r.name());
        o.put("ok", r.ok());
        o.put("seconds", r.seconds());
        o.put("message", r.message());
        o.put("figures", r.figures());
        try {
            io.failoverlab.lab.LabProfiles.writeAtomically(java.nio.file.Path.of(file), io.failoverlab.lab.LabProfiles.JSON.writeValueAsBytes(o));
        } catch (java.io.IOException e) {
            err.println("Could not write " + file + ": " + e.getMessage());
        }
    }
}
