package io.failoverlab.ops;

import io.failoverlab.check.DataCheck;
import io.failoverlab.check.DataCheckResult;
import io.failoverlab.check.NodeDataResult;
import io.failoverlab.check.PgNode;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.NodeStatus;
import io.failoverlab.lab.StepResult;
import io.failoverlab.lab.StepIds;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The original lab's data check: ha_test created on the primary as generate_series(1, N) (kept
 * when it exists), a few rows inserted there, then count / max / read-only on every node. A
 * standby refusing the INSERT ("cannot execute INSERT in a read-only transaction") is the
 * expected result, not an error.
 */
public final class DataCheckOp implements OperationRunner.Operation {
    private final LabEngine engine;
    private final int rows;
    private final boolean recreate;
    private final int insert;
    private volatile DataCheckResult result;

    public DataCheckOp(LabEngine engine, int rows, boolean recreate, int insert) {
        this.engine = engine;
        this.rows = rows;
        this.recreate = recreate;
        this.insert = insert;
    }

    public DataCheckResult result() { return result; }

    @Override
    public String name() { return StepIds.DATACHECK; }

    @Override
    public OperationResult run() throws Exception {
        long t0 = System.nanoTime();
        ClusterSnapshot state = engine.status();
        NodeStatus primary = state.writableNode().orElseThrow(() -> new LabException(io.failoverlab.lab.Msg.of("op.datacheck.noPrimary", state.summary())));
        DataCheck dc = new DataCheck(DataConnections.nodes(engine), DataConnections.settings(engine.spec()));
        PgNode p = dc.nodes().stream().filter(n -> n.name().equals(primary.name())).findFirst().orElseThrow();
        NodeDataResult onPrimary = dc.inspect().node(p.name()).orElseThrow();
        long created = 0;
        if (recreate || !onPrimary.tablePresent()) {
            created = dc.createTable(p, rows, recreate);
        }
        DataCheck.Inserted ins = insert > 0 ? dc.insertRows(p, insert) : null;
        result = dc.awaitReplay(Duration.ofSeconds(60));
        Map<String, Double> f = new LinkedHashMap<>();
        io.failoverlab.lab.Msg msg = io.failoverlab.lab.Msg.of("op.datacheck.done", created > 0 ? io.failoverlab.lab.Msg.of("op.datacheck.created", dc.table(), (double) created, p.name())
                        : io.failoverlab.lab.Msg.of("op.datacheck.kept", dc.table(), p.name()),
                ins == null ? "" : io.failoverlab.lab.Msg.of("op.datacheck.inserted", ins.count(), ins.firstSerId(), ins.lastSerId()),
                io.failoverlab.lab.Msg.of(result.allConsistent() ? "op.datacheck.same" : "op.datacheck.disagree"));
        for (NodeDataResult n : result.nodes()) {
            engine.listener().log(io.failoverlab.lab.LogLine.of("app", io.failoverlab.lab.LogLine.Level.INFO, "datacheck " + describe(n)));
            if (n.rowCount() != null) f.put("rows." + n.node().name(), n.rowCount().doubleValue());
        }
        return OperationResult.of(name(), result.allConsistent(), StepResult.secondsSince(t0), msg, f, state);
    }

    /** One line per node for terminals and reports. */
    public static String describe(NodeDataResult n) {
        if (!n.reachable()) return n.node().name() + ": unreachable — " + n.error();
        String role = Boolean.TRUE.equals(n.inRecovery()) ? "standby" : "primary";
        String write;
        switch (n.write()) {
            case ACCEPTED: write = "write accepted"; break;
            case REFUSED_READ_ONLY: write = "write refused as expected: \"" + n.writeMessage() + "\" (a standby is read-only)"; break;
            case FAILED: write = "write failed: " + n.writeMessage(); break;
            default: write = "write not tried";
        }
        return String.format(Locale.ROOT, "%s (%s): %s rows, max(ser_id) %s, %s", n.node().name(), role,
                n.rowCount() == null ? "no table," : String.format(Locale.ROOT, "%,d", n.rowCount()),
                n.maxSerId() == null ? "-" : n.maxSerId().toString(), write);
    }
}
