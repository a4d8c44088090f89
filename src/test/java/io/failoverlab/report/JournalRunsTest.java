package io.failoverlab.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A report covers one run of the lab: by default from its last build to now. The journal here
 * holds three command line sessions and a window session: a failed `up`, a good `up` (a second
 * session), a switchover (a third session, same run), then the window's Build lab and a failed
 * data check.
 */
class JournalRunsTest {
    @TempDir Path dir;
    Instant t = Instant.parse("2026-12-03T10:00:00Z");
    int id = 1;
    final List<JournalEntry> j = new ArrayList<>();

    void session() {
        j.add(new JournalEntry("session", t.toString(), null, null, null, null, null, null, null, null, null, null, null, null, null,
                Map.of("name", "runs-lab", "instances", List.of(Map.of("role", "monitor", "name", "monitor"),
                        Map.of("role", "node", "name", "node1"), Map.of("role", "node", "name", "node2")))));
    }

    int step(String name, Integer parent, boolean ok, String message) {
        int me = id++;
        j.add(JournalEntry.of(JournalEntry.Type.START, me, name).parent(parent).at(t));
        t = t.plusSeconds(2);
        j.add(JournalEntry.of(JournalEntry.Type.END, me, name).at(t).result(ok, 2.0, message));
        return me;
    }

    void bringUp(Integer parent) {
        for (String s : List.of("preflight", "install", "monitor", "node1", "node2", "verify")) step(s, parent, true, s + " done");
    }

    List<JournalEntry> journal() {
        session();
        step("preflight", null, false, "Port 35897 on this machine is in use");     // run 1: a failed up
        t = t.plusSeconds(600);
        session();
        bringUp(null);                                                                  // run 2: up
        t = t.plusSeconds(60);
        session();
        step("switchover", null, true, "switched over");                                // run 2 still
        t = t.plusSeconds(600);
        session();
        int frame = id++;
        j.add(JournalEntry.of(JournalEntry.Type.START, frame, "build lab").at(t));       // run 3: Build lab in the window
        bringUp(frame);
        j.add(JournalEntry.of(JournalEntry.Type.END, frame, "build lab").at(t).result(true, 12.0, "built"));
        step("datacheck", null, false, "no-such-host.invalid");
        return j;
    }

    @Test
    void runsBeginAtEachBuildAndCarryTheLab() {
        List<JournalRuns.Run> runs = JournalRuns.of(journal());
        assertEquals(3, runs.size());
        assertEquals(List.of(1, 7, 8), runs.stream().map(r -> (int) r.entries().stream()
                .filter(e -> e.kind() == JournalEntry.Type.END).count()).toList());
        for (JournalRuns.Run r : runs) {
            assertEquals(JournalEntry.Type.SESSION, r.entries().get(0).kind(), "every run knows the lab");
        }
        assertTrue(runs.get(0).last().isBefore(runs.get(1).first()));
    }

    @Test
    void aSecondBringUpInTheSameSessionIsPartOfTheRun() {
        session();
        bringUp(null);
        step("kill-primary node", null, true, "killed");
        bringUp(null); // the scenario rejoining the killed node
        assertEquals(1, JournalRuns.of(j).size());
    }

    @Test
    void theReportCoversTheLastRunByDefaultAndListsTheOthers() throws IOException {
        write(journal());
        String last = report("en", null);
        assertFalse(last.contains("Port 35897"), "the failed up of run 1 is not in the last run's report");
        assertFalse(last.contains("switched over"), "run 2's switchover is not either");
        assertTrue(last.contains("no-such-host.invalid"), last);
        assertTrue(last.contains("Runs of this lab"), last);
        assertTrue(last.contains("This report covers run 3 of 3"), last);
        assertTrue(last.contains("2026-12-03 10:00:00 UTC"), "run 1 listed with its date: " + last);
        assertTrue(last.contains("0 of 1 checkpoints passed"), "run 1's verdict: " + last);
        assertAscending(last);

        String first = report("en", "1");
        assertTrue(first.contains("Port 35897"), first);
        assertFalse(first.contains("no-such-host.invalid"), first);

        String all = report("en", "all");
        assertTrue(all.contains("Port 35897") && all.contains("switched over") && all.contains("no-such-host.invalid"), all);

        String ru = report("ru", null);
        assertTrue(ru.contains("Запуски этой лаборатории") && ru.contains("запуск 3 из 3"), ru);

        assertThrows(ReportWriter.NoSuchRun.class, () -> report("en", "4"));
    }

    /** The checkpoints at a glance are numbered in the order they happened. */
    static void assertAscending(String md) {
        Matcher m = Pattern.compile("(?m)^\\| (\\d+)\\.(\\d+) \\|").matcher(md);
        int prev = 0;
        int rows = 0;
        while (m.find()) {
            int n = Integer.parseInt(m.group(1)) * 1000 + Integer.parseInt(m.group(2));
            assertTrue(n > prev, "checkpoint " + m.group(1) + "." + m.group(2) + " after a later one: " + md);
            prev = n;
            rows++;
        }
        assertTrue(rows >= 7, "the summary's rows were found: " + md);
    }

    void write(List<JournalEntry> entries) throws IOException {
        try (Journal journal = new Journal(dir.resolve("journal"))) {
            for (JournalEntry e : entries) journal.append(e);
        }
    }

    String report(String lang, String run) throws IOException {
        Path out = dir.resolve("out-" + lang + "-" + run);
        new ReportWriter(new Journal(dir.resolve("journal")), new ReportWriter.Options(lang, false, run), null).write(out);
        return Files.readString(out.resolve(ReportWriter.MARKDOWN), StandardCharsets.UTF_8);
    }
}
