package io.failoverlab.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The node-state table as text, in the columns of `pg_autoctl show state`: the one renderer for
 * the console's verbs (status, up, operations) and the report's state after each checkpoint.
 */
public final class StateTable {
    private StateTable() { }

    /** How the table is laid out; each face keeps the look it has always had. */
    public enum Layout {
        /** the console: cells left-aligned, health in a column of its own */
        CONSOLE(true, false),
        /** the report: cells right-aligned as pg_autoctl prints them, health folded into the connection */
        REPORT(false, true);

        final boolean health;
        final boolean rightAligned;

        Layout(boolean health, boolean rightAligned) {
            this.health = health;
            this.rightAligned = rightAligned;
        }
    }

    /** One node's cells; health is left out by the REPORT layout. */
    public record Row(String name, long nodeId, String hostPort, String tliLsn, String connection, String health,
                      String reported, String assigned) { }

    /** The console's table of a snapshot (a line saying so when the monitor did not answer). */
    public static String render(ClusterSnapshot s) {
        if (!s.monitorReachable()) return "monitor unreachable: " + s.error() + "\n";
        List<Row> rows = new ArrayList<>();
        for (NodeStatus n : s.nodes()) {
            rows.add(new Row(n.name(), n.nodeId(), n.hostPort(), n.tliLsn(),
                    n.reportedState().connection().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    n.health().name().toLowerCase(Locale.ROOT), n.reportedState().id(), n.assignedState().id()));
        }
        return render(rows, Layout.CONSOLE);
    }

    public static String render(List<Row> nodes, Layout layout) {
        List<String[]> rows = new ArrayList<>();
        rows.add(layout.health
                ? new String[]{"Name", "Node", "Host:Port", "TLI: LSN", "Connection", "Health", "Reported State", "Assigned State"}
                : new String[]{"Name", "Node", "Host:Port", "TLI: LSN", "Connection", "Reported State", "Assigned State"});
        for (Row r : nodes) {
            rows.add(layout.health
                    ? new String[]{r.name(), String.valueOf(r.nodeId()), r.hostPort(), r.tliLsn(), r.connection(), r.health(), r.reported(), r.assigned()}
                    : new String[]{r.name(), String.valueOf(r.nodeId()), r.hostPort(), r.tliLsn(), r.connection(), r.reported(), r.assigned()});
        }
        int[] w = new int[rows.get(0).length];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) w[i] = Math.max(w[i], r[i].length());
        StringBuilder sb = new StringBuilder();
        for (int ri = 0; ri < rows.size(); ri++) {
            String[] r = rows.get(ri);
            for (int i = 0; i < r.length; i++) {
                if (i > 0) sb.append(" | ");
                String pad = " ".repeat(w[i] - r[i].length());
                sb.append(layout.rightAligned ? pad + r[i] : r[i] + pad);
            }
            sb.append('\n');
            if (ri == 0) {
                for (int i = 0; i < w.length; i++) sb.append(i == 0 ? "" : "-+-").append("-".repeat(w[i]));
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
