package io.failoverlab.engine;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.StepResult;
import io.failoverlab.report.JournalRecorder;

import java.util.Map;

/**
 * Hands the engine's events to the lab's journal. The journal lives in report, which knows only
 * lab (docs/architecture.md); this adapter is what ties it to the engine.
 */
public final class JournalListener implements EngineListener {
    private final JournalRecorder recorder;

    public JournalListener(JournalRecorder recorder) {
        this.recorder = recorder;
    }

    public JournalRecorder recorder() { return recorder; }

    @Override public void log(LogLine line) { recorder.log(line); }

    @Override public void note(io.failoverlab.lab.Msg text) { recorder.note(text); }

    @Override public void appLog(io.failoverlab.lab.LogLine.Level level, io.failoverlab.lab.Msg text) { recorder.appLog(level, text); }

    @Override public void nodeEvent(String node, io.failoverlab.lab.Msg what, java.time.Instant at) { recorder.nodeEvent(node, what, at); }

    @Override public void stepStarted(String step) { recorder.stepStarted(step); }

    @Override public void stepFinished(StepResult result) { recorder.stepFinished(result); }

    @Override public void snapshot(ClusterSnapshot snapshot) { recorder.snapshot(snapshot); }

    @Override public void figures(String step, Map<String, Double> figures, ClusterSnapshot finalState) {
        recorder.figures(step, figures, finalState);
    }
}
