package io.failoverlab.ui.actions;

import io.failoverlab.ui.session.LabSession;
import io.failoverlab.check.DataCheckResult;
import io.failoverlab.ops.DataCheckOp;
import io.failoverlab.ops.OperationResult;
import io.failoverlab.ops.OperationRunner;
import io.failoverlab.ui.data.DataCheckInputs;

/** DataCheckOp with the grid filled from its result when it ends (the result is made on the runner thread). */
public final class DataCheckRun implements OperationRunner.Operation {
    /** Rows of ha_test when it does not exist yet, as in the original lab. */
    public static final int ROWS = 1_000_000;
    static final int INSERT = 10;
    private final LabSession session;
    private final DataCheckOp op;

    DataCheckRun(LabSession s) {
        this.session = s;
        this.op = new DataCheckOp(s.engine(), DataCheckInputs.ROWS, false, DataCheckInputs.INSERT);
    }

    @Override
    public String name() { return op.name(); }

    @Override
    public OperationResult run() throws Exception {
        OperationResult r = op.run();
        DataCheckResult d = op.result();
        javafx.application.Platform.runLater(() -> session.live().dataChecked(d, r));
        return r;
    }
}
