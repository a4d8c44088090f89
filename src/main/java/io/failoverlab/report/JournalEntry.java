package io.failoverlab.report;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Map;

/**
 * One line of journal.jsonl. type: session (the lab), env (machines and versions), start / end
 * of a step (id, parent), cmd / out / note / event lines of a step, state (phase before, after or
 * live), figures, shot (a screenshot file), scenario (the seed scenario's figures).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JournalEntry(String type, String at, Integer id, Integer parent, String step, Boolean ok, Double seconds,
                           String message, String source, String level, String text, String phase, JournalState state,
                           Map<String, Double> figures, String file, Map<String, Object> data) {

    public Instant instant() { return Instant.parse(at); }

    static JournalEntry of(String type, Integer id, String step) {
        return new JournalEntry(type, Instant.now().toString(), id, null, step, null, null, null, null, null, null, null, null, null, null, null);
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
