package io.failoverlab.report;

import io.failoverlab.lab.StepIds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The measured figures and their labels: the scenario's when it ran, else what the operations measured. */
final class MeasuredFigures {
    private static final String[] SCENARIO_KEYS = {"timeToClusterSeconds", "switchoverSeconds", "switchoverWritableSeconds", "failoverSeconds",
            "expectedFailoverSeconds", "writeDowntimeSeconds", "acknowledgedWrites", "lostWrites", "inDoubtWrites"};
    private static final List<String> FAILOVER_KEYS = List.of("failoverSeconds", "expectedFailoverSeconds", "writeDowntimeSeconds");
    private static final String ROWS = "rows.";

    private MeasuredFigures() { }

    static Map<String, Object> collect(JournalModel m) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (m.scenario != null) {
            for (String k : SCENARIO_KEYS) if (m.scenario.get(k) != null) f.put(k, m.scenario.get(k));
            Object rows = m.scenario.get("rowsOnEachNode");
            if (rows instanceof Map<?, ?> r) r.forEach((k, v) -> f.put(ROWS + k, v));
            return f;
        }
        double cluster = 0;
        boolean clusterDone = false;
        java.util.Set<String> nodeNames = Checkpoints.nodeNames(m);
        for (JournalModel.Step s : m.leaves()) {
            // a node's bring-up step goes by the node's name, whatever the lab calls it
            if (!clusterDone && (StepIds.isBringUp(s.name) || StepIds.isNodeStep(s.name, nodeNames)) && s.start != null) {
                cluster += s.seconds;
                if (StepIds.VERIFY.equals(s.name) && Boolean.TRUE.equals(s.ok)) {
                    clusterDone = true;
                    f.put("timeToClusterSeconds", Math.round(cluster * 100) / 100.0);
                }
            }
            boolean switchover = StepIds.SWITCHOVER.equals(s.name);
            if (switchover && s.figures.containsKey("switchoverSeconds")) {
                f.put("switchoverSeconds", s.figures.get("switchoverSeconds"));
                if (s.figures.containsKey("writableSeconds")) f.put("switchoverWritableSeconds", s.figures.get("writableSeconds"));
            }
            for (String k : FAILOVER_KEYS) {
                if (s.figures.containsKey(k) && !switchover) f.put(k, s.figures.get(k));
            }
            if (StepIds.DATACHECK.equals(s.name)) {
                s.figures.forEach((k, v) -> { if (k.startsWith(ROWS)) f.put(k, v); });
            }
        }
        return f;
    }

    /** The figures' table, or a sentence saying there are none. */
    static void table(Doc d, ReportStrings t, Map<String, Object> f) {
        if (f.isEmpty()) {
            d.p(t.tr("figures.none"));
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Object> e : f.entrySet()) rows.add(List.of(label(t, e.getKey()), ReportFormat.value(e.getValue())));
        d.table(List.of(t.tr("figures.col.figure"), t.tr("figures.col.value")), rows);
    }

    static String label(ReportStrings t, String key) {
        return key.startsWith(ROWS) ? t.tr("figure.rows", key.substring(ROWS.length())) : t.tr("figure." + key);
    }
}
