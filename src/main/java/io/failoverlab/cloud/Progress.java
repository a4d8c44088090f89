package io.failoverlab.cloud;

import io.failoverlab.lab.Msg;

/**
 * Told while a provider works: fraction in 0..1 (or -1 when unknown) and a short status. The
 * providers tell it as a message (data), which a face renders in its language; a listener that
 * only takes text gets the English.
 */
@FunctionalInterface
public interface Progress {
    void report(double fraction, String text);

    /** The status as data; by default its English text. */
    default void report(double fraction, Msg text) { report(fraction, text.english()); }

    /** Part of the whole: fraction f of the part is base + f * span of the whole, messages kept as data. */
    default Progress part(double base, double span) {
        Progress whole = this;
        return new Progress() {
            @Override public void report(double f, String text) { whole.report(base + f * span, text); }

            @Override public void report(double f, Msg text) { whole.report(base + f * span, text); }
        };
    }

    /** Both forms to one sink of messages (a line of text becomes the message "{0}"). */
    static Progress ofMessages(java.util.function.ObjDoubleConsumer<Msg> sink) {
        return new Progress() {
            @Override public void report(double f, String text) { sink.accept(Msg.of("text.plain", text), f); }

            @Override public void report(double f, Msg text) { sink.accept(text, f); }
        };
    }

    Progress NONE = (f, t) -> { };
}
