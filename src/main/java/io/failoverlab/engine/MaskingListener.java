package io.failoverlab.engine;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.StepResult;
import io.failoverlab.remote.Command;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The engine's listener as its faces see it: every log line, step message and progress text
 * with the lab's passwords replaced by ********. Commands already show a masked display; this
 * also catches a password echoed in a command's output or quoted in an error message.
 */
final class MaskingListener implements EngineListener {
    private final EngineListener inner;
    private final Set<String> secrets = new CopyOnWriteArraySet<>();

    MaskingListener(EngineListener inner) { this.inner = inner; }

    void addSecret(String s) {
        if (s != null && !s.isEmpty()) secrets.add(s);
    }

    Set<String> secrets() { return secrets; }

    String mask(String text) { return secrets.isEmpty() ? text : Command.mask(text, secrets); }

    @Override
    public void log(LogLine l) { inner.log(new LogLine(l.at(), l.source(), l.level(), mask(l.text()))); }

    @Override
    public void stepStarted(String step) { inner.stepStarted(step); }

    @Override
    public void stepProgress(String step, double fraction, String text) { inner.stepProgress(step, fraction, mask(text)); }

    /** Arguments of a message are names, ports, states and figures, as in a step's msg. */
    @Override
    public void stepProgress(String step, double fraction, Msg text) { inner.stepProgress(step, fraction, text); }

    @Override
    public void note(Msg text) { inner.note(text); }

    @Override
    public void appLog(LogLine.Level level, Msg text) { inner.appLog(level, text); }

    @Override
    public void stepFinished(StepResult r) {
        inner.stepFinished(secrets.isEmpty() ? r : r.masked(this::mask));
    }

    @Override
    public void snapshot(ClusterSnapshot snapshot) { inner.snapshot(snapshot); }

    @Override
    public void nodeEvent(String node, String what, java.time.Instant at) { inner.nodeEvent(node, mask(what), at); }

    /** Its arguments are node names, figures and fixed words, as in a step's msg. */
    @Override
    public void nodeEvent(String node, Msg what, java.time.Instant at) { inner.nodeEvent(node, what, at); }

    @Override
    public void figures(String step, java.util.Map<String, Double> figures, ClusterSnapshot finalState) {
        inner.figures(step, figures, finalState);
    }

    /** The listener it masks for (CompositeListener.find looks through it). */
    EngineListener inner() { return inner; }
}
