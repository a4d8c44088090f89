package io.failoverlab.engine;

import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabSpec;

import java.util.ArrayList;
import java.util.List;

import static io.failoverlab.remote.ShellQuote.quote;

/**
 * This lab's lines in the postgres user's ~/.pgpass on a data node's host:
 * {@code <node address>:<port>:*:pgautofailover_replicator:<password>} for every data node.
 *
 * <p>Why: pg_autoctl 2.0 passes replication.password to pg_basebackup and pg_rewind, but when a
 * keeper rebuilds a standby after a switchover or failover it first checks the new primary's
 * replication slot over an ordinary connection as pgautofailover_replicator that carries no
 * password (primary_standby.c upstream_has_replication_slot): without a password file the old
 * primary never rejoins ("fe_sendauth: no password supplied"). pg_auto_failover's own
 * security guide (upstream docs/security.rst, not in this repository) names the
 * password file as the way to keep passwords out of the environment.
 *
 * <p>Lines are keyed by address and port, so other labs' lines on the same host stay as they
 * are; the file stays mode 600, owned by postgres; `down --destroy` removes the lab's lines.
 */
final class PassFile {
    static final String USER = "pgautofailover_replicator";

    private PassFile() { }

    static final String MONITOR_USER = "autoctl_node";

    /**
     * "addr:port:*:pgautofailover_replicator:" of each data node, then the monitor's
     * "addr:port:*:autoctl_node:" (':' and '\' escaped as libpq wants). The monitor's line lets
     * the node's URI carry no password: a URI with one would sit in pg_autoctl's arguments.
     */
    static List<String> prefixes(LabSpec lab) {
        List<String> out = new ArrayList<>();
        for (InstanceSpec n : lab.nodes) {
            out.add(escape(lab.hostOf(n).advertisedAddress()) + ":" + n.port + ":*:" + USER + ":");
        }
        out.add(escape(lab.hostOf(lab.monitor).advertisedAddress()) + ":" + lab.monitor.port + ":*:" + MONITOR_USER + ":");
        return out;
    }

    /** Replaces this lab's lines with ones carrying the passwords; prints "changed" or "unchanged". */
    static String ensureScript(LabSpec lab, String replicator, String autoctlNode) {
        List<String> lines = new ArrayList<>();
        List<String> prefixes = prefixes(lab);
        for (int i = 0; i < prefixes.size(); i++) {
            lines.add(prefixes.get(i) + escape(i < lab.nodes.size() ? replicator : autoctlNode));
        }
        return rewrite(lab, lines);
    }

    /** Removes this lab's lines (a missing file stays missing, one left empty goes). */
    static String removeScript(LabSpec lab) {
        return "[ -f \"$HOME/.pgpass\" ] || exit 0\n" + rewrite(lab, List.of())
                + "[ -s \"$f\" ] || rm -f \"$f\"\n"; // an empty password file is only clutter
    }

    private static String rewrite(LabSpec lab, List<String> add) {
        StringBuilder keep = new StringBuilder();
        for (String p : prefixes(lab)) {
            if (keep.length() > 0) keep.append(" && ");
            keep.append("index($0, \"").append(p.replace("\\", "\\\\")).append("\") != 1");
        }
        StringBuilder sb = new StringBuilder();
        sb.append("set -e\numask 077\nf=\"$HOME/.pgpass\"\n")
                // labs sharing one host (namespaces, several labs) rewrite the file one at a time
                .append("if command -v flock >/dev/null; then exec 9<\"$HOME\"; flock 9; fi\n")
                .append("touch \"$f\"\nchmod 600 \"$f\"\n")
                .append("tmp=$(mktemp \"$f.XXXXXX\")\n")
                .append("awk ").append(quote(keep + " { print }")).append(" \"$f\" > \"$tmp\"\n");
        if (!add.isEmpty()) {
            sb.append("printf '%s\\n'");
            for (String l : add) sb.append(' ').append(quote(l));
            sb.append(" >> \"$tmp\"\n");
        }
        sb.append("if cmp -s \"$tmp\" \"$f\"; then rm -f \"$tmp\"; echo unchanged; else mv -f \"$tmp\" \"$f\"; echo changed; fi\n");
        return sb.toString();
    }

    static String escape(String field) {
        return field.replace("\\", "\\\\").replace(":", "\\:");
    }
}
