package io.failoverlab.report;

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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Makes the lab report from a journal: report.md and a self-contained report.html (images as
 * data: URIs) in the original hand-written report's structure — preparation, installation,
 * monitor, nodes, testing, measured figures, conclusion — with the checkpoints at a glance on top.
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
    private static final Set<String> BUILD = Set.of("provision", "preflight", "install", "monitor", "verify", "up");
    private static final Set<String> SUMMARY_RECORDS = Set.of("up", "rejoin killed node");
    private static final Pattern VERSIONS = Pattern.compile("pg_auto_failover (\\S+), PostgreSQL (\\S+)");

    private final Journal journal;
    private final Options options;
    private final ReportStrings t;
    private final Secrets secrets;
    private JournalModel m;
    private UnaryOperator<String> redactor = s -> s;

    public ReportWriter(Journal journal, Options options, Secrets secrets) {
        this.journal = journal;
        this.options = options;
        this.t = ReportStrings.of(options.lang());
        this.secrets = secrets == null ? Secrets.patterns() : secrets;
    }

    /** A group of steps shown as one numbered part of a section. */
    static final class Item {
        final String section;
        String title;
        final List<JournalModel.Step> steps = new ArrayList<>();

        Item(String section) {
            this.section = section;
        }

        boolean ok() { return steps.stream().allMatch(s -> Boolean.TRUE.equals(s.ok)); }

        double seconds() { return Math.round(steps.stream().mapToDouble(s -> s.seconds).sum() * 100) / 100.0; }

        JournalModel.Step last() { return steps.get(steps.size() - 1); }
    }

    public Result write(Path outDir) throws IOException {
        m = JournalModel.of(journal.read());
        redactor = redactor();
        Doc doc = build();
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
        io.failoverlab.lab.LabProfiles.writeAtomically(md, MarkdownRenderer.render(doc).getBytes(StandardCharsets.UTF_8));
        io.failoverlab.lab.LabProfiles.writeAtomically(html, HtmlRenderer.render(doc, t.locale().getLanguage()).getBytes(StandardCharsets.UTF_8));
        List<Item> items = items();
        return new Result(md, html, written, items.size(), (int) items.stream().filter(Item::ok).count());
    }

    /** Replaces the lab's data folder (and its parent), the journal folder and the home folder with placeholders. */
    private UnaryOperator<String> redactor() {
        if (!options.redact()) return s -> s;
        Map<String, String> map = new LinkedHashMap<>();
        String dataDir = m.labString("dataDir", null);
        if (dataDir != null && !dataDir.isBlank()) {
            Path p = Path.of(dataDir);
            if (p.getParent() != null && p.getParent().getParent() != null) map.put(p.getParent().toString(), "<lab-folder>");
            else map.put(dataDir, "<data>");
        }
        map.put(journal.dir().toAbsolutePath().toString(), "<journal>");
        String home = System.getProperty("user.home");
        if (home != null && home.length() > 1) map.put(home, "~");
        return s -> {
            if (s == null) return null;
            String r = s;
            for (Map.Entry<String, String> e : map.entrySet()) r = r.replace(e.getKey(), e.getValue());
            return r.replace("/tmp/", "<tmp>/");
        };
    }

    /** Everything that came from the lab passes here: secrets masked, folders redacted. */
    private String clean(String s) {
        return s == null ? "" : redactor.apply(secrets.mask(s));
    }

    // ---------------------------------------------------------------- structure

    List<Item> items() {
        List<Item> items = new ArrayList<>();
        Set<String> nodeNames = m.instances().stream().filter(i -> "node".equals(i.get("role")))
                .map(i -> String.valueOf(i.get("name"))).collect(Collectors.toSet());
        boolean testing = false;
        Item group = null;
        for (JournalModel.Step s : m.leaves()) {
            boolean build = BUILD.contains(s.name) || nodeNames.contains(s.name) || s.name.matches("node\\d+");
            boolean teardown = s.name.startsWith("stop ") || s.name.startsWith("destroy ");
            if (!testing && build) {
                Item it = new Item(sectionOf(s.name));
                it.title = title(s.name);
                it.steps.add(s);
                items.add(it);
                continue;
            }
            testing = true;
            if (build && s.start != null || teardown) {
                String kind = build ? "rebuild" : s.name.startsWith("destroy ") ? "destroy" : "stop";
                if (group == null || !kind.equals(group.title)) {
                    group = new Item("testing");
                    group.title = kind;
                    items.add(group);
                }
                group.steps.add(s);
                continue;
            }
            if (SUMMARY_RECORDS.contains(s.name) && s.start == null && group != null && "rebuild".equals(group.title)) {
                group.steps.add(s);
                group.title = title(s.name);
                group = null;
                continue;
            }
            group = null;
            Item it = new Item("testing");
            it.title = title(s.name);
            it.steps.add(s);
            items.add(it);
        }
        for (Item it : items) {
            if ("rebuild".equals(it.title)) it.title = t.tr("step.rebuild");
            else if ("stop".equals(it.title) || "destroy".equals(it.title)) {
                String names = it.steps.stream().map(s -> s.name.substring(s.name.indexOf(' ') + 1)).collect(Collectors.joining(", "));
                it.title = t.tr("step." + it.title, names);
            }
        }
        return items;
    }

    private static String sectionOf(String step) {
        switch (step) {
            case "provision": case "preflight": return "preparation";
            case "install": return "installation";
            case "monitor": return "monitor";
            default: return "nodes";
        }
    }

    String title(String name) {
        String[] w = name.split(" ", 2);
        String head = w[0];
        String arg = w.length > 1 ? w[1] : "";
        if (name.equals("verify writes")) return t.tr("step.verify-writes");
        switch (head) {
            case "provision": case "preflight": case "install": case "monitor": case "verify": case "up":
            case "datacheck": case "switchover": case "failover": case "stop-monitor": case "start-monitor":
                return t.tr("step." + head);
            case "profile": return t.tr("step.profile", arg);
            case "kill-primary": return t.has("step.kill-primary." + arg) ? t.tr("step.kill-primary." + arg) : t.tr("step.other", name);
            case "rejoin": return t.tr("step.rejoin");
            case "drop-node": case "add-node": case "maintenance": case "promote": case "stop-node": case "start-node":
                return t.tr("step." + head, arg).strip();
            default:
                if (m.instances().stream().anyMatch(i -> name.equals(i.get("name")) && "node".equals(i.get("role"))) || name.matches("node\\d+")) {
                    return t.tr("step.node", name);
                }
                return t.tr("step.other", name);
        }
    }

    // ---------------------------------------------------------------- document

    private Doc build() throws IOException {
        List<Item> items = items();
        Doc d = new Doc(t.tr("title", m.labString("name", "lab")));
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneId.of("UTC"));
        d.p(t.tr("generated", fmt.format(Instant.now()), m.first == null ? "-" : fmt.format(m.first), m.last == null ? "-" : fmt.format(m.last)));

        // the instructor's view: every checkpoint, pass or fail
        Map<Item, String> numbers = new LinkedHashMap<>();
        for (int si = 0; si < SECTIONS.size(); si++) {
            int n = "preparation".equals(SECTIONS.get(si)) ? 1 : 0; // 1.1 is the environment
            for (Item it : items) {
                if (it.section.equals(SECTIONS.get(si))) numbers.put(it, (si + 1) + "." + (++n));
            }
        }
        d.h(2, t.tr("summary.title"), "summary");
        long passed = items.stream().filter(Item::ok).count();
        d.strong(passed == items.size() ? t.tr("summary.overall.pass", items.size()) : t.tr("summary.overall.fail", passed, items.size()));
        List<List<String>> rows = new ArrayList<>();
        for (Item it : items) {
            rows.add(List.of(numbers.get(it), t.tr("section." + it.section), clean(it.title),
                    it.ok() ? "✅ " + t.tr("summary.pass") : "❌ " + t.tr("summary.fail"), seconds(it.seconds())));
        }
        d.table(List.of(t.tr("summary.col.number"), t.tr("summary.col.section"), t.tr("summary.col.checkpoint"),
                t.tr("summary.col.result"), t.tr("summary.col.seconds")), rows);

        for (int si = 0; si < SECTIONS.size(); si++) {
            String sec = SECTIONS.get(si);
            int no = si + 1;
            d.h(2, no + ". " + t.tr("section." + sec), "section-" + sec);
            if ("preparation".equals(sec)) {
                environment(d, no + ".1");
                for (String shot : m.looseShots) screenshot(d, shot);
            }
            if ("figures".equals(sec)) {
                figures(d, no);
                continue;
            }
            if ("conclusion".equals(sec)) {
                conclusion(d);
                continue;
            }
            boolean any = false;
            for (Item it : items) {
                if (!it.section.equals(sec)) continue;
                any = true;
                item(d, numbers.get(it), it);
            }
            if (!any && !"preparation".equals(sec)) d.p(t.tr("section.empty"));
        }
        return d;
    }

    private void environment(Doc d, String number) {
        d.h(3, number + " " + t.tr("env.title"), "environment");
        List<List<String>> rows = new ArrayList<>();
        String provider = m.labString("provider", "local");
        rows.add(List.of(t.tr("env.provider"), t.has("provider." + provider) ? t.tr("provider." + provider) : provider));
        Object gce = m.lab.get("gce");
        if (gce instanceof Map<?, ?> g) {
            rows.add(List.of("GCE", clean(g.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")))));
        }
        for (Map<String, Object> h : m.hosts()) {
            String id = String.valueOf(h.get("id"));
            String k = "host." + id + ".";
            StringBuilder v = new StringBuilder(clean(String.valueOf(h.get("label"))));
            Object os = m.env.get(k + "os");
            if (os != null) v.append(" — ").append(clean(String.valueOf(os)));
            Object kernel = m.env.get(k + "kernel");
            if (kernel != null) v.append(", ").append(clean(String.valueOf(kernel)));
            if (m.env.get(k + "cpus") != null) {
                v.append(", ").append(t.tr("env.machine.details", clean(String.valueOf(m.env.get(k + "cpus"))),
                        clean(String.valueOf(m.env.getOrDefault(k + "memory", "?")))));
            }
            rows.add(List.of(t.tr("env.machines") + " (" + id + ")", v.toString()));
        }
        String[] versions = versions();
        rows.add(List.of(t.tr("env.postgres"), versions[1] == null ? t.tr("env.unknown") : versions[1]));
        rows.add(List.of(t.tr("env.pgaf"), versions[0] == null ? t.tr("env.unknown") : versions[0]));
        rows.add(List.of(t.tr("env.profile"), profile()));
        rows.add(List.of(t.tr("env.layout"), m.instances().stream()
                .map(i -> i.get("name") + " @ " + i.get("host") + ":" + i.get("port")).collect(Collectors.joining("; "))));
        rows.add(List.of(t.tr("env.database"), m.labString("database", "?") + " (formation " + m.labString("formation", "default") + ")"));
        rows.add(List.of(t.tr("env.security"), m.labString("auth", "?") + " / " + m.labString("ssl", "?")));
        d.table(List.of(t.tr("env.col.item"), t.tr("env.col.value")), rows);
    }

    /** [pg_auto_failover, PostgreSQL]: from the environment probe, else the scenario, else the install step's message. */
    private String[] versions() {
        String pgaf = null;
        String pg = null;
        for (Map.Entry<String, Object> e : m.env.entrySet()) {
            if (pgaf == null && e.getKey().endsWith(".pgautofailover")) pgaf = String.valueOf(e.getValue());
            if (pg == null && e.getKey().endsWith(".postgres")) pg = String.valueOf(e.getValue());
        }
        if (m.scenario != null) {
            if (pgaf == null && m.scenario.get("pgAutoFailoverVersion") != null) pgaf = String.valueOf(m.scenario.get("pgAutoFailoverVersion"));
            if (pg == null && m.scenario.get("postgresVersion") != null) pg = String.valueOf(m.scenario.get("postgresVersion"));
        }
        for (JournalModel.Step s : m.steps.values()) {
            if (!"install".equals(s.name) || s.message == null) continue;
            Matcher v = VERSIONS.matcher(s.message);
            if (v.find()) {
                if (pgaf == null) pgaf = v.group(1);
                if (pg == null) pg = v.group(2);
            }
        }
        return new String[]{pgaf, pg};
    }

    private String profile() {
        if (m.scenario != null && m.scenario.get("profile") != null) return String.valueOf(m.scenario.get("profile"));
        String p = m.labString("timingProfile", "default");
        for (JournalModel.Step s : m.steps.values()) {
            if (s.name.startsWith("profile ") && Boolean.TRUE.equals(s.ok)) p = s.name.substring(8);
        }
        return p;
    }

    private void item(Doc d, String number, Item it) throws IOException {
        d.h(3, number + " " + clean(it.title), "step-" + number.replace('.', '-'));
        List<String> commands = new ArrayList<>();
        StringBuilder output = new StringBuilder();
        int lines = 0;
        List<JournalEntry> events = new ArrayList<>();
        Map<String, Double> figures = new LinkedHashMap<>();
        JournalState after = null;
        List<String> shots = new ArrayList<>();
        for (JournalModel.Step s : it.steps) {
            for (JournalEntry e : s.lines) {
                String text = clean(e.text());
                String src = e.source() == null ? "" : e.source();
                switch (e.type()) {
                    case "cmd":
                        commands.add(text.startsWith("write ") ? "# " + text : text);
                        output.append(text).append('\n');
                        break;
                    case "note":
                        output.append("# ").append(text).append('\n');
                        break;
                    default:
                        output.append("ERROR".equals(e.level()) ? "! " : "").append(text).append('\n');
                        if (!"app".equals(src)) lines++;
                }
            }
            events.addAll(s.events);
            figures.putAll(s.figures);
            if (s.after != null) after = s.after;
            shots.addAll(s.shots);
        }
        if (!commands.isEmpty()) {
            d.p(t.tr("item.commands") + ":");
            d.code(String.join("\n", commands), "console");
        }
        if (output.length() > 0) d.details(t.tr("item.output", lines), output.toString());
        else d.p(t.tr("item.output.none"));
        if (!events.isEmpty()) {
            d.details(t.tr("item.events", events.size()), events.stream()
                    .map(e -> e.instant().toString().substring(11, 23) + "  " + clean(e.text())).collect(Collectors.joining("\n")));
        }
        if (!figures.isEmpty()) {
            d.p(t.tr("item.figures") + ":");
            List<List<String>> rows = new ArrayList<>();
            figures.forEach((k, v) -> rows.add(List.of(k, number(v))));
            d.table(List.of(t.tr("item.figure.col.name"), t.tr("item.figure.col.value")), rows);
        }
        d.p(t.tr("item.state") + ":");
        if (after != null) d.code(clean(stateTable(after)), "text");
        else d.p(t.tr("item.state.none"));
        for (String shot : shots) screenshot(d, shot);
        JournalModel.Step last = it.last();
        String msg = clean(last.msg != null ? last.msg.render(java.util.Locale.forLanguageTag(options.lang())) : last.message == null ? "" : last.message);
        d.strong(it.ok() ? t.tr("item.verdict.pass", seconds(it.seconds()), msg) : t.tr("item.verdict.fail", seconds(it.seconds()),
                clean(it.steps.stream().filter(s -> !Boolean.TRUE.equals(s.ok)).map(s -> s.name + ": " + s.message).findFirst().orElse(msg))));
    }

    private void screenshot(Doc d, String file) throws IOException {
        Path p = journal.dir().resolve(file).normalize();
        if (!p.startsWith(journal.dir().normalize()) || !Files.isRegularFile(p)) return;
        String name = p.getFileName().toString();
        d.image(name, Files.readAllBytes(p), t.tr("item.screenshots") + ": " + name);
    }

    /** The monitor's view as `pg_autoctl show state` prints it. */
    static String stateTable(JournalState s) {
        if (!s.reachable()) return "monitor unreachable" + (s.error() == null ? "" : ": " + s.error());
        String[] head = {"Name", "Node", "Host:Port", "TLI: LSN", "Connection", "Reported State", "Assigned State"};
        List<String[]> rows = new ArrayList<>();
        for (JournalState.Row r : s.nodes()) {
            rows.add(new String[]{r.name(), String.valueOf(r.nodeId()), r.host() + ":" + r.port(), r.tli() + ": " + (r.lsn() == null ? "" : r.lsn()),
                    r.connection(), r.reported(), r.assigned()});
        }
        int[] w = new int[head.length];
        for (int i = 0; i < head.length; i++) {
            w[i] = head[i].length();
            for (String[] r : rows) w[i] = Math.max(w[i], r[i].length());
        }
        StringBuilder sb = new StringBuilder();
        line(sb, head, w);
        for (int i = 0; i < w.length; i++) sb.append(i == 0 ? "" : "-+-").append("-".repeat(w[i]));
        sb.append('\n');
        for (String[] r : rows) line(sb, r, w);
        return sb.toString();
    }

    private static void line(StringBuilder sb, String[] cells, int[] w) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) sb.append(" | ");
            sb.append(" ".repeat(w[i] - cells[i].length())).append(cells[i]);
        }
        sb.append('\n');
    }

    // ---------------------------------------------------------------- figures and timeline

    /** The measured figures: the scenario's when it ran, else what the operations measured. */
    Map<String, Object> figures() {
        Map<String, Object> f = new LinkedHashMap<>();
        String[] keys = {"timeToClusterSeconds", "switchoverSeconds", "switchoverWritableSeconds", "failoverSeconds",
                "expectedFailoverSeconds", "writeDowntimeSeconds", "acknowledgedWrites", "lostWrites", "inDoubtWrites"};
        if (m.scenario != null) {
            for (String k : keys) if (m.scenario.get(k) != null) f.put(k, m.scenario.get(k));
            Object rows = m.scenario.get("rowsOnEachNode");
            if (rows instanceof Map<?, ?> r) r.forEach((k, v) -> f.put("rows." + k, v));
            return f;
        }
        double cluster = 0;
        boolean clusterDone = false;
        for (JournalModel.Step s : m.leaves()) {
            if (!clusterDone && (BUILD.contains(s.name) || s.name.matches("node\\d+")) && s.start != null) {
                cluster += s.seconds;
                if ("verify".equals(s.name) && Boolean.TRUE.equals(s.ok)) {
                    clusterDone = true;
                    f.put("timeToClusterSeconds", Math.round(cluster * 100) / 100.0);
                }
            }
            if ("switchover".equals(s.name) && s.figures.containsKey("switchoverSeconds")) {
                f.put("switchoverSeconds", s.figures.get("switchoverSeconds"));
                if (s.figures.containsKey("writableSeconds")) f.put("switchoverWritableSeconds", s.figures.get("writableSeconds"));
            }
            for (String k : List.of("failoverSeconds", "expectedFailoverSeconds", "writeDowntimeSeconds")) {
                if (s.figures.containsKey(k) && !"switchover".equals(s.name)) f.put(k, s.figures.get(k));
            }
            if ("datacheck".equals(s.name)) {
                s.figures.forEach((k, v) -> { if (k.startsWith("rows.")) f.put(k, v); });
            }
        }
        return f;
    }

    private void figures(Doc d, int no) {
        Map<String, Object> f = figures();
        if (f.isEmpty()) {
            d.p(t.tr("figures.none"));
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (Map.Entry<String, Object> e : f.entrySet()) {
                String label = e.getKey().startsWith("rows.") ? t.tr("figure.rows", e.getKey().substring(5)) : t.tr("figure." + e.getKey());
                rows.add(List.of(label, e.getValue() instanceof Number n ? number(n.doubleValue()) : String.valueOf(e.getValue())));
            }
            d.table(List.of(t.tr("figures.col.figure"), t.tr("figures.col.value")), rows);
        }
        d.h(3, no + ".1 " + t.tr("timeline.title"), "timeline");
        if (m.states.isEmpty()) {
            d.p(t.tr("timeline.none"));
            return;
        }
        List<TimelineChart.Mark> marks = new ArrayList<>();
        for (JournalModel.Step s : m.leaves()) {
            if (s.start == null) continue;
            if (BUILD.contains(s.name) && !"verify".equals(s.name) || s.name.matches("node\\d+")) continue; // keep the picture readable
            marks.add(new TimelineChart.Mark(s.start, s.name, Boolean.TRUE.equals(s.ok)));
        }
        Instant from = m.states.get(0).instant().minusSeconds(1);
        Instant to = m.last == null ? m.states.get(m.states.size() - 1).instant().plusSeconds(1) : m.last;
        d.p(t.tr("timeline.caption"));
        d.image("timeline-session.png", TimelineChart.render(t.tr("timeline.session"), m.states, marks, from, to), t.tr("timeline.session"));
        JournalModel.Step kill = null;
        for (JournalModel.Step s : m.leaves()) {
            if (s.start != null && s.end != null && (s.name.equals("kill-primary node") || s.name.equals("kill-primary vm")
                    || s.name.equals("failover") || s.name.startsWith("stop-node"))) kill = s;
        }
        if (kill != null) {
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
            String title = t.tr("timeline.failover", kill.name);
            d.image("timeline-failover.png", TimelineChart.render(title, window, km, a, b), title);
        }
    }

    // ---------------------------------------------------------------- conclusion

    private void conclusion(Doc d) throws IOException {
        String own = journal.readConclusion();
        if (own != null && !own.isBlank()) {
            d.markdown(clean(own));
            return;
        }
        d.markdown(clean(draftConclusion()));
        d.p(t.tr("conclusion.hint", Journal.CONCLUSION));
    }

    /** A first conclusion from the measured figures, for the student to edit (conclusion.md). */
    public String draftConclusion() throws IOException {
        if (m == null) m = JournalModel.of(journal.read());
        Map<String, Object> f = figures();
        List<String> lines = new ArrayList<>();
        long nodes = m.instances().stream().filter(i -> "node".equals(i.get("role"))).count();
        if (f.get("timeToClusterSeconds") != null) lines.add(t.tr("conclusion.draft.cluster", nodes, num(f.get("timeToClusterSeconds"))));
        if (f.get("switchoverSeconds") != null) lines.add(t.tr("conclusion.draft.switchover", num(f.get("switchoverSeconds"))));
        if (m.steps.values().stream().anyMatch(s -> "kill-primary postgres".equals(s.name) && Boolean.TRUE.equals(s.ok))) {
            lines.add(t.tr("conclusion.draft.postgresKill"));
        }
        if (f.get("failoverSeconds") != null) {
            lines.add(t.tr("conclusion.draft.failover", num(f.get("failoverSeconds")),
                    f.get("expectedFailoverSeconds") == null ? "?" : num(f.get("expectedFailoverSeconds"))));
        }
        if (f.get("acknowledgedWrites") != null) {
            lines.add(t.tr("conclusion.draft.writes", num(f.get("acknowledgedWrites")), num(f.get("lostWrites"))));
        }
        List<String> failed = items().stream().filter(i -> !i.ok()).map(i -> i.title).collect(Collectors.toList());
        if (!failed.isEmpty()) lines.add(t.tr("conclusion.draft.failures", String.join("; ", failed)));
        if (lines.isEmpty()) lines.add(t.tr("conclusion.draft.none"));
        return String.join("\n\n", lines) + "\n";
    }

    private String num(Object o) {
        return o instanceof Number n ? number(n.doubleValue()) : String.valueOf(o);
    }

    private String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%d", (long) v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private String seconds(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
