package io.failoverlab.report;

import io.failoverlab.lab.LabProfiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the lab report from a journal: report.md and a self-contained report.html (images as
 * data: URIs) in the original hand-written report's structure — preparation, installation,
 * monitor, nodes, testing, measured figures, conclusion — with the checkpoints at a glance on top.
 * Which steps form a checkpoint is {@link Checkpoints}'; each section has a class of its own.
 */
public final class ReportWriter {
    public static final String MARKDOWN = "report.md";
    public static final String HTML = "report.html";
    public static final String IMAGES = "images";

    /**
     * What to make: language; redact replaces the lab's folders and the user's home with
     * placeholders; run: which run of the lab (null or "last": since its last build, "all", or a
     * run's number as the report's list of runs gives it).
     */
    public record Options(String lang, boolean redact, String run) {
        public Options {
            lang = lang == null ? "en" : lang;
        }

        public Options(String lang, boolean redact) { this(lang, redact, null); }
    }

    /** No run of that number in the journal. */
    public static final class NoSuchRun extends IllegalArgumentException {
        private final int runs;

        NoSuchRun(String asked, int runs) {
            super("no run " + asked + " in the journal (" + runs + " run(s))");
            this.runs = runs;
        }

        /** How many runs the journal holds. */
        public int runs() { return runs; }
    }

    /** What was made, and the checkpoints' tally. */
    public record Result(Path markdown, Path html, List<Path> images, int checkpoints, int passed) { }

    static final List<String> SECTIONS = List.of("preparation", "installation", "monitor", "nodes", "testing", "figures", "conclusion");

    private final Journal journal;
    private final Options options;
    private final ReportStrings t;
    private final Secrets secrets;
    private JournalModel m;
    private List<JournalRuns.Run> runs = List.of();
    private Redaction redaction;

    public ReportWriter(Journal journal, Options options, Secrets secrets) {
        this.journal = journal;
        this.options = options;
        this.t = ReportStrings.of(options.lang());
        this.secrets = secrets == null ? Secrets.patterns() : secrets;
        this.redaction = Redaction.masking(this.secrets);
    }

    public Result write(Path outDir) throws IOException {
        m = model();
        redaction = Redaction.of(options.redact(), m, journal.dir(), secrets);
        List<Checkpoints.Item> items = Checkpoints.of(m, t);
        Doc doc = build(items);
        Files.createDirectories(outDir);
        Path images = outDir.resolve(IMAGES);
        List<Path> written = new ArrayList<>();
        for (Doc.Block b : doc.blocks) {
            if (b instanceof Doc.Image i) {
                Files.createDirectories(images);
                Path f = images.resolve(i.name());
                Files.write(f, i.png());
                written.add(f);
            }
        }
        Path md = outDir.resolve(MARKDOWN);
        Path html = outDir.resolve(HTML);
        LabProfiles.writeAtomically(md, MarkdownRenderer.render(doc).getBytes(StandardCharsets.UTF_8));
        LabProfiles.writeAtomically(html, HtmlRenderer.render(doc, t.locale().getLanguage()).getBytes(StandardCharsets.UTF_8));
        return new Result(md, html, written, items.size(), (int) items.stream().filter(Checkpoints.Item::ok).count());
    }

    private Doc build(List<Checkpoints.Item> items) throws IOException {
        Doc d = new Doc(t.tr("title", m.labString("name", "lab")));
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneId.of("UTC"));
        d.p(t.tr("generated", fmt.format(Instant.now()), m.first == null ? "-" : fmt.format(m.first), m.last == null ? "-" : fmt.format(m.last)));
        Map<Checkpoints.Item, String> numbers = numbers(items);
        summary(d, items, numbers);
        CheckpointSection checkpoint = new CheckpointSection(journal, t, redaction, options.lang());
        for (int si = 0; si < SECTIONS.size(); si++) {
            String sec = SECTIONS.get(si);
            int no = si + 1;
            d.h(2, no + ". " + t.tr("section." + sec), "section-" + sec);
            if ("preparation".equals(sec)) {
                new EnvironmentSection(m, t, redaction).write(d, no + ".1");
                for (String shot : m.looseShots) checkpoint.screenshot(d, shot);
            }
            if ("figures".equals(sec)) {
                MeasuredFigures.table(d, t, MeasuredFigures.collect(m));
                new TimelineSection(m, t).write(d, no + ".1");
                continue;
            }
            if ("conclusion".equals(sec)) {
                conclusion(d, items);
                runs(d);
                continue;
            }
            boolean any = false;
            for (Checkpoints.Item it : items) {
                if (!it.section.equals(sec)) continue;
                any = true;
                checkpoint.write(d, numbers.get(it), it);
            }
            if (!any && !"preparation".equals(sec)) d.p(t.tr("section.empty"));
        }
        return d;
    }

    /** Each checkpoint's number, "section.n"; 1.1 is the environment. */
    private static Map<Checkpoints.Item, String> numbers(List<Checkpoints.Item> items) {
        Map<Checkpoints.Item, String> numbers = new LinkedHashMap<>();
        for (int si = 0; si < SECTIONS.size(); si++) {
            int n = "preparation".equals(SECTIONS.get(si)) ? 1 : 0;
            for (Checkpoints.Item it : items) {
                if (it.section.equals(SECTIONS.get(si))) numbers.put(it, (si + 1) + "." + (++n));
            }
        }
        return numbers;
    }

    /** The instructor's view: every checkpoint, pass or fail. */
    private void summary(Doc d, List<Checkpoints.Item> items, Map<Checkpoints.Item, String> numbers) {
        d.h(2, t.tr("summary.title"), "summary");
        long passed = items.stream().filter(Checkpoints.Item::ok).count();
        d.strong(passed == items.size() ? t.tr("summary.overall.pass", items.size()) : t.tr("summary.overall.fail", passed, items.size()));
        List<List<String>> rows = new ArrayList<>();
        for (Checkpoints.Item it : items) {
            rows.add(List.of(numbers.get(it), t.tr("section." + it.section), redaction.clean(it.title),
                    it.ok() ? "✅ " + t.tr("summary.pass") : "❌ " + t.tr("summary.fail"), ReportFormat.seconds(it.seconds())));
        }
        d.table(List.of(t.tr("summary.col.number"), t.tr("summary.col.section"), t.tr("summary.col.checkpoint"),
                t.tr("summary.col.result"), t.tr("summary.col.seconds")), rows);
    }

    /** The student's own conclusion when there is one, else the draft and where to write theirs. */
    private void conclusion(Doc d, List<Checkpoints.Item> items) throws IOException {
        String own = journal.readConclusion();
        if (own != null && !own.isBlank()) {
            d.markdown(redaction.clean(own));
            return;
        }
        d.markdown(redaction.clean(ConclusionDraft.of(m, t, items)));
        d.p(t.tr("conclusion.hint", Journal.CONCLUSION));
    }

    /** The chosen run of the journal, read back; the runs are kept for the list at the end. */
    private JournalModel model() throws IOException {
        List<JournalEntry> entries = journal.read();
        runs = JournalRuns.of(entries);
        List<JournalEntry> chosen = JournalRuns.select(entries, options.run());
        if (chosen == null) throw new NoSuchRun(options.run(), runs.size());
        return JournalModel.of(chosen);
    }

    /** Every run of the lab with its dates and verdict, the one reported marked (only when there is more than one). */
    private void runs(Doc d) {
        if (runs.size() < 2) return;
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneId.of("UTC"));
        boolean all = "all".equals(options.run());
        int shown = all ? 0 : options.run() == null || options.run().isBlank() || "last".equals(options.run())
                ? runs.size() : Integer.parseInt(options.run().trim());
        d.h(2, t.tr("runs.title"), "runs");
        d.p(t.tr(all ? "runs.all" : "runs.shown", shown, runs.size()));
        List<List<String>> rows = new ArrayList<>();
        for (JournalRuns.Run r : runs) {
            JournalModel rm = JournalModel.of(r.entries());
            List<Checkpoints.Item> its = Checkpoints.of(rm, t);
            long passed = its.stream().filter(Checkpoints.Item::ok).count();
            String verdict = its.isEmpty() ? t.tr("runs.empty")
                    : passed == its.size() ? "✅ " + t.tr("runs.passed", passed, its.size()) : "❌ " + t.tr("runs.failed", passed, its.size());
            rows.add(List.of((r.number() == shown ? "▶ " : "") + r.number(), r.first() == null ? "-" : fmt.format(r.first()),
                    r.last() == null ? "-" : fmt.format(r.last()), verdict));
        }
        d.table(List.of(t.tr("runs.col.number"), t.tr("runs.col.from"), t.tr("runs.col.to"), t.tr("runs.col.verdict")), rows);
        d.p(t.tr("runs.hint"));
    }

    /** A first conclusion from the measured figures, for the student to edit (conclusion.md). */
    public String draftConclusion() throws IOException {
        if (m == null) m = model();
        return ConclusionDraft.of(m, t, Checkpoints.of(m, t));
    }
}
