package io.failoverlab.report;

import io.failoverlab.lab.StepIds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A lab's journal cut into runs. A run begins with a build: the window's "build lab" frame, or
 * the first bring-up step a command line session runs (`up`, `scenario seed`); everything after
 * it (operations, `down`) belongs to it until the next build. A later bring-up in the same session
 * (the scenario rejoining a killed node) is part of the run. Each run's entries start with the
 * lab and environment recorded before it, so a report of one run still knows the lab.
 */
final class JournalRuns {
    private JournalRuns() { }

    /** One run: 1-based number, its entries (with the lab's session and environment first), its first and last moment. */
    record Run(int number, List<JournalEntry> entries, Instant first, Instant last) { }

    static List<Run> of(List<JournalEntry> entries) {
        List<Integer> starts = new ArrayList<>();
        boolean sessionBuilt = false;
        int session = -1;          // where the current session began, while no step has run in it
        for (int i = 0; i < entries.size(); i++) {
            JournalEntry e = entries.get(i);
            JournalEntry.Type kind = e.kind();
            if (kind == JournalEntry.Type.SESSION) {
                sessionBuilt = false;
                session = i;
            }
            if (kind != JournalEntry.Type.START || e.step() == null) continue;
            boolean frame = StepIds.BUILD_LAB.equals(e.step());
            boolean bringUp = e.parent() == null && StepIds.BRING_UP.contains(e.step()) && !sessionBuilt;
            if (frame || bringUp) {
                // a session that begins with the build belongs to the run it starts
                starts.add(session >= 0 ? session : i);
                sessionBuilt = true;
            }
            session = -1;
        }
        List<Run> runs = new ArrayList<>();
        // what came before the first build is its own run only when a step ran in it
        int from = 0;
        if (!starts.isEmpty() && starts.get(0) > 0 && !hasSteps(entries.subList(0, starts.get(0)))) starts.set(0, 0);
        if (starts.isEmpty() || starts.get(0) > 0) starts.add(0, 0);
        for (int r = 0; r < starts.size(); r++) {
            from = starts.get(r);
            int to = r + 1 < starts.size() ? starts.get(r + 1) : entries.size();
            List<JournalEntry> own = entries.subList(from, to);
            List<JournalEntry> all = new ArrayList<>(context(entries.subList(0, from)));
            all.addAll(own);
            runs.add(new Run(r + 1, all, firstAt(own), lastAt(own)));
        }
        return runs;
    }

    /** The run asked for: null or "last" the last one, "all" the whole journal, else its number; null when there is no such run. */
    static List<JournalEntry> select(List<JournalEntry> entries, String which) {
        if ("all".equals(which)) return entries;
        List<Run> runs = of(entries);
        if (which == null || which.isBlank() || "last".equals(which)) return runs.get(runs.size() - 1).entries();
        int n;
        try {
            n = Integer.parseInt(which.trim());
        } catch (NumberFormatException e) {
            return null;
        }
        return n >= 1 && n <= runs.size() ? runs.get(n - 1).entries() : null;
    }

    private static boolean hasSteps(List<JournalEntry> entries) {
        return entries.stream().anyMatch(e -> e.kind() == JournalEntry.Type.START || e.kind() == JournalEntry.Type.END);
    }

    /** The lab's last session record and every environment record before a run: what the report needs to name the lab. */
    private static List<JournalEntry> context(List<JournalEntry> before) {
        List<JournalEntry> ctx = new ArrayList<>();
        JournalEntry session = null;
        for (JournalEntry e : before) {
            if (e.kind() == JournalEntry.Type.SESSION) session = e;
            else if (e.kind() == JournalEntry.Type.ENV) ctx.add(e);
        }
        if (session != null) ctx.add(0, session);
        return ctx;
    }

    private static Instant firstAt(List<JournalEntry> es) {
        for (JournalEntry e : es) {
            Instant at = at(e);
            if (at != null) return at;
        }
        return null;
    }

    private static Instant lastAt(List<JournalEntry> es) {
        for (int i = es.size() - 1; i >= 0; i--) {
            Instant at = at(es.get(i));
            if (at != null) return at;
        }
        return null;
    }

    private static Instant at(JournalEntry e) {
        try {
            return e.instant();
        } catch (RuntimeException ex) {
            return null;
        }
    }
}
