package io.failoverlab.report;

import io.failoverlab.testing.ClusterTest;
import io.failoverlab.cli.Cli;
import io.failoverlab.engine.CompositeListener;
import io.failoverlab.engine.EngineListener;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.LabProfiles;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.StepResult;
import io.failoverlab.remote.Command;
import io.failoverlab.remote.LocalShell;
import io.failoverlab.testing.TestLabs;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A report from a real `scenario seed` (fast profile) on a local lab, through the CLI verbs with
 * the journal in the test's own config folder: every section is there, the images are real
 * pictures, planted secrets never reach the journal or the report, and the English and Russian
 * reports have the same structure. Also refreshes target/example-report (redacted).
 */
@ClusterTest
class ReportScenarioTest {
    static final String DISPLAY_SECRET = "hunter2-display-secret";
    static final String SQL_SECRET = "sql-planted-secret";
    static final String OUTPUT_SECRET = "output-planted-secret";
    static final String KEY_MATERIAL = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ";
    static final String ENV_SECRET = "env-passphrase-31337";

    @Test
    void reportFromARealSeedScenario() throws Exception {
        LabSpec lab = TestLabs.localLab("report-it");
        Path root = Path.of(lab.dataDir).getParent();
        Path labFile = root.resolve("lab.json");
        Path config = root.resolve("config");
        LabProfiles.save(lab, labFile);
        try {
            String log = cli("scenario", "seed", "--profile", "fast", "--json", root.resolve("seed.json").toString(),
                    "--lab", labFile.toString(), "--config-dir", config.toString());
            Path journalDir = Journal.dirFor(config, lab.name);
            assertTrue(Files.isRegularFile(journalDir.resolve(Journal.FILE)), log);

            // the example for the README: the real run, before anything is planted
            Path example = Path.of("target", "example-report");
            for (String lang : List.of("en", "ru")) {
                cli("report", "--out", example.resolve(lang).toString(), "--lang", lang, "--redact", "--lab", labFile.toString(),
                        "--config-dir", config.toString());
                String md = Files.readString(example.resolve(lang).resolve(ReportWriter.MARKDOWN));
                assertFalse(md.contains(root.toString()), "the redacted report names the test's folder");
                assertFalse(md.contains("/tmp/"), "the redacted report names /tmp");
            }

            // the lab reopened: one more step whose command and output carry secrets, with a secret in the environment
            JournalRecorder j = new JournalRecorder(new Journal(journalDir), Secrets.fromEnvironment(Map.of("FAILOVER_LAB_SSH_PASSPHRASE", ENV_SECRET)));
            j.session(lab);
            try (LabEngine e = new LabEngine(lab, h -> new LocalShell(), CompositeListener.of(EngineListener.NONE, new io.failoverlab.engine.JournalListener(j)))) {
                j.stepStarted("set password");
                String script = "echo 'ALTER ROLE app PASSWORD '\\''" + SQL_SECRET + "'\\'''; echo password=" + OUTPUT_SECRET
                        + "; printf -- '-----BEGIN OPENSSH PRIVATE KEY-----\\n" + KEY_MATERIAL + "\\n-----END OPENSSH PRIVATE KEY-----\\n'; echo "
                        + ENV_SECRET;
                var r = e.shells().of(lab.monitor).run(Command.of(script).timeout(Duration.ofSeconds(20))
                        .display("PGPASSWORD=" + DISPLAY_SECRET + " psql -c \"ALTER ROLE app PASSWORD '" + SQL_SECRET + "'\""));
                assertTrue(r.stdout().contains(OUTPUT_SECRET) && r.stdout().contains(KEY_MATERIAL), r.stdout()); // the secrets were really there
                j.stepFinished(StepResult.passed("set password", 0.1, "password set for app"));
            }

            Path out = root.resolve("report");
            String en = cli("report", "--out", out.resolve("en").toString(), "--lab", labFile.toString(), "--config-dir", config.toString());
            assertTrue(en.contains("Checkpoints passed:"), en);
            cli("report", "--out", out.resolve("ru").toString(), "--lang", "ru", "--lab", labFile.toString(), "--config-dir", config.toString());

            String mdEn = Files.readString(out.resolve("en/report.md"));
            String mdRu = Files.readString(out.resolve("ru/report.md"));
            String htmlEn = Files.readString(out.resolve("en/report.html"));
            String htmlRu = Files.readString(out.resolve("ru/report.html"));

            // every section, in order, in both languages
            for (String h : List.of("## Checkpoints at a glance", "## 1. Preparation", "### 1.1 Environment", "## 2. Installation", "## 3. Monitor",
                    "## 4. Nodes", "## 5. Testing", "## 6. Measured figures", "### 6.1 Failover timeline", "## 7. Conclusion")) {
                assertTrue(mdEn.contains(h), h + " missing:\n" + mdEn);
            }
            for (String h : List.of("## 1. Подготовка", "## 2. Установка", "## 3. Монитор", "## 4. Узлы", "## 5. Тестирование",
                    "## 6. Измеренные показатели", "## 7. Вывод")) {
                assertTrue(mdRu.contains(h), h + " missing:\n" + mdRu);
            }
            assertTrue(mdEn.indexOf("## 1. Preparation") < mdEn.indexOf("## 5. Testing") && mdEn.indexOf("## 5. Testing") < mdEn.indexOf("## 7. Conclusion"));
            String plainEn = mdEn.replace("\\_", "_").replace("\\*", "*"); // Markdown escapes undone
            for (String step : List.of("Switchover (pg_autoctl perform switchover)", "Kill the primary node (real failover)",
                    "Kill the primary's postgres", "Data check", "Drop node", "Re-add node", "Verify that no acknowledged write was lost",
                    "Create the monitor (pg_autoctl create monitor)", "Create node node1")) {
                assertTrue(plainEn.contains(step), step + " missing");
            }
            assertTrue(mdEn.contains("pg_autoctl create monitor") && mdEn.contains("pg_autoctl create postgres"), "the exact commands are shown");
            assertTrue(mdEn.contains("<details>") && htmlEn.contains("<details>"), "terminal output is folded");
            assertTrue(mdEn.contains("Reported State") && mdEn.contains("| Assigned State"), "the show state table");
            assertTrue(mdEn.contains("Verdict: PASS"), "verdicts");
            assertTrue(mdEn.contains("✅ PASS") && htmlEn.contains("class=\"pass\""), "instructor view");
            assertTrue(mdEn.contains("Time to cluster") && mdEn.contains("Writes acknowledged") && mdEn.contains("Acknowledged writes lost"));
            assertTrue(mdEn.contains("Debian") || mdEn.contains("Linux"), "the OS is named");
            assertTrue(mdEn.matches("(?s).*PostgreSQL \\| 1\\d\\.\\d+.*"), "the PostgreSQL version is named");

            // images: the linked PNGs and the embedded ones are real pictures
            List<Path> pngs = new ArrayList<>();
            try (Stream<Path> s = Files.list(out.resolve("en/images"))) {
                s.forEach(pngs::add);
            }
            assertTrue(pngs.stream().anyMatch(p -> p.getFileName().toString().equals("timeline-session.png")), pngs.toString());
            assertTrue(pngs.stream().anyMatch(p -> p.getFileName().toString().equals("timeline-failover.png")), pngs.toString());
            for (Path p : pngs) {
                assertTrue(mdEn.contains("](images/" + p.getFileName() + ")"), p + " not linked");
                assertRealPicture(Files.readAllBytes(p), p.toString());
            }
            Matcher data = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(htmlEn);
            int embedded = 0;
            while (data.find()) {
                assertRealPicture(Base64.getDecoder().decode(data.group(1)), "embedded image " + embedded);
                embedded++;
            }
            assertEquals(pngs.size(), embedded, "every image is embedded in the HTML");
            assertFalse(htmlEn.contains("src=\"images/") || htmlEn.contains("src=\"/"), "the HTML needs no other file");

            // no planted secret anywhere: journal, reports, images' folder
            List<Path> everything = new ArrayList<>();
            try (Stream<Path> s = Stream.concat(Files.walk(out), Files.walk(journalDir))) {
                s.filter(Files::isRegularFile).forEach(everything::add);
            }
            for (Path f : everything) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String secret : List.of(DISPLAY_SECRET, SQL_SECRET, OUTPUT_SECRET, KEY_MATERIAL, ENV_SECRET)) {
                    assertFalse(text.contains(secret), secret + " leaked into " + f);
                }
            }
            assertTrue(mdEn.contains("PGPASSWORD=" + Secrets.MASK) && mdEn.contains("PASSWORD '" + Secrets.MASK + "'"), "masked, not dropped");

            // the Russian example (the real run, before the planted step, whose sentence is the test's own English)
            // says nothing in English but commands, output and names
            assertEquals(List.of(), io.failoverlab.testing.EnglishText.problems(io.failoverlab.testing.EnglishText.prose(
                    Files.readString(example.resolve("ru").resolve(ReportWriter.MARKDOWN)))), "the Russian example report");

            // the same structure in both languages
            assertEquals(structure(mdEn), structure(mdRu));
            assertEquals(htmlStructure(htmlEn), htmlStructure(htmlRu));
            System.out.printf("BENCH report: %d checkpoints, %d images, report.md %d KB, report.html %d KB%n",
                    Pattern.compile("^\\| \\d+\\.\\d+ \\|", Pattern.MULTILINE).matcher(mdEn).results().count(), pngs.size(),
                    mdEn.length() / 1024, htmlEn.length() / 1024);
        } finally {
            try (LabEngine e = new LabEngine(lab, h -> new LocalShell(), EngineListener.NONE)) {
                e.down(true);
            }
            TestLabs.deleteTree(root);
        }
    }

    static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String log = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, String.join(" ", args) + "\n" + log);
        return log;
    }

    /** Decodable, of some size, and more than one colour. */
    static void assertRealPicture(byte[] png, String what) throws Exception {
        assertTrue(png.length > 1000, what + ": " + png.length + " bytes");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(img != null && img.getWidth() > 100 && img.getHeight() > 100, what + " is not an image of some size");
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                colours.add(img.getRGB(x, y));
                if (colours.size() > 8) return;
            }
        }
        throw new AssertionError(what + " has " + colours.size() + " colours only");
    }

    /** Heading levels in order, each table's size, code/details/image counts: what must not depend on the language. */
    static List<String> structure(String md) {
        List<String> s = new ArrayList<>();
        String[] lines = md.split("\n");
        boolean inFence = false;
        int tableRows = 0;
        int tableCols = 0;
        for (String l : lines) {
            if (l.startsWith("```")) {
                if (!inFence) s.add("code");
                inFence = !inFence;
                continue;
            }
            if (inFence) continue;
            if (l.startsWith("|")) {
                if (tableRows == 0) tableCols = l.split("(?<!\\\\)\\|", -1).length;
                tableRows++;
                continue;
            } else if (tableRows > 0) {
                s.add("table " + tableRows + "x" + tableCols);
                tableRows = 0;
            }
            Matcher h = Pattern.compile("^(#+) (\\d+(\\.\\d+)*\\.?)?").matcher(l);
            if (h.find()) s.add("h" + h.group(1).length() + " " + (h.group(2) == null ? "" : h.group(2)));
            else if (l.startsWith("<details>")) s.add("details");
            else if (l.startsWith("![")) s.add("image");
        }
        return s;
    }

    static List<String> htmlStructure(String html) {
        List<String> s = new ArrayList<>();
        Matcher m = Pattern.compile("<(h[1-6]|table|tr|td|th|details|img|pre)[ >]").matcher(html);
        while (m.find()) s.add(m.group(1));
        return s;
    }
}
