package io.failoverlab.report;

import io.failoverlab.lab.SettingsTable;
import io.failoverlab.lab.StateTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** One checkpoint in full: its commands with their output, the folded technical details and events, figures, the state after it, screenshots, verdict. */
final class CheckpointSection {
    private final Journal journal;
    private final ReportStrings t;
    private final Redaction r;
    private final Locale language;

    CheckpointSection(Journal journal, ReportStrings t, Redaction r, String lang) {
        this.journal = journal;
        this.t = t;
        this.r = r;
        this.language = Locale.forLanguageTag(lang);
    }

    void write(Doc d, String number, Checkpoints.Item it) throws IOException {
        d.h(3, number + " " + r.clean(it.title), "step-" + number.replace('.', '-'));
        List<JournalEntry> lines = new ArrayList<>();
        List<JournalEntry> events = new ArrayList<>();
        Map<String, Double> figures = new LinkedHashMap<>();
        JournalState after = null;
        List<String> shots = new ArrayList<>();
        for (JournalModel.Step s : it.steps) {
            lines.addAll(s.lines);
            events.addAll(s.events);
            figures.putAll(s.figures);
            if (s.after != null) after = s.after;
            shots.addAll(s.shots);
        }
        CommandBlocks b = CommandBlocks.of(lines, r::clean, language);
        if (b.personCommands > 0) {
            d.p(t.tr("item.commands") + ":");
            d.code(b.person.toString().stripTrailing(), "console");
        } else {
            d.p(t.tr(b.probes > 0 ? "item.commands.probesOnly" : "item.output.none"));
        }
        if (b.technical.length() > 0) d.details(b.probes > 0 ? t.tr("item.technical", b.probes) : t.tr("item.technical.notes"), b.technical.toString());
        if (!events.isEmpty()) {
            d.details(t.tr("item.events", events.size()), events.stream()
                    .map(e -> clock(e.instant()) + "  " + r.clean(e.text())).collect(Collectors.joining("\n")));
        }
        if (!figures.isEmpty()) {
            d.p(t.tr("item.figures") + ":");
            List<List<String>> rows = new ArrayList<>();
            figures.forEach((k, v) -> rows.add(List.of(k, ReportFormat.number(v))));
            d.table(List.of(t.tr("item.figure.col.name"), t.tr("item.figure.col.value")), rows);
        }
        d.p(t.tr("item.state") + ":");
        if (after != null) d.code(r.clean(stateTable(after)), "text");
        else d.p(t.tr("item.state.none"));
        for (String shot : shots) screenshot(d, shot);
        verdict(d, it);
    }

    private void verdict(Doc d, Checkpoints.Item it) {
        JournalModel.Step last = it.last();
        String msg = r.clean(last.msg != null ? last.msg.render(language) : last.message == null ? "" : last.message);
        String seconds = ReportFormat.seconds(it.seconds());
        d.strong(it.ok() ? t.tr("item.verdict.pass", seconds, msg) : t.tr("item.verdict.fail", seconds,
                r.clean(it.steps.stream().filter(s -> !Boolean.TRUE.equals(s.ok))
                        .map(s -> s.name + ": " + (s.msg != null ? s.msg.render(language) : s.message)).findFirst().orElse(msg))));
    }

    /** A screenshot from the journal's folder (nothing outside it). */
    void screenshot(Doc d, String file) throws IOException {
        Path p = journal.dir().resolve(file).normalize();
        if (!p.startsWith(journal.dir().normalize()) || !Files.isRegularFile(p)) return;
        String name = p.getFileName().toString();
        d.image(name, Files.readAllBytes(p), t.tr("item.screenshots") + ": " + name);
    }

    /** The monitor's view as `pg_autoctl show state` prints it. */
    static String stateTable(JournalState s) {
        if (!s.reachable()) return "monitor unreachable" + (s.error() == null ? "" : ": " + s.error());
        List<StateTable.Row> rows = new ArrayList<>();
        for (JournalState.Row n : s.nodes()) {
            rows.add(new StateTable.Row(n.name(), n.nodeId(), n.host() + ":" + n.port(), n.tli() + ": " + (n.lsn() == null ? "" : n.lsn()),
                    n.connection(), n.health(), n.reported(), n.assigned()));
        }
        String settings = SettingsTable.render(s.settings("default"));
        return StateTable.render(rows, StateTable.Layout.REPORT) + (settings.isEmpty() ? "" : "\n" + settings);
    }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    /** An event's time of day in UTC, with milliseconds even on a whole second (Instant.toString drops them). */
    static String clock(Instant at) { return CLOCK.format(at); }
}
