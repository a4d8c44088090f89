package io.failoverlab.engine;

import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.SslMode;
import io.failoverlab.pgaf.InstancePaths;
import io.failoverlab.pgaf.PgAutoCtl;

import static io.failoverlab.remote.ShellQuote.quote;

/**
 * Puts a data node's self-signed certificate and key at a path that is the same on every host
 * (DATADIR/ssl/), not inside its own PGDATA, and points pg_autoctl (hence
 * postgresql-auto-failover.conf) at it.
 *
 * Why: pg_rewind copies the new primary's postgresql-auto-failover.conf into the rewound node,
 * and pg_autoctl 2.0/2.2 starts Postgres after a rewind without writing its own settings back.
 * With the certificate inside PGDATA that file names the other node's folder
 * (…/node1/server.crt), which does not exist on a node that has a machine of its own: Postgres
 * refuses to start ("could not load server certificate file"), pg_autoctl gives up after 10 s and
 * falls back to a full pg_basebackup. That was the ~20 s in every rejoin after a failover or a
 * heal on machines labs (README, "Machines"); one host for all nodes never hit it, since there
 * the other node's file exists.
 */
final class HostSslFiles {
    private HostSslFiles() { }

    /** Only where a rewind can bring in a path from another host: SSL on, a data node on another host. */
    static boolean needed(LabSpec lab, InstanceSpec node) {
        if (lab.ssl != SslMode.SELF_SIGNED) return false;
        for (InstanceSpec other : lab.nodes) if (other != node && !other.host.equals(node.host)) return true;
        return false;
    }

    static String dir(LabSpec lab) { return lab.dataDir + "/ssl"; }

    /**
     * As postgres, with the node's keeper running (config set reloads it, and the keeper rewrites
     * postgresql-auto-failover.conf and reloads Postgres). Prints "unchanged" or "changed".
     */
    static String script(LabSpec lab, InstancePaths p, PgAutoCtl ctl) {
        String dir = dir(lab);
        String crt = dir + "/server.crt";
        String key = dir + "/server.key";
        String conf = p.pgdata() + "/postgresql-auto-failover.conf";
        return "set -e\n"
                + "cur_crt=$(" + ctl.configGet(p.pgdata(), "ssl.cert_file") + ")\n"
                + "cur_key=$(" + ctl.configGet(p.pgdata(), "ssl.key_file") + ")\n"
                + "if [ \"$cur_crt\" = " + quote(crt) + " ] && [ \"$cur_key\" = " + quote(key) + " ] && grep -qF " + quote(key) + " "
                + quote(conf) + "; then echo unchanged; exit 0; fi\n"
                + "install -d -m 700 " + quote(dir) + "\n"
                // nodes sharing a host share one copy: the first one's certificate (same host name)
                + "[ -s " + quote(crt) + " ] || install -m 644 \"$cur_crt\" " + quote(crt) + "\n"
                + "[ -s " + quote(key) + " ] || install -m 600 \"$cur_key\" " + quote(key) + "\n"
                + ctl.configSet(p.pgdata(), "ssl.cert_file", crt) + " >/dev/null\n"
                + ctl.configSet(p.pgdata(), "ssl.key_file", key) + " >/dev/null\n"
                + "for i in $(seq 1 40); do\n"
                + "  if grep -qF " + quote(crt) + " " + quote(conf) + " && grep -qF " + quote(key) + " " + quote(conf) + "; then echo changed; exit 0; fi\n"
                + "  [ \"$i\" = 10 ] && " + ctl.reload(p.pgdata()) + " >/dev/null 2>&1 || true\n"
                + "  sleep 0.5\n"
                + "done\n"
                + "echo \"the keeper did not write the new certificate paths into " + conf + "\" >&2\n"
                + "exit 1\n";
    }
}
