package io.failoverlab.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One line of journal.jsonl; {@link Type} says what kind. The type field stays the lower-case
 * text on disk (code reads it as {@link #kind()}), so old journals read as they are and a line
 * of a kind this version does not know is read and passed over rather than lost.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JournalEntry(String type, String at, Integer id, Integer parent, String step, Boolean ok, Double seconds,
                           String message, String source, String level, String text, String phase, JournalState state,
                           Map<String, Double> figures, String file, Map<String, Object> data) {

    /** What a journal line is; its id is how it is written ("start", "shot"…). */
    public enum Type {
        /** the lab, once per session */
        SESSION,
        /** machines and versions */
        ENV,
        /** a step begins (id, parent) */
        START,
        /** a step's result */
        END,
        /** a command of a step */
        CMD,
        /** a command's output */
        OUT,
        /** the app's own remark */
        NOTE,
        /** a monitor event */
        EVENT,
        /** the monitor's view, phase before, after or live */
        STATE,
        /** what an operation measured */
        FIGURES,
        /** a screenshot file */
        SHOT,
        /** the seed scenario's figures */
        SCENARIO;

        public String id() { return name().toLowerCase(Locale.ROOT); }

        /** The type written as id, or null for one this version does not know. */
        public static Type of(String id) {
            for (Type t : values()) if (t.id().equals(id)) return t;
            return null;
        }
    }

    /** The line's type, or null for a kind this version does not know. */
    @JsonIgnore
    public Type kind() { return Type.of(type); }

    public Instant instant() { return Instant.parse(at); }

    static JournalEntry of(Type type, Integer id, String step) {
        return new JournalEntry(type.id(), Instant.now().toString(), id, null, step, null, null, null, null, null, null, null, null, null, null, null);
    }

    JournalEntry at(Instant t) { return new JournalEntry(type, t.toString(), id, parent, step, ok, seconds, message, source, level, text, phase, state, figures, file, data); }

    JournalEntry parent(Integer p) { return new JournalEntry(type, at, id, p, step, ok, seconds, message, source, level, text, phase, state, figures, file, data); }

    JournalEntry result(boolean okay, double secs, String msg) {
        return new JournalEntry(type, at, id, parent, step, okay, secs, msg, source, level, text, phase, state, figures, file, data);
    }

    JournalEntry line(String src, String lvl, String txt) {
        return new JournalEntry(type, at, id, parent, step, ok, seconds, message, src, lvl, txt, phase, state, figures, file, data);
    }

    JournalEntry state(String ph, JournalState s) {
        return new JournalEntry(type, at, id, parent, step, ok, seconds, message, source, level, text, ph, s, figures, file, data);
    }

    JournalEntry figures(Map<String, Double> f) {
        return new JournalEntry(type, at, id, parent, step, ok, seconds, message, source, level, text, phase, state, f, file, data);
    }

    JournalEntry file(String f) {
        return new JournalEntry(type, at, id, parent, step, ok, seconds, message, source, level, text, phase, state, figures, f, data);
    }

    JournalEntry data(Map<String, Object> d) {
        return new JournalEntry(type, at, id, parent, step, ok, seconds, message, source, level, text, phase, state, figures, file, d);
    }
}
