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
 * with the lab's passwords replaced by ********, whether a sentence or a message as data (its
 * text arguments, nested messages included: one can carry a remote error line). Commands already
 * show a masked display; this also catches a password echoed in a command's output or quoted in
 * an error message.
 */
final class MaskingListener implements EngineListener {
    private final EngineListener inner;
    private final Set<String> secrets = new CopyOnWriteArraySet<>();

    MaskingListener(EngineListener inner) { this.inner = inner; }

    void addSecret(String s) {
        if (s != null && !s.isEmpty()) secrets.add(s);
    }

    Set<String> secrets() { return secrets; }

    String mask(String text) { return secrets.isEmpty() || text == null ? text : Command.mask(text, secrets); }

    /** The message with every text argument masked; names and numbers come through unchanged. */
    Msg mask(Msg m) {
        if (secrets.isEmpty() || m == null) return m;
        return new Msg(m.key(), m.args().stream()
                .map(a -> a instanceof Msg inner ? mask(inner) : a instanceof CharSequence cs ? (Object) mask(cs.toString()) : a)
                .toList());
    }

    @Override
    public void log(LogLine l) { inner.log(new LogLine(l.at(), l.source(), l.level(), mask(l.text()))); }

    @Override
    public void stepStarted(String step) { inner.stepStarted(step); }

    @Override
    public void stepProgress(String step, double fraction, String text) { inner.stepProgress(step, fraction, mask(text)); }

    @Override
    public void stepProgress(String step, double fraction, Msg text) { inner.stepProgress(step, fraction, mask(text)); }

    @Override
    public void note(Msg text) { inner.note(mask(text)); }

    @Override
    public void appLog(LogLine.Level level, Msg text) { inner.appLog(level, mask(text)); }

    @Override
    public void stepFinished(StepResult r) {
        inner.stepFinished(secrets.isEmpty() ? r : new StepResult(r.name(), r.ok(), r.seconds(), mask(r.message()), mask(r.msg())));
    }

    /** Why the monitor was unreachable can be a remote error line (a connection URI with its password). */
    @Override
    public void snapshot(ClusterSnapshot s) {
        String error = mask(s.error());
        inner.snapshot(error == null || error.equals(s.error()) ? s
                : new ClusterSnapshot(s.at(), s.monitorReachable(), error, s.nodes(), s.formation()));
    }

    @Override
    public void nodeEvent(String node, String what, java.time.Instant at) { inner.nodeEvent(node, mask(what), at); }

    @Override
    public void nodeEvent(String node, Msg what, java.time.Instant at) { inner.nodeEvent(node, mask(what), at); }

    @Override
    public void figures(String step, java.util.Map<String, Double> figures, ClusterSnapshot finalState) {
        inner.figures(step, figures, finalState);
    }

    /** The listener it masks for (CompositeListener.find looks through it). */
    EngineListener inner() { return inner; }
}
