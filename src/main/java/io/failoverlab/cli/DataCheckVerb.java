package io.failoverlab.cli;

import io.failoverlab.check.NodeDataResult;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.ops.DataCheckOp;
import io.failoverlab.ops.OperationResult;
import io.failoverlab.ops.OperationRunner;

import java.io.PrintStream;

final class DataCheckVerb {
    private final PrintStream out;
    private final PrintStream err;

    DataCheckVerb(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(LabSpec lab, CliArgs args) {
        Integer rows = args.intOption("--rows");
        Integer insert = args.intOption("--insert");
        if (rows != null && rows < 0) throw new io.failoverlab.lab.LabException("--rows must be 0 or more.");
        try (LabEngine engine = Cli.engine(lab, args, out);
             OperationRunner runner = new OperationRunner(engine.listener())) {
            DataCheckOp op = new DataCheckOp(engine, rows == null ? 1_000_000 : rows, args.flag("--recreate"), insert == null ? 10 : insert);
            OperationResult r = runner.runNow(op);
            if (op.result() != null) {
                for (NodeDataResult n : op.result().nodes()) out.println("  " + DataCheckOp.describe(n));
            }
            if (!r.ok()) {
                err.println(r.message());
                return 1;
            }
            return 0;
        }
    }
}
