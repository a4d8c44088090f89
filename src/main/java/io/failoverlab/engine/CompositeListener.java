package io.failoverlab.engine;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.StepResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Several listeners heard as one (the terminal or the window, plus the lab's journal). A
 * listener that throws does not keep the others from hearing the event.
 */
public final class CompositeListener implements EngineListener {
    private final List<EngineListener> listeners;

    private CompositeListener(List<EngineListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public static EngineListener of(EngineListener... ls) {
        List<EngineListener> all = new ArrayList<>();
        for (EngineListener l : ls) if (l != null && l != EngineListener.NONE) all.add(l);
        return all.size() == 1 ? all.get(0) : new CompositeListener(all);
    }

    /** The first listener of the given type in l (l itself or one of its parts). */
    public static <T> Optional<T> find(EngineListener l, Class<T> type) {
        if (type.isInstance(l)) return Optional.of(type.cast(l));
        if (l instanceof MaskingListener m) return find(m.inner(), type);
        if (l instanceof CompositeListener c) {
            for (EngineListener p : c.listeners) {
                Optional<T> f = find(p, type);
                if (f.isPresent()) return f;
            }
        }
        return Optional.empty();
    }

    private interface Call { void on(EngineListener l); }

    private void each(Call c) {
        RuntimeException first = null;
        for (EngineListener l : listeners) {
            try {
                c.on(l);
            } catch (RuntimeException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }

    @Override public void log(LogLine line) { each(l -> l.log(line)); }

    @Override public void stepStarted(String step) { each(l -> l.stepStarted(step)); }

    @Override public void stepProgress(String step, double fraction, String text) { each(l -> l.stepProgress(step, fraction, text)); }

    @Override public void stepProgress(String step, double fraction, Msg text) { each(l -> l.stepProgress(step, fraction, text)); }

    @Override public void note(Msg text) { each(l -> l.note(text)); }

    @Override public void appLog(LogLine.Level level, Msg text) { each(l -> l.appLog(level, text)); }

    @Override public void stepFinished(StepResult result) { each(l -> l.stepFinished(result)); }

    @Override public void snapshot(ClusterSnapshot snapshot) { each(l -> l.snapshot(snapshot)); }

    @Override public void nodeEvent(String node, String what, java.time.Instant at) { each(l -> l.nodeEvent(node, what, at)); }

    @Override public void nodeEvent(String node, Msg what, java.time.Instant at) { each(l -> l.nodeEvent(node, what, at)); }

    @Override public void figures(String step, Map<String, Double> figures, ClusterSnapshot finalState) {
        each(l -> l.figures(step, figures, finalState));
    }
}
