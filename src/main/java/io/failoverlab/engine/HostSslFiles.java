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
     * As postgres, before the node's keeper starts (no keeper writing pg_autoctl.cfg at the same
     * time): copies the files and points the config at them. Prints "unchanged" or "changed".
     */
    static String pointConfig(LabSpec lab, InstancePaths p, PgAutoCtl ctl) {
        String dir = dir(lab);
        String crt = dir + "/server.crt";
        String key = dir + "/server.key";
        String get = "cur_crt=$(" + ctl.configGet(p.pgdata(), "ssl.cert_file") + ") && cur_key=$(" + ctl.configGet(p.pgdata(), "ssl.key_file") + ")";
        return "ok=\n"
                // a running keeper rewrites its config on reload: read again rather than fail on a half-written file
                + "for i in $(seq 1 20); do if " + get + " && [ -n \"$cur_crt\" ] && [ -n \"$cur_key\" ]; then ok=1; break; fi; sleep 0.5; done\n"
                + "[ -n \"$ok\" ] || { echo 'pg_autoctl config has no ssl.cert_file / ssl.key_file' >&2; exit 1; }\n"
                + "if [ \"$cur_crt\" = " + quote(crt) + " ] && [ \"$cur_key\" = " + quote(key) + " ]; then echo unchanged; exit 0; fi\n"
                + "set -e\n"
                + "install -d -m 700 " + quote(dir) + "\n"
                // nodes sharing a host share one copy: the first one's certificate (same host name)
                + "[ -s " + quote(crt) + " ] || install -m 644 \"$cur_crt\" " + quote(crt) + "\n"
                + "[ -s " + quote(key) + " ] || install -m 600 \"$cur_key\" " + quote(key) + "\n"
                + "set +e\n"
                + "for i in $(seq 1 20); do\n"
                + "  " + ctl.configSet(p.pgdata(), "ssl.cert_file", crt) + " >/dev/null 2>&1; " + ctl.configSet(p.pgdata(), "ssl.key_file", key) + " >/dev/null 2>&1\n"
                + "  if " + get + " 2>/dev/null && [ \"$cur_crt\" = " + quote(crt) + " ] && [ \"$cur_key\" = " + quote(key) + " ]; then echo changed; exit 0; fi\n"
                + "  sleep 0.5\n"
                + "done\n"
                + "echo 'pg_autoctl config set ssl.cert_file / ssl.key_file did not hold' >&2\n"
                + "exit 1\n";
    }

    /**
     * As postgres, with the keeper running: until postgresql-auto-failover.conf names the shared
     * files, asks the keeper to reload (it rewrites that file from its config and reloads Postgres).
     */
    static String awaitConf(LabSpec lab, InstancePaths p, PgAutoCtl ctl) {
        String crt = dir(lab) + "/server.crt";
        String key = dir(lab) + "/server.key";
        String conf = p.pgdata() + "/postgresql-auto-failover.conf";
        return "for i in $(seq 1 60); do\n"
                + "  if grep -qF " + quote(crt) + " " + quote(conf) + " && grep -qF " + quote(key) + " " + quote(conf) + "; then exit 0; fi\n"
                // in a session of its own: while the keeper starts, its pid file can read as 0, and
                // kill(0, SIGHUP) would hang up this script's own process group
                + "  [ $((i % 4)) = 0 ] && { setsid " + ctl.reload(p.pgdata()) + " </dev/null >/dev/null 2>&1 || true; }\n"
                + "  sleep 0.5\n"
                + "done\n"
                + "echo 'the keeper did not write the shared certificate paths into '" + quote(conf) + " >&2\n"
                + "exit 1\n";
    }
}
