package io.failoverlab.report;

import io.failoverlab.lab.StepIds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A first conclusion from the measured figures, for the student to edit (conclusion.md). */
final class ConclusionDraft {
    private ConclusionDraft() { }

    static String of(JournalModel m, ReportStrings t, List<Checkpoints.Item> items) {
        Map<String, Object> f = MeasuredFigures.collect(m);
        List<String> lines = new ArrayList<>();
        long nodes = m.instances().stream().filter(i -> "node".equals(i.get("role"))).count();
        if (f.get("timeToClusterSeconds") != null) lines.add(t.tr("conclusion.draft.cluster", nodes, ReportFormat.value(f.get("timeToClusterSeconds"))));
        if (f.get("switchoverSeconds") != null) lines.add(t.tr("conclusion.draft.switchover", ReportFormat.value(f.get("switchoverSeconds"))));
        if (m.steps.values().stream().anyMatch(s -> StepIds.KILL_POSTGRES.equals(s.name) && Boolean.TRUE.equals(s.ok))) {
            lines.add(t.tr("conclusion.draft.postgresKill"));
        }
        if (f.get("failoverSeconds") != null) {
            lines.add(t.tr("conclusion.draft.failover", ReportFormat.value(f.get("failoverSeconds")),
                    f.get("expectedFailoverSeconds") == null ? "?" : ReportFormat.value(f.get("expectedFailoverSeconds"))));
        }
        if (f.get("acknowledgedWrites") != null) {
            lines.add(t.tr("conclusion.draft.writes", ReportFormat.value(f.get("acknowledgedWrites")), ReportFormat.value(f.get("lostWrites"))));
        }
        List<String> failed = items.stream().filter(i -> !i.ok()).map(i -> i.title).collect(Collectors.toList());
        if (!failed.isEmpty()) lines.add(t.tr("conclusion.draft.failures", String.join("; ", failed)));
        if (lines.isEmpty()) lines.add(t.tr("conclusion.draft.none"));
        return String.join("\n\n", lines) + "\n";
    }
}
