package io.failoverlab.cli;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.NodeStatus;

import java.util.ArrayList;
import java.util.List;

/** The node-state table as text, in the columns of `pg_autoctl show state`. */
final class StateTable {
    private StateTable() { }

    static String render(ClusterSnapshot s) {
        if (!s.monitorReachable()) return "monitor unreachable: " + s.error() + "\n";
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"Name", "Node", "Host:Port", "TLI: LSN", "Connection", "Health", "Reported State", "Assigned State"});
        for (NodeStatus n : s.nodes()) {
            rows.add(new String[]{n.name(), String.valueOf(n.nodeId()), n.hostPort(), n.tliLsn(),
                    n.reportedState().connection().name().toLowerCase().replace('_', '-'),
                    n.health().name().toLowerCase(), n.reportedState().id(), n.assignedState().id()});
        }
        int[] w = new int[rows.get(0).length];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) w[i] = Math.max(w[i], r[i].length());
        StringBuilder sb = new StringBuilder();
        for (int ri = 0; ri < rows.size(); ri++) {
            String[] r = rows.get(ri);
            for (int i = 0; i < r.length; i++) {
                if (i > 0) sb.append(" | ");
                sb.append(String.format("%-" + w[i] + "s", r[i]));
            }
            sb.append('\n');
            if (ri == 0) {
                for (int i = 0; i < w.length; i++) {
                    if (i > 0) sb.append("-+-");
                    sb.append("-".repeat(w[i]));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
