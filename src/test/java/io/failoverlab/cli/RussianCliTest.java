package io.failoverlab.cli;

import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.StepIds;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.StepResult;
import io.failoverlab.report.Journal;
import io.failoverlab.report.JournalRecorder;
import io.failoverlab.report.Secrets;
import io.failoverlab.testing.EnglishText;
import io.failoverlab.testing.TestLabs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.failoverlab.cli.CliTest.assertOneSentence;
import static io.failoverlab.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With --lang ru the verbs' own sentences are Russian (testing.EnglishText finds no English run in them). */
class RussianCliTest {
    /**
     * The verb's own lines: the state table (pg_autoctl's layout) left out, and a cause quoted in
     * «…», which is what the monitor or its driver said in their own words.
     */
    static List<String> english(CliTest.Run r) {
        List<String> lines = (r.out() + r.err()).lines().filter(l -> !l.contains(" | ") && !l.contains("-+-"))
                .map(l -> l.replaceAll("«[^»]*»", "«»")).toList();
        return EnglishText.problems(lines);
    }

    @Test
    void statusOfALabThatIsNotUpIsRussian() throws Exception {
        Path root = TestLabs.tempRoot("cli-ru-status-");
        try {
            CliTest.Run r = cli("--lang", "ru", "--config-dir", root.resolve("config").toString(), "--monitor-port", String.valueOf(TestLabs.freePort()),
                    "--node-ports", TestLabs.freePort() + "," + TestLabs.freePort(), "status", "--data-dir", root.resolve("lab").toString());
            assertOneSentence(r);
            assertTrue(r.err().contains("недоступен"), r.err());
            assertEquals(List.of(), english(r));
        } finally {
            TestLabs.deleteTree(root);
        }
    }

    @Test
    void reportIsRussianAndSoIsItsFailure() throws Exception {
        Path root = TestLabs.tempRoot("cli-ru-report-");
        try {
            Path journal = root.resolve("journal");
            try (JournalRecorder j = new JournalRecorder(new Journal(journal), Secrets.patterns())) {
                j.session(LabSpec.local(root.resolve("lab").toString(), 6000, 6001, 6002));
                j.stepStarted("preflight");
                j.stepFinished(StepResult.passed("preflight", 0.1, Msg.of("step.preflight.done", 1)));
            }
            CliTest.Run ok = cli("report", "--lang", "ru", "--out", root.resolve("out").toString(), "--journal", journal.toString());
            assertEquals(0, ok.code(), ok.toString());
            assertTrue(ok.out().contains("Отчёт записан"), ok.out());
            assertEquals(List.of(), english(ok));

            CliTest.Run bad = cli("report", "--lang", "ru", "--out", "/proc/nope", "--journal", journal.toString());
            assertOneSentence(bad);
            assertTrue(bad.err().startsWith("Не удалось записать отчёт в /proc/nope: "), bad.err());
            assertEquals(List.of(), english(bad));
            CliTest.Run badEn = cli("report", "--out", "/proc/nope", "--journal", journal.toString());
            assertFalse(english(badEn).isEmpty(), "the same check finds the English sentence English: " + badEn.err());
        } finally {
            TestLabs.deleteTree(root);
        }
    }

    /** The five bad inputs of issue 25 and a truncated profile: one Russian sentence each, no class name, no Jackson or picocli text. */
    @Test
    void badInputIsOneRussianSentence() throws Exception {
        Path root = TestLabs.tempRoot("cli-ru-bad-");
        try {
            Path cfg = root.resolve("config");
            Map<String, String> profiles = new LinkedHashMap<>();
            profiles.put("debian11.json", "{\"name\": \"d11\", \"provider\": \"machines\", \"machines\": {\"debian\": \"11\", \"layout\": \"per-role\"}}");
            profiles.put("sideways.json", "{\"name\": \"s\",\n \"provider\": \"machines\",\n \"machines\": {\"layout\": \"sideways\"}}");
            profiles.put("gce.json", "{\"name\": \"g\", \"provider\": \"gce\", \"gce\": {\"project\": \"BAD_Project\", \"zone\": \"nowhere\"}}");
            profiles.put("truncated.json", "{\"name\": \"x\", \"nodes\": [");
            List<CliTest.Run> runs = new ArrayList<>();
            for (var p : profiles.entrySet()) {
                Path f = root.resolve(p.getKey());
                Files.writeString(f, p.getValue());
                runs.add(cli("status", "--lang", "ru", "--no-journal", "--config-dir", cfg.toString(), "--lab", f.toString()));
            }
            runs.add(cli("datacheck", "--rows", "-5", "--lang", "ru", "--no-journal", "--config-dir", cfg.toString()));
            runs.add(cli("frobnicate", "--lang", "ru"));
            runs.add(cli("--lang", "ru", "datacheck", "--rows", "many"));
            runs.add(cli("--lang=ru", "report", "--out"));
            for (CliTest.Run r : runs) {
                assertOneSentence(r);
                assertEquals(List.of(), english(r), r.err());
                assertFalse(r.err().matches("(?s).*(io\\.failoverlab|com\\.fasterxml|picocli|Cannot construct|end-of-input|Invalid value).*"), r.err());
                assertTrue(r.err().chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC), r.err());
            }
            assertTrue(runs.get(1).err().contains("строка 3: неизвестная раскладка «sideways»"), runs.get(1).err());
            assertTrue(runs.get(3).err().contains("обрывается"), runs.get(3).err());
        } finally {
            TestLabs.deleteTree(root);
        }
    }

    /** A failed up's report in Russian: the failed step's line and verdict read in Russian. */
    @Test
    void aFailedStepReadsRussianInTheReport() throws Exception {
        Path root = TestLabs.tempRoot("cli-ru-failed-");
        try {
            Path journal = root.resolve("journal");
            try (JournalRecorder j = new JournalRecorder(new Journal(journal), Secrets.patterns())) {
                j.session(LabSpec.local(root.resolve("lab").toString(), 6000, 6001, 6002));
                j.stepStarted("preflight");
                j.log(LogLine.of("local", LogLine.Level.COMMAND, "$ pg_autoctl show state"));
                j.log(LogLine.of("local", LogLine.Level.ERROR, "exit code 1"));
                Msg why = Msg.of("cli.failed", "connection refused");
                j.appLog(LogLine.Level.ERROR, Msg.of("log.stepFailed", StepIds.display("preflight"), why));
                j.stepFinished(StepResult.failed("preflight", 0.3, new LabException(why)));
            }
            CliTest.Run r = cli("report", "--lang", "ru", "--out", root.resolve("out").toString(), "--journal", journal.toString());
            assertEquals(0, r.code(), r.toString());
            String md = Files.readString(root.resolve("out").resolve("report.md"));
            assertTrue(md.contains("! шаг «проверка хостов» не пройден"), md);
            assertFalse(md.contains("step preflight failed"), md);
            assertTrue(md.contains("! код возврата 1"), md);
        } finally {
            TestLabs.deleteTree(root);
        }
    }
}
