package io.failoverlab.report;

import io.failoverlab.lab.StepIds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The timeline pictures: the whole session, and the seconds around the last failover that was made to happen. */
final class TimelineSection {
    private final JournalModel m;
    private final ReportStrings t;
    private final CheckpointTitles titles;

    TimelineSection(JournalModel m, ReportStrings t) {
        this.m = m;
        this.t = t;
        this.titles = new CheckpointTitles(t, Checkpoints.nodeNames(m));
    }

    void write(Doc d, String number) {
        d.h(3, number + " " + t.tr("timeline.title"), "timeline");
        if (m.states.isEmpty()) {
            d.p(t.tr("timeline.none"));
            return;
        }
        Set<String> nodeNames = Checkpoints.nodeNames(m);
        List<TimelineChart.Mark> marks = new ArrayList<>();
        for (JournalModel.Step s : m.leaves()) {
            if (s.start == null || unmarked(s.name, nodeNames)) continue;
            marks.add(new TimelineChart.Mark(s.start, label(s.name), Boolean.TRUE.equals(s.ok)));
            for (JournalEntry e : s.lines) nodeEvent(e).ifPresent(marks::add);
        }
        marks.sort(java.util.Comparator.comparing(TimelineChart.Mark::at));
        Instant from = m.states.get(0).instant().minusSeconds(1);
        Instant to = m.last == null ? m.states.get(m.states.size() - 1).instant().plusSeconds(1) : m.last;
        d.p(t.tr("timeline.caption"));
        d.image("timeline-session.png", TimelineChart.render(t.tr("timeline.session"), m.states, marks, from, to), t.tr("timeline.session"));
        JournalModel.Step kill = null;
        for (JournalModel.Step s : m.leaves()) {
            if (s.start != null && s.end != null && failover(s.name)) kill = s;
        }
        if (kill == null) return;
        Instant a = kill.start.minusSeconds(3);
        Instant b = kill.end.plusSeconds(3);
        List<JournalState> window = new ArrayList<>();
        JournalState lastBefore = null;
        for (JournalState s : m.states) {
            if (s.instant().isBefore(a)) lastBefore = s;
            else if (!s.instant().isAfter(b)) window.add(s);
        }
        if (lastBefore != null) window.add(0, lastBefore);
        List<TimelineChart.Mark> km = marks.stream().filter(x -> !x.at().isBefore(a) && !x.at().isAfter(b)).collect(Collectors.toList());
        String title = t.tr("timeline.failover", label(kill.name));
        d.image("timeline-failover.png", TimelineChart.render(title, window, km, a, b), title);
    }

    /** A step's mark: its title in the report's language, without the command in brackets. */
    private String label(String step) {
        return titles.title(step).replaceFirst("\\s*\\([^()]*\\)$", "");
    }

    /** A node event the journal kept as data (a cut, a node fencing itself), as a mark in the report's language. */
    private java.util.Optional<TimelineChart.Mark> nodeEvent(JournalEntry e) {
        io.failoverlab.lab.Msg msg = e.kind() != JournalEntry.Type.NOTE || e.data() == null ? null
                : io.failoverlab.lab.MsgData.fromData(e.data().get("msg"));
        if (msg == null || !JournalRecorder.NODE_EVENT.equals(msg.key())) return java.util.Optional.empty();
        return java.util.Optional.of(new TimelineChart.Mark(e.instant(), "◆ " + msg.render(t.locale()), true));
    }

    /** The bring-up's steps but verify stay off the picture, to keep it readable. */
    private static boolean unmarked(String name, Set<String> nodeNames) {
        return StepIds.isBringUp(name) && !StepIds.VERIFY.equals(name) || StepIds.isNodeStep(name, nodeNames);
    }

    /** Steps that make a failover happen: the second picture shows the last of them. */
    private static boolean failover(String name) {
        return name.equals(StepIds.KILL_NODE) || name.equals(StepIds.KILL_VM) || name.equals(StepIds.FAILOVER)
                || StepIds.is(name, StepIds.STOP_NODE);
    }
}
