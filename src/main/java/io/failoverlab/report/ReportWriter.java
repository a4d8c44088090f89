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

    /** What to make: language; redact replaces the lab's folders and the user's home with placeholders. */
    public record Options(String lang, boolean redact) {
        public Options {
            lang = lang == null ? "en" : lang;
        }
    }

    /** What was made, and the checkpoints' tally. */
    public record Result(Path markdown, Path html, List<Path> images, int checkpoints, int passed) { }

    static final List<String> SECTIONS = List.of("preparation", "installation", "monitor", "nodes", "testing", "figures", "conclusion");

    private final Journal journal;
    private final Options options;
    private final ReportStrings t;
    private final Secrets secrets;
    private JournalModel m;
    private Redaction redaction;

    public ReportWriter(Journal journal, Options options, Secrets secrets) {
        this.journal = journal;
        this.options = options;
        this.t = ReportStrings.of(options.lang());
        this.secrets = secrets == null ? Secrets.patterns() : secrets;
        this.redaction = Redaction.masking(this.secrets);
    }

    public Result write(Path outDir) throws IOException {
        m = JournalModel.of(journal.read());
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

    /** A first conclusion from the measured figures, for the student to edit (conclusion.md). */
    public String draftConclusion() throws IOException {
        if (m == null) m = JournalModel.of(journal.read());
        return ConclusionDraft.of(m, t, Checkpoints.of(m, t));
    }
}
