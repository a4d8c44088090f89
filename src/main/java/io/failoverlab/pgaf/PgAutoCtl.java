package io.failoverlab.pgaf;

import io.failoverlab.lab.SslMode;
import io.failoverlab.remote.ShellQuote;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds pg_autoctl command lines for the version in use: 2.x/1.4+ take --hostname and --name,
 * 1.3 took --nodename (the host) and had no SSL options. Every value is shell-quoted.
 */
public final class PgAutoCtl {
    private final PgafVersion version;

    public PgAutoCtl(PgafVersion version) { this.version = version; }

    public PgafVersion version() { return version; }

    public String createMonitor(String pgctl, String pgdata, int port, String hostname, String auth, SslMode ssl) {
        List<String> a = base("create", "monitor");
        opt(a, "--pgctl", pgctl);
        opt(a, "--pgdata", pgdata);
        opt(a, "--pgport", String.valueOf(port));
        hostOpt(a, hostname);
        opt(a, "--auth", auth);
        ssl(a, ssl);
        return ShellQuote.join(a);
    }

    public record NodeOptions(String pgctl, String pgdata, int port, String hostname, String name, String dbname,
                              String monitorUri, String auth, SslMode ssl, int candidatePriority,
                              boolean replicationQuorum, String formation, String listen) { }

    public String createPostgres(NodeOptions o) {
        List<String> a = base("create", "postgres");
        opt(a, "--pgctl", o.pgctl());
        opt(a, "--pgdata", o.pgdata());
        opt(a, "--pgport", String.valueOf(o.port()));
        hostOpt(a, o.hostname());
        if (version.hasHostnameOption()) opt(a, "--name", o.name());
        if (version.hasHostnameOption()) opt(a, "--listen", o.listen());
        opt(a, "--dbname", o.dbname());
        opt(a, "--monitor", o.monitorUri());
        opt(a, "--auth", o.auth());
        ssl(a, o.ssl());
        if (o.formation() != null && !"default".equals(o.formation())) opt(a, "--formation", o.formation());
        opt(a, "--candidate-priority", String.valueOf(o.candidatePriority()));
        opt(a, "--replication-quorum", String.valueOf(o.replicationQuorum()));
        return ShellQuote.join(a);
    }

    public String run(String pgdata) { return simple(pgdata, "run"); }

    public String stop(String pgdata) { return simple(pgdata, "stop"); }

    public String showMonitorUri(String pgdata) {
        List<String> a = base("show", "uri");
        opt(a, "--pgdata", pgdata);
        a.add("--formation");
        a.add("monitor");
        return ShellQuote.join(a);
    }

    public String showStateJson(String pgdata) {
        List<String> a = base("show", "state");
        opt(a, "--pgdata", pgdata);
        a.add("--json");
        return ShellQuote.join(a);
    }

    /** Prints the path of the instance's pg_autoctl.cfg. */
    public String showConfigFile(String pgdata) {
        List<String> a = base("show", "file");
        a.add("--config");
        opt(a, "--pgdata", pgdata);
        return ShellQuote.join(a);
    }

    /** Signals a running `pg_autoctl run` to re-read its configuration. */
    public String reload(String pgdata) {
        List<String> a = base("reload");
        opt(a, "--pgdata", pgdata);
        return ShellQuote.join(a);
    }

    public String configSet(String pgdata, String key, String value) {
        List<String> a = base("config", "set");
        opt(a, "--pgdata", pgdata);
        a.add(key);
        a.add(value);
        return ShellQuote.join(a);
    }

    public String configGet(String pgdata, String key) {
        List<String> a = base("config", "get");
        opt(a, "--pgdata", pgdata);
        a.add(key);
        return ShellQuote.join(a);
    }

    public String dropNode(String pgdata, boolean destroy) {
        List<String> a = base("drop", "node");
        opt(a, "--pgdata", pgdata);
        if (destroy) a.add("--destroy");
        return ShellQuote.join(a);
    }

    /** `pg_autoctl disable monitor --force`: the node goes on without a monitor (a lost one is not asked). */
    public String disableMonitor(String pgdata) {
        List<String> a = base("disable", "monitor");
        opt(a, "--pgdata", pgdata);
        a.add("--force");
        return ShellQuote.join(a);
    }

    /** `pg_autoctl enable monitor URI`: registers the running node with a (new) monitor. */
    public String enableMonitor(String pgdata, String monitorUri) {
        List<String> a = base("enable", "monitor");
        opt(a, "--pgdata", pgdata);
        a.add(monitorUri);
        return ShellQuote.join(a);
    }

    /** Whether this pg_autoctl can move a running node to another monitor (online disable/enable monitor came with 1.5). */
    public boolean canReplaceMonitor() { return version.compareTo(new PgafVersion(1, 5)) >= 0; }

    private static List<String> base(String... verb) {
        List<String> a = new ArrayList<>();
        a.add("pg_autoctl");
        a.addAll(List.of(verb));
        return a;
    }

    private String simple(String pgdata, String verb) {
        List<String> a = base(verb);
        opt(a, "--pgdata", pgdata);
        return ShellQuote.join(a);
    }

    private void hostOpt(List<String> a, String hostname) {
        opt(a, version.hasHostnameOption() ? "--hostname" : "--nodename", hostname);
    }

    private void ssl(List<String> a, SslMode ssl) {
        if (!version.hasHostnameOption()) return; // 1.3 had no SSL options
        a.add(ssl == SslMode.SELF_SIGNED ? "--ssl-self-signed" : "--no-ssl");
    }

    private static void opt(List<String> a, String name, String value) {
        if (value == null) return;
        a.add(name);
        a.add(value);
    }
}
