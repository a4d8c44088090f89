package io.failoverlab.engine;

import io.failoverlab.pgaf.InstancePaths;

import static io.failoverlab.remote.ShellQuote.quote;

/** Small shell snippets about one instance, run as postgres on its host. */
final class InstanceScripts {
    private InstanceScripts() { }

    /** pg_autoctl keeps its config and state per absolute PGDATA below the XDG folders. */
    static String xdgConfig(String pgdata) {
        return "\"${XDG_CONFIG_HOME:-$HOME/.config}/pg_autoctl\"" + quote(pgdata);
    }

    static String xdgData(String pgdata) {
        return "\"${XDG_DATA_HOME:-$HOME/.local/share}/pg_autoctl\"" + quote(pgdata);
    }

    /** Exit 0 when the instance was fully created (config + cluster, no unfinished init). */
    static String created(InstancePaths p) {
        return "[ -f " + xdgConfig(p.pgdata()) + "/pg_autoctl.cfg ] && [ -f " + quote(p.pgdata() + "/PG_VERSION")
                + " ] && [ ! -f " + xdgData(p.pgdata()) + "/pg_autoctl.init ]";
    }

    /** Exit 0 when something accepts TCP connections on 127.0.0.1:port of that host. */
    static String portInUse(int port) {
        return "(exec 3<>/dev/tcp/127.0.0.1/" + port + ") 2>/dev/null";
    }

    /** psql as postgres on the local socket of an instance. */
    /**
     * Writes replication.password into the node's pg_autoctl.cfg, then has a running keeper reload
     * it. Not `pg_autoctl config set`: the password would be in that process's arguments. Here it
     * goes from printf (a shell builtin) to awk's stdin. Prints "changed".
     */
    static String setReplicationPassword(io.failoverlab.pgaf.PgAutoCtl ctl, String pgdata, String password) {
        return "set -e\ncfg=$(" + ctl.showConfigFile(pgdata) + ")\n"
                + "tmp=$(mktemp \"$cfg.XXXXXX\")\n"
                + "printf '%s\\n' " + quote(password) + " | awk 'NR == FNR { pw = $0; next }\n"
                + "  /^\\[/ { if (sec == \"[replication]\" && !done) { print \"password = \" pw; done = 1 } sec = $0 }\n"
                + "  sec == \"[replication]\" && /^password[ \\t]*=/ { if (!done) print \"password = \" pw; done = 1; next }\n"
                + "  { print }\n"
                + "  END { if (!done) { if (sec != \"[replication]\") print \"[replication]\"; print \"password = \" pw } }' - \"$cfg\" > \"$tmp\"\n"
                + "mv -f \"$tmp\" \"$cfg\"\n"
                + ctl.reload(pgdata) + " >/dev/null 2>&1 || true\n"
                + "echo changed\n";
    }

    static String psql(int port, String db, String sql) {
        return "psql -X -q -At -v ON_ERROR_STOP=1 -p " + port + " -d " + quote(db) + " -c " + quote(sql);
    }

    /** psql over TCP to host:port, giving up on connecting after 5 s (a stopped node must not hang it). */
    static String psqlTcp(String host, int port, String db, String sql) {
        return "PGCONNECT_TIMEOUT=5 psql -X -q -At -v ON_ERROR_STOP=1 -h " + quote(host) + " -p " + port + " -d " + quote(db) + " -c " + quote(sql);
    }

    /**
     * Appends each line to PGDATA/pg_hba.conf unless it is there already, then reloads the
     * server if one was added (it runs: this follows the keeper's start). Prints how many it added.
     */
    static String ensureHbaLines(String pgdata, int port, java.util.List<String> lines) {
        StringBuilder sb = new StringBuilder("set -e\nhba=" + quote(pgdata + "/pg_hba.conf") + "\nadded=0\n");
        for (String l : lines) {
            sb.append("if ! grep -qxF ").append(quote(l)).append(" \"$hba\"; then printf '%s\\n' ").append(quote(l))
                    .append(" >> \"$hba\"; added=$((added+1)); fi\n");
        }
        sb.append("if [ \"$added\" -gt 0 ]; then ").append(psql(port, "postgres", "select pg_reload_conf()")).append(" >/dev/null; fi\n")
                .append("echo \"added $added\"\n");
        return sb.toString();
    }

    /** Removes PGDATA, the keeper's pid/log files and pg_autoctl's own config and state of it. */
    static String destroy(InstancePaths p) {
        return "rm -rf " + quote(p.pgdata()) + " " + quote(p.pidFile()) + " " + quote(p.logFile()) + " "
                + xdgConfig(p.pgdata()) + " " + xdgData(p.pgdata()) + " "
                + "\"${XDG_RUNTIME_DIR:-/tmp}/pg_autoctl\"" + quote(p.pgdata()) + "\n";
    }
}
