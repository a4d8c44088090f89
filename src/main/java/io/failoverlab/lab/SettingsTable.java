package io.failoverlab.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * The replication settings as `pg_autoctl show settings` prints them: the formation's
 * number_sync_standbys, the primary's synchronous_standby_names, each node's candidate priority
 * and replication quorum. What decides whom the monitor promotes and whether writes block.
 */
public final class SettingsTable {
    private SettingsTable() { }

    /** One line: context (formation, primary, node), name, setting, value. */
    public record Row(String context, String name, String setting, String value) { }

    /** The settings of a snapshot; empty when the monitor did not answer or the settings are unknown. */
    public static List<Row> rows(ClusterSnapshot s, String formation) {
        List<Row> rows = new ArrayList<>();
        if (!s.monitorReachable() || !s.formation().known()) return rows;
        rows.add(new Row("formation", formation, "number_sync_standbys", String.valueOf(s.formation().numberSyncStandbys())));
        s.writableNode().ifPresent(p -> rows.add(new Row("primary", p.name(), "synchronous_standby_names",
                "'" + (s.formation().synchronousStandbyNames() == null ? "" : s.formation().synchronousStandbyNames()) + "'")));
        for (NodeStatus n : s.nodes()) rows.add(new Row("node", n.name(), "candidatepriority", String.valueOf(n.candidatePriority())));
        for (NodeStatus n : s.nodes()) rows.add(new Row("node", n.name(), "replication_quorum", String.valueOf(n.replicationQuorum())));
        return rows;
    }

    /** Right-aligned like pg_autoctl; "" when there is nothing to show. */
    public static String render(List<Row> rows) {
        if (rows.isEmpty()) return "";
        String[] head = {"Context", "Name", "Setting", "Value"};
        int[] w = new int[4];
        for (int i = 0; i < 4; i++) w[i] = head[i].length();
        for (Row r : rows) {
            String[] c = cells(r);
            for (int i = 0; i < 4; i++) w[i] = Math.max(w[i], c[i].length());
        }
        StringBuilder sb = new StringBuilder();
        line(sb, head, w);
        for (int i = 0; i < 4; i++) sb.append(i == 0 ? "" : "-+-").append("-".repeat(w[i]));
        sb.append('\n');
        for (Row r : rows) line(sb, cells(r), w);
        return sb.toString();
    }

    private static String[] cells(Row r) { return new String[]{r.context(), r.name(), r.setting(), r.value()}; }

    private static void line(StringBuilder sb, String[] c, int[] w) {
        for (int i = 0; i < c.length; i++) {
            if (i > 0) sb.append(" | ");
            // the value last and left-aligned, as pg_autoctl prints it
            sb.append(i == 3 ? c[i] : " ".repeat(w[i] - c[i].length()) + c[i]);
        }
        sb.append('\n');
    }
}
