package io.failoverlab.report;

import io.failoverlab.lab.StepIds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A journal read back: the lab, its machines, every step with what happened in it, every state. */
final class JournalModel {
    static final class Step {
        final int id;
        final String name;
        Integer parent;
        Instant start;
        Instant end;
        Boolean ok;
        double seconds;
        String message;
        /** message as data, when the step's result carried it (rendered in the report's language). */
        io.failoverlab.lab.Msg msg;
        boolean hasChildren;
        /** An inner step of an operation, shown as part of it. */
        boolean merged;
        final List<JournalEntry> lines = new ArrayList<>();
        final List<JournalEntry> events = new ArrayList<>();
        final Map<String, Double> figures = new LinkedHashMap<>();
        JournalState after;
        final List<String> shots = new ArrayList<>();

        Step(int id, String name) {
            this.id = id;
            this.name = name;
        }

        boolean finished() { return ok != null; }

        Instant startOrEnd() { return start != null ? start : end; }
    }

    Map<String, Object> lab = Map.of();
    final Map<String, Object> env = new LinkedHashMap<>();
    Map<String, Object> scenario;
    final Map<Integer, Step> steps = new LinkedHashMap<>();
    final List<JournalState> states = new ArrayList<>();
    /** Screenshots taken when no step was open and none had ended (on demand, early). */
    final List<String> looseShots = new ArrayList<>();
    Instant first;
    Instant last;

    static JournalModel of(List<JournalEntry> entries) {
        JournalModel m = new JournalModel();
        Step lastEnded = null;
        for (JournalEntry e : entries) {
            Instant at;
            try {
                at = e.instant();
            } catch (RuntimeException ex) {
                continue;
            }
            if (m.first == null || at.isBefore(m.first)) m.first = at;
            if (m.last == null || at.isAfter(m.last)) m.last = at;
            Step s = e.id() == null ? null : m.steps.get(e.id());
            JournalEntry.Type kind = e.kind();
            if (kind == null) continue; // a kind of line this version does not know: its time counts, nothing else
            switch (kind) {
                case SESSION:
                    if (e.data() != null) m.lab = e.data();
                    break;
                case ENV:
                    if (e.data() != null) m.env.putAll(e.data());
                    break;
                case SCENARIO:
                    m.scenario = e.data();
                    break;
                case START:
                    s = m.steps.computeIfAbsent(e.id(), k -> new Step(k, e.step()));
                    s.start = at;
                    s.parent = e.parent();
                    if (e.parent() != null && m.steps.containsKey(e.parent())) m.steps.get(e.parent()).hasChildren = true;
                    break;
                case END:
                    if (e.id() == null) break;
                    s = m.steps.computeIfAbsent(e.id(), k -> new Step(k, e.step()));
                    s.end = at;
                    s.ok = Boolean.TRUE.equals(e.ok());
                    s.seconds = e.seconds() == null ? 0 : e.seconds();
                    s.message = e.message();
                    s.msg = e.data() == null ? null : io.failoverlab.lab.MsgData.fromData(e.data().get("msg"));
                    lastEnded = s;
                    break;
                case CMD:
                case OUT:
                case NOTE:
                    if (s != null) s.lines.add(e);
                    break;
                case EVENT:
                    if (s != null) s.events.add(e);
                    break;
                case FIGURES:
                    if (s != null && e.figures() != null) s.figures.putAll(e.figures());
                    break;
                case STATE:
                    if (e.state() == null) break;
                    if ("after".equals(e.phase()) && s != null) s.after = e.state();
                    if (!"before".equals(e.phase())) m.states.add(e.state());
                    break;
                case SHOT:
                    if (e.file() == null) break;
                    if (s != null) s.shots.add(e.file());
                    else if (lastEnded != null) lastEnded.shots.add(e.file());
                    else m.looseShots.add(e.file());
                    break;
                default:
                    break;
            }
        }
        m.states.sort(Comparator.comparing(JournalState::instant));
        m.mergeInnerSteps();
        return m;
    }

    /**
     * An operation's inner steps (add-node re-creating its node) belong to the operation: their
     * lines, events and screenshots join it. A frame that only runs steps (the window's "build lab",
     * "stop lab", "destroy lab") stays out, and its steps are the checkpoints.
     */
    private void mergeInnerSteps() {
        for (Step s : new ArrayList<>(steps.values())) {
            Step top = null;
            for (Integer p = s.parent; p != null; ) {
                Step ps = steps.get(p);
                if (ps == null) break;
                if (!isFrame(ps)) top = ps;
                p = ps.parent;
            }
            if (top == null) continue;
            top.lines.addAll(s.lines);
            top.lines.sort(Comparator.comparing(JournalEntry::instant));
            top.events.addAll(s.events);
            top.shots.addAll(s.shots);
            s.merged = true;
        }
        for (Step s : steps.values()) {
            if (s.hasChildren && !isFrame(s)) s.hasChildren = false;
        }
    }

    static boolean isFrame(Step s) {
        return StepIds.isFrame(s.name);
    }

    /** Steps that are checkpoints: finished, and not merely the frame of inner steps (the window's "build lab"). */
    List<Step> leaves() {
        List<Step> l = new ArrayList<>();
        for (Step s : steps.values()) if (s.finished() && !s.hasChildren && !s.merged) l.add(s);
        return l;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> instances() {
        Object o = lab.get("instances");
        return o instanceof List ? (List<Map<String, Object>>) o : List.of();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> hosts() {
        Object o = lab.get("hosts");
        return o instanceof List ? (List<Map<String, Object>>) o : List.of();
    }

    String labString(String key, String dflt) {
        Object o = lab.get(key);
        return o == null ? dflt : String.valueOf(o);
    }
}
