package io.failoverlab.engine;

import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.StepResult;

/** What the engine tells its face (window or terminal) while it works. Called off the FX thread. */
public interface EngineListener {
    default void log(LogLine line) { }

    default void stepStarted(String step) { }

    /** fraction in 0..1, or -1 when unknown; text is a short human status. */
    default void stepProgress(String step, double fraction, String text) { }

    /** The same with the status as data: a face that renders messages shows it in its language; by default its English text. */
    default void stepProgress(String step, double fraction, Msg text) { stepProgress(step, fraction, text.english()); }

    /**
     * A line of the app's log (INFO) worth showing without --verbose, its text as data: a face
     * that renders messages shows it in its language; by default it is logged as its English text.
     */
    default void note(Msg text) { log(LogLine.of("app", LogLine.Level.INFO, text.english())); }

    /**
     * A line of the app's log at this level (an outcome: INFO or ERROR) whose text is data: a face
     * that renders messages logs it in its language; by default it is logged as its English text.
     */
    default void appLog(LogLine.Level level, Msg text) { log(LogLine.of("app", level, text.english())); }

    default void stepFinished(StepResult result) { }

    /** The monitor's view changed (streamed while an operation runs). */
    default void snapshot(io.failoverlab.lab.ClusterSnapshot snapshot) { }

    /**
     * An operation's measured figures and the state it ended in (finalState may be null); sent
     * just before its stepFinished, so a journal can keep them with the step.
     */
    default void figures(String step, java.util.Map<String, Double> figures, io.failoverlab.lab.ClusterSnapshot finalState) { }

    /**
     * Something happened on one node that the monitor cannot see (a cut-off primary fencing itself,
     * a cut made or removed), for the node's timeline lane.
     */
    default void nodeEvent(String node, String what, java.time.Instant at) { }

    /** The same with what happened as data: a face that renders messages shows it in its language; by default its English text. */
    default void nodeEvent(String node, Msg what, java.time.Instant at) { nodeEvent(node, what.english(), at); }

    EngineListener NONE = new EngineListener() { };
}
