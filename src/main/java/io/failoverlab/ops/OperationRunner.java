package io.failoverlab.ops;

import io.failoverlab.lab.StepIds;
import io.failoverlab.lab.Msg;

import io.failoverlab.engine.EngineListener;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.StepResult;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Cluster-changing operations run one at a time on a single thread (docs/architecture.md, Threading); reads run
 * freely elsewhere.
 */
public final class OperationRunner implements AutoCloseable {
    public interface Operation {
        String name();

        OperationResult run() throws Exception;
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lab-operations");
        t.setDaemon(true);
        return t;
    });
    private final EngineListener listener;

    public OperationRunner(EngineListener listener) {
        this.listener = listener == null ? EngineListener.NONE : listener;
    }

    public CompletableFuture<OperationResult> submit(Operation op) {
        return CompletableFuture.supplyAsync(() -> runNow(op), executor);
    }

    /** Runs on the caller's thread (the CLI): same bookkeeping, no queue. */
    public OperationResult runNow(Operation op) {
        listener.stepStarted(op.name());
        long t0 = System.nanoTime();
        OperationResult r;
        try {
            r = op.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r = OperationResult.failed(op.name(), StepResult.secondsSince(t0), Msg.of("op.interrupted", op.name()), null);
        } catch (Exception e) {
            // a LabException's sentence as data where it has one: the faces show it in their language
            r = OperationResult.failed(op.name(), StepResult.secondsSince(t0), e);
        }
        return finished(op, r);
    }

    private OperationResult finished(Operation op, OperationResult r) {
        LogLine.Level level = r.ok() ? LogLine.Level.INFO : LogLine.Level.ERROR;
        // the outcome as data where it has one: the window's log tells it in the window's language
        Object name = StepIds.display(op.name());
        listener.appLog(level, Msg.of("log.outcome", name, r.msg() != null ? r.msg() : Msg.of("text.plain", r.message())));
        listener.figures(r.name(), r.figures(), r.finalState());
        listener.stepFinished(new io.failoverlab.lab.StepResult(r.name(), r.ok(), r.seconds(), r.message(), r.msg()));
        return r;
    }


    @Override
    public void close() {
        executor.shutdownNow();
    }
}
