package io.failoverlab.ops;

import io.failoverlab.remote.Command;
import io.failoverlab.remote.CommandResult;
import io.failoverlab.remote.Shell;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The cut itself, on the node's own host, as root: an nftables table of the app's own (iptables
 * chains of its own where nft is missing) that silently drops traffic to and from the given peer
 * addresses, as when a cable is pulled. (A reset would not help: the host's own sockets never see
 * it, since the rule on the way in drops it too — tried on two network namespaces.) Connections
 * already open then wait in TCP retransmission; the keeper's one to the monitor gives up after
 * the monitor URI's tcp_user_timeout (LabEngine.KEEPER_MONITOR_TCP_TIMEOUT_MS). Traffic by peer
 * address only: the console's SSH comes from another address and keeps working (its SSH port is
 * accepted first anyway, in case the console sits on a peer's address). Removing it deletes only
 * that table or those chains.
 */
final class PartitionFilter {
    static final String TABLE = "failover_lab_partition";
    static final String CHAIN = "FAILOVER_LAB_PARTITION";

    private PartitionFilter() { }

    /** Replaces any earlier cut on this host (one atomic nft -f); prints which tool made it. */
    static String apply(Shell sh, Collection<String> peers, int sshPort, String comment) throws IOException {
        CommandResult r = sh.check(Command.asRoot(script(peers, sshPort, comment)).timeout(Duration.ofSeconds(30))
                .display("cut " + comment + " (" + String.join(", ", peers) + ") with the host's packet filter"));
        return r.stdout().strip();
    }

    /** True when this host had a cut of ours, which is now gone. */
    static boolean remove(Shell sh) throws IOException {
        CommandResult r = sh.check(Command.asRoot(removeScript()).timeout(Duration.ofSeconds(30)).display("heal: delete the app's packet-filter table"));
        return r.stdout().contains("removed");
    }

    /** True when this host carries a cut of ours now. */
    static boolean active(Shell sh) throws IOException {
        CommandResult r = sh.run(Command.asRoot(activeScript()).probe().timeout(Duration.ofSeconds(30)).display("is there a cut of ours?"));
        return r.ok() && r.stdout().contains("active");
    }

    static String script(Collection<String> peers, int sshPort, String comment) {
        List<String> v4 = new ArrayList<>();
        List<String> v6 = new ArrayList<>();
        for (String p : peers) (p.indexOf(':') >= 0 ? v6 : v4).add(p);
        StringBuilder nft = new StringBuilder();
        // the add-then-delete idiom makes the replacement atomic and idempotent
        nft.append("table inet ").append(TABLE).append(" {}\n");
        nft.append("delete table inet ").append(TABLE).append('\n');
        nft.append("table inet ").append(TABLE).append(" {\n");
        for (String[] hook : new String[][]{{"input", "saddr", "dport"}, {"output", "daddr", "sport"}}) {
            nft.append("  chain ").append(hook[0]).append(" {\n    type filter hook ").append(hook[0]).append(" priority -10; policy accept;\n");
            nft.append("    tcp ").append(hook[2]).append(' ').append(sshPort).append(" accept\n");
            for (String[] fam : new String[][]{{"ip", String.join(", ", v4)}, {"ip6", String.join(", ", v6)}}) {
                if (fam[1].isEmpty()) continue;
                String match = "    " + fam[0] + " " + hook[1] + " { " + fam[1] + " } ";
                nft.append(match).append("drop comment \"").append(safe(comment)).append("\"\n");
            }
            nft.append("  }\n");
        }
        nft.append("}\n");
        StringBuilder s = new StringBuilder("set -e\nPATH=\"$PATH:/usr/sbin:/sbin\"\n");
        s.append("if command -v nft >/dev/null; then\n  nft -f - <<'NFT'\n").append(nft).append("NFT\n  echo nftables\n");
        s.append("elif command -v iptables >/dev/null; then\n");
        s.append(iptables("iptables", v4, sshPort)).append(iptables("ip6tables", v6, sshPort)).append("  echo iptables\n");
        s.append("else\n  echo 'neither nft nor iptables is installed on this host: install nftables' >&2; exit 3\nfi\n");
        return s.toString();
    }

    private static String iptables(String tool, List<String> addrs, int sshPort) {
        if (addrs.isEmpty()) return "";
        StringBuilder s = new StringBuilder();
        s.append("  if command -v ").append(tool).append(" >/dev/null; then\n");
        s.append("    ").append(tool).append(" -N ").append(CHAIN).append(" 2>/dev/null || ").append(tool).append(" -F ").append(CHAIN).append('\n');
        s.append("    ").append(tool).append(" -A ").append(CHAIN).append(" -p tcp --dport ").append(sshPort).append(" -j RETURN\n");
        s.append("    ").append(tool).append(" -A ").append(CHAIN).append(" -p tcp --sport ").append(sshPort).append(" -j RETURN\n");
        for (String a : addrs) {
            for (String dir : List.of(" -s ", " -d ")) {
                s.append("    ").append(tool).append(" -A ").append(CHAIN).append(dir).append(a).append(" -j DROP\n");
            }
        }
        for (String hook : List.of("INPUT", "OUTPUT")) {
            s.append("    ").append(tool).append(" -C ").append(hook).append(" -j ").append(CHAIN).append(" 2>/dev/null || ")
                    .append(tool).append(" -I ").append(hook).append(" 1 -j ").append(CHAIN).append('\n');
        }
        s.append("  fi\n");
        return s.toString();
    }

    static String removeScript() {
        return "PATH=\"$PATH:/usr/sbin:/sbin\"\ngone=''\n"
                + "if command -v nft >/dev/null && nft list table inet " + TABLE + " >/dev/null 2>&1; then\n"
                + "  nft delete table inet " + TABLE + " && gone=yes\nfi\n"
                + "for t in iptables ip6tables; do\n"
                + "  command -v $t >/dev/null || continue\n"
                + "  $t -n -L " + CHAIN + " >/dev/null 2>&1 || continue\n"
                + "  while $t -D INPUT -j " + CHAIN + " 2>/dev/null; do :; done\n"
                + "  while $t -D OUTPUT -j " + CHAIN + " 2>/dev/null; do :; done\n"
                + "  $t -F " + CHAIN + " && $t -X " + CHAIN + " && gone=yes\n"
                + "done\n"
                + "[ -n \"$gone\" ] && echo removed || echo none\n";
    }

    static String activeScript() {
        return "PATH=\"$PATH:/usr/sbin:/sbin\"\n"
                + "if command -v nft >/dev/null && nft list table inet " + TABLE + " >/dev/null 2>&1; then echo active; exit 0; fi\n"
                + "for t in iptables ip6tables; do command -v $t >/dev/null && $t -n -L " + CHAIN
                + " >/dev/null 2>&1 && { echo active; exit 0; }; done\necho none\n";
    }

    private static String safe(String comment) {
        return comment.replaceAll("[^A-Za-z0-9 ._-]", "_");
    }
}
