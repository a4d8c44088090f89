package io.failoverlab.ui.session;

import io.failoverlab.ui.log.LogViewModel;
import io.failoverlab.ui.steps.StepChecklist;
import io.failoverlab.engine.EngineListener;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.StepResult;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The engine's listener in the window: log lines go to the log's queue (drained in batches),
 * step events to the checklist on the FX thread, snapshots to the coalescing pump.
 */
public final class FxEngineListener implements EngineListener {
    private final Executor fx;
    private final StepChecklist steps;
    private final LogViewModel log;
    private final Consumer<ClusterSnapshot> snapshots;

    /** Monitor events come once: the lab has one feed (docs/architecture.md, Data flow). */
    public FxEngineListener(Executor fx, StepChecklist steps, LogViewModel log, Consumer<ClusterSnapshot> snapshots) {
        this.fx = fx;
        this.steps = steps;
        this.log = log;
        this.snapshots = snapshots;
    }

    @Override
    public void log(LogLine line) { log.offer(line); }

    /** How an app note reads in the log; the window sets its own language (ui.app.Messages). */
    private volatile java.util.function.Function<Msg, String> notes = Msg::english;

    public FxEngineListener notesIn(java.util.function.Function<Msg, String> render) { notes = render; return this; }

    @Override
    public void note(Msg text) { log(LogLine.of("app", LogLine.Level.INFO, notes.apply(text))); }

    /** An outcome line in the window's language, as the notes. */
    @Override
    public void appLog(LogLine.Level level, Msg text) { log(LogLine.of("app", level, notes.apply(text))); }

    @Override
    public void stepStarted(String step) { fx.execute(() -> steps.started(step)); }

    @Override
    public void stepProgress(String step, double fraction, String text) {
        fx.execute(() -> steps.progress(step, fraction, text));
    }

    @Override
    public void stepProgress(String step, double fraction, Msg text) {
        fx.execute(() -> steps.progress(step, fraction, text));
    }

    @Override
    public void stepFinished(StepResult result) { fx.execute(() -> steps.finished(result)); }

    @Override
    public void snapshot(ClusterSnapshot snapshot) { snapshots.accept(snapshot); }

    private volatile NodeEvents nodeEvents;

    /** Where node events go (the timeline), on the FX thread. */
    public FxEngineListener onNodeEvent(NodeEvents e) { nodeEvents = e; return this; }

    public interface NodeEvents { void accept(String node, String what, java.time.Instant at); }

    @Override
    public void nodeEvent(String node, String what, java.time.Instant at) {
        NodeEvents e = nodeEvents;
        if (e != null) fx.execute(() -> e.accept(node, what, at));
    }

    /** In the window's language, as the notes. */
    @Override
    public void nodeEvent(String node, Msg what, java.time.Instant at) { nodeEvent(node, notes.apply(what), at); }
}
