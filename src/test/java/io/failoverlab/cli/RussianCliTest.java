package io.failoverlab.cli;

import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.StepResult;
import io.failoverlab.report.Journal;
import io.failoverlab.report.JournalRecorder;
import io.failoverlab.report.Secrets;
import io.failoverlab.testing.EnglishText;
import io.failoverlab.testing.TestLabs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

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
}
