package io.failoverlab.ui.data;

import io.failoverlab.check.DataCheckResult;
import io.failoverlab.check.NodeDataResult;

import java.util.List;
import java.util.Locale;

/**
 * One line of the data-check grid. {@code verdict} says how to colour the write result: a
 * standby refusing the INSERT as read-only is EXPECTED (what the lab wants to show), not FAILED.
 */
public record DataCheckRow(String node, boolean reachable, String role, Long count, Long maxSerId, Boolean readOnly,
                           Write write, String writeMessage, String error) {

    public enum Write { ACCEPTED, REFUSED_AS_EXPECTED, FAILED, NOT_TRIED }

    public static DataCheckRow of(NodeDataResult n) {
        if (!n.reachable()) {
            return new DataCheckRow(n.node().name(), false, "", null, null, null, Write.NOT_TRIED, "", n.error() == null ? "" : n.error());
        }
        Write w = switch (n.write()) {
            case ACCEPTED -> Write.ACCEPTED;
            case REFUSED_READ_ONLY -> n.writeRefusedAsExpected() || Boolean.TRUE.equals(n.inRecovery()) ? Write.REFUSED_AS_EXPECTED : Write.FAILED;
            case FAILED -> Write.FAILED;
            case NOT_TRIED -> Write.NOT_TRIED;
        };
        String role = n.inRecovery() == null ? "" : n.inRecovery() ? "standby" : "primary";
        return new DataCheckRow(n.node().name(), true, role, n.tablePresent() ? n.rowCount() : null,
                n.tablePresent() ? n.maxSerId() : null, n.readOnly(), w, n.writeMessage() == null ? "" : n.writeMessage(), "");
    }

    public static List<DataCheckRow> rowsOf(DataCheckResult r) {
        return r == null ? List.of() : r.nodes().stream().map(DataCheckRow::of).toList();
    }

    /** CSS class of the write cell: ok (green), expected (neutral), failed (red), none. */
    public String writeStyleClass() {
        return switch (write) {
            case ACCEPTED -> "dc-ok";
            case REFUSED_AS_EXPECTED -> "dc-expected";
            case FAILED -> "dc-failed";
            case NOT_TRIED -> "dc-none";
        };
    }

    public String countText() { return count == null ? "—" : String.format(Locale.ROOT, "%,d", count); }

    public String maxText() { return maxSerId == null ? "—" : String.valueOf(maxSerId); }
}
