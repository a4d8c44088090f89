package io.failoverlab.engine;

import io.failoverlab.install.Installation;
import io.failoverlab.install.Installer;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabSecrets;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.LabValidator;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.StepResult;
import io.failoverlab.lab.StepIds;
import io.failoverlab.pgaf.InstancePaths;
import io.failoverlab.pgaf.KeeperControl;
import io.failoverlab.pgaf.PgAutoCtl;
import io.failoverlab.remote.Command;
import io.failoverlab.remote.CommandResult;
import io.failoverlab.remote.Privilege;
import io.failoverlab.remote.Shell;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.failoverlab.remote.ShellQuote.quote;

/**
 * Brings a lab from bare hosts to one primary + secondaries: preflight, install, monitor, each
 * node, verify. Every step checks what is already there first, so `up` on a live lab changes
 * nothing and `up` after a failure resumes where it stopped.
 */
public final class ClusterBuilder {
    private static final Pattern BASEBACKUP_PCT = Pattern.compile("\\((\\d{1,3})%\\)");
    private final LabEngine engine;
    private final LabSpec lab;
    private final EngineListener listener;

    ClusterBuilder(LabEngine engine) {
        this.engine = engine;
        this.lab = engine.spec();
        this.listener = engine.listener();
    }

    /** Runs every step in order; stops at the first failure (its result says why). */
    public List<StepResult> up() {
        List<StepResult> results = new ArrayList<>();
        Provisioner prov = engine.provisioner();
        if (prov != null && !run(StepIds.PROVISION, () -> prov.provision(lab, listener), results)) return results;
        LabValidator.check(lab);
        if (!run(StepIds.PREFLIGHT, this::preflight, results)) return results;
        if (!run(StepIds.INSTALL, this::install, results)) return results;
        if (!run(StepIds.MONITOR, this::monitor, results)) return results;
        for (InstanceSpec node : lab.nodes) {
            if (!run(node.name, () -> node(node), results)) return results;
        }
        run(StepIds.VERIFY, this::verify, results);
        return results;
    }

    /** A step returns its message: a String, or an Msg the window can localize. */
    interface Step { Object run() throws Exception; }

    boolean run(String name, Step step, List<StepResult> results) {
        listener.stepStarted(name);
        long t0 = System.nanoTime();
        StepResult r;
        try {
            Object msg = step.run();
            r = msg instanceof Msg m ? StepResult.passed(name, StepResult.secondsSince(t0), m)
                    : StepResult.passed(name, StepResult.secondsSince(t0), (String) msg);
        } catch (Exception e) {
            r = StepResult.failed(name, StepResult.secondsSince(t0), e);
        }
        r = r.masked(engine::mask);
        LogLine.Level level = r.ok() ? LogLine.Level.INFO : LogLine.Level.ERROR;
        // a failure's own text (an exception's) stays as given; the sentence around it is the reader's language
        listener.appLog(level, Msg.of(r.ok() ? "log.stepPassed" : "log.stepFailed", StepIds.display(name),
                r.msg() != null ? r.msg() : Msg.of("text.plain", r.message())));
        listener.stepFinished(r);
        results.add(r);
        return r.ok();
    }


    /** Hosts answer, root and postgres rights work, ports are free (or ours), data folder exists. */
    Msg preflight() throws IOException {
        java.util.Set<String> withPostgres = new java.util.HashSet<>();
        for (String hostId : hostIds()) {
            Shell sh = engine.shells().host(hostId);
            Object where = engine.hostName(hostId);
            CommandResult r = sh.run(Command.asRoot("id -u").probe().timeout(Duration.ofSeconds(30)));
            if (!r.ok()) {
                if (Privilege.isSudoRefusal(r.stderr())) throw new LabException(Msg.of("step.fail.noSudo", where));
                throw new LabException(Msg.of("step.fail.root", where, r.lastErrorLine()));
            }
            if (engine.hasPostgresUser(hostId)) {
                withPostgres.add(hostId);
                CommandResult asPg = sh.run(Command.asPostgres("id -un").probe().timeout(Duration.ofSeconds(30)));
                if (!asPg.ok() || !asPg.stdout().strip().equals("postgres")) {
                    throw new LabException(Msg.of("step.fail.asPostgres", where, asPg.lastErrorLine()));
                }
            }
        }
        for (InstanceSpec inst : lab.instances()) {
            Shell sh = engine.shells().of(inst);
            InstancePaths p = InstancePaths.of(lab, inst);
            boolean ours = withPostgres.contains(inst.host) && sh.run(Command.asPostgres(InstanceScripts.created(p)).probe()).ok();
            if (!ours && sh.run(Command.of(InstanceScripts.portInUse(inst.port)).probe().timeout(Duration.ofSeconds(10))).ok()) {
                throw new LabException(Msg.of("step.fail.portInUse", inst.port, engine.hostName(inst.host), inst.name));
            }
        }
        return Msg.of("step.preflight.done", hostIds().size());
    }

    /** Installs on every host at once (each one is minutes of apt on a new machine); reports in host order. */
    Msg install() throws Exception {
        List<String> ids = hostIds();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(ids.size(), r -> {
            Thread t = new Thread(r, "install");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<Msg>> done = new ArrayList<>();
            for (String hostId : ids) done.add(pool.submit(() -> installOn(hostId)));
            Msg all = null;
            for (java.util.concurrent.Future<Msg> f : done) {
                try {
                    Msg one = f.get();
                    all = all == null ? one : Msg.of("step.join", all, one);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof Exception cause) throw cause;
                    throw e;
                }
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    Msg installOn(String hostId) throws IOException {
        Shell sh = engine.shells().host(hostId);
        Object where = engine.hostName(hostId);
        Installation in = new Installer().ensure(sh, lab, (s, l) -> { },
                f -> listener.stepProgress(StepIds.INSTALL, f, Msg.of("step.progress.install", where)));
        engine.rememberInstallation(hostId, in);
        createDataDir(sh);
        return Msg.of(in.installedNow() ? "step.install.now" : "step.install.already",
                where, in.version(), in.postgresVersion());
    }

    private void createDataDir(Shell sh) throws IOException {
        // an existing parent keeps its mode; only a missing one is created (traversable by postgres)
        sh.check(Command.asRoot("[ -d " + quote(parentOf(lab.dataDir)) + " ] || install -d -m 755 " + quote(parentOf(lab.dataDir)) + "\n"
                + "install -d -o postgres -g postgres -m 750 " + quote(lab.dataDir) + "\n"
                + "chown postgres:postgres " + quote(lab.dataDir)).timeout(Duration.ofSeconds(30)));
    }

    Msg monitor() throws Exception {
        InstanceSpec m = lab.monitor;
        Shell sh = engine.shells().of(m);
        InstancePaths p = InstancePaths.of(lab, m);
        PgAutoCtl ctl = engine.pgautoctl(m);
        boolean existed = sh.run(Command.asPostgres(InstanceScripts.created(p)).probe()).ok();
        if (!existed) {
            sh.check(Command.asPostgres(ctl.createMonitor(engine.installation(m.host).pgctl(), p.pgdata(), m.port,
                    engine.advertisedHost(m), lab.effectiveAuth(), lab.ssl)).timeout(Duration.ofMinutes(3)));
        }
        KeeperControl keeper = engine.keeper(m.host);
        keeper.start(sh, p, engine.unitName(m));
        // autoctl_node too: on a busy host the monitor accepts connections before its set-up has made the role
        waitFor(Msg.of("step.wait.monitor"), Duration.ofSeconds(90), () -> sh.run(Command.asPostgres(
                InstanceScripts.psql(m.port, "pg_auto_failover", "select count(*) from pg_roles where rolname = 'autoctl_node'")).probe()
                        .timeout(Duration.ofSeconds(10))).stdout().strip().equals("1"),
                Msg.of("step.fail.monitorClosed", engine.hostName(m.host), m.port));
        Object pw = "";
        LabSecrets secrets = engine.secrets();
        if (secrets != null) {
            // pg_autoctl leaves autoctl_node without a password ("pg_autoctl does not set the
            // password for you", pg_auto_failover's upstream docs/security.rst); the monitor's rule for the LAN asks for one.
            boolean changed = RolePasswords.ensure(sh, m.port, "pg_auto_failover", "autoctl_node", secrets.autoctlNode, "monitor");
            pw = Msg.of(changed ? "step.note.autoctlNodeSet" : "step.note.autoctlNodeAlready");
        }
        Msg kind = Msg.of(keeper instanceof io.failoverlab.pgaf.SystemdKeeper ? "keeper.systemd" : "keeper.detached");
        return Msg.of(existed ? "step.monitor.existed" : "step.monitor.created", m.port, kind, pw);
    }

    Msg node(InstanceSpec node) throws Exception {
        Shell sh = engine.shells().of(node);
        InstancePaths p = InstancePaths.of(lab, node);
        boolean existed = sh.run(Command.asPostgres(InstanceScripts.created(p)).probe()).ok();
        LabSecrets secrets = engine.secrets();
        Object passFile = "";
        if (secrets != null) {
            // before create: the monitor URI the node registers with carries no password, libpq finds it here
            CommandResult r = sh.check(Command.asPostgres(PassFile.ensureScript(lab, secrets.replicator, secrets.autoctlNode))
                    .masking(secrets.values()).timeout(Duration.ofSeconds(30))
                    .display("put this lab's passwords (" + Command.MASK + ") into ~postgres/.pgpass"));
            boolean same = r.stdout().contains("unchanged");
            passFile = Msg.of(same ? "step.note.pgpassAlready" : "step.note.pgpassSet");
        }
        if (!existed) {
            String uri = engine.monitorUriForNodes();
            PgAutoCtl.NodeOptions o = new PgAutoCtl.NodeOptions(engine.installation(node.host).pgctl(), p.pgdata(), node.port,
                    engine.advertisedHost(node), node.name, lab.database, uri, lab.effectiveAuth(), lab.ssl,
                    node.candidatePriority, node.replicationQuorum, lab.formation, engine.listenAddress(node));
            AtomicBoolean done = new AtomicBoolean();
            Thread nudger = new Thread(() -> nudgeCheckpoints(node, done), "checkpoint-nudger");
            nudger.setDaemon(true);
            nudger.start();
            try {
                // No PGPASSWORD: it would win over ~/.pgpass for the monitor's autoctl_node too.
                // The standby's pg_basebackup (run before replication.password can be set) finds
                // the replicator's password in the .pgpass lines written above.
                String create = engine.pgautoctl(node).createPostgres(o);
                sh.check(Command.asPostgres(create).masking(secrets == null ? List.of() : secrets.values())
                        .timeout(Duration.ofMinutes(30))
                        .listener((s, line) -> {
                            Matcher mm = BASEBACKUP_PCT.matcher(line);
                            if (line.contains("pg_basebackup") && mm.find()) {
                                listener.stepProgress(node.name, Integer.parseInt(mm.group(1)) / 100.0, Msg.of("step.progress.baseBackup", mm.group(1)));
                            }
                        }));
            } finally {
                done.set(true);
                nudger.join(5000);
            }
        }
        Object pw = "";
        if (secrets != null) {
            // Before the keeper runs, so that its primary_conninfo (written from the config)
            // carries the password whenever this node follows a primary; a running keeper
            // reloads on `config set` and rewrites it.
            boolean changed = setReplicationPassword(sh, p, node, secrets.replicator);
            pw = Msg.of(changed ? "step.note.replicationSet" : "step.note.replicationAlready");
        }
        pw = Msg.of("step.concat", pw, passFile);
        boolean sharedSsl = HostSslFiles.needed(lab, node);
        if (sharedSsl) {
            CommandResult r = sh.check(Command.asPostgres(HostSslFiles.pointConfig(lab, p, engine.pgautoctl(node))).timeout(Duration.ofSeconds(60)));
            boolean same = r.stdout().contains("unchanged");
            pw = Msg.of("step.concat", pw, Msg.of(same ? "step.note.sslAlready" : "step.note.sslShared", HostSslFiles.dir(lab)));
        }
        engine.startKeeper(node);
        if (sharedSsl) sh.check(Command.asPostgres(HostSslFiles.awaitConf(lab, p, engine.pgautoctl(node))).timeout(Duration.ofSeconds(60)));
        if (secrets != null) {
            List<String> rules = rewindRules(node);
            if (!rules.isEmpty()) {
                isPrimary(sh, node); // waits until the server answers, so the reload reaches it
                CommandResult r = sh.check(Command.asPostgres(InstanceScripts.ensureHbaLines(p.pgdata(), node.port, rules))
                        .timeout(Duration.ofSeconds(30)));
                boolean there = r.stdout().contains("added 0");
                pw = Msg.of("step.concat", pw, Msg.of(there ? "step.note.hbaAlready" : "step.note.hbaAdded"));
            }
        }
        if (secrets != null && isPrimary(sh, node)) {
            // pg_autoctl creates pgautofailover_replicator on the first node without a password
            // (replication.password was empty then); standbys get it with the base backup.
            boolean changed = RolePasswords.ensure(sh, node.port, "postgres", "pgautofailover_replicator", secrets.replicator, node.name);
            pw = Msg.of("step.concat", pw, Msg.of(changed ? "step.note.replicatorSet" : "step.note.replicatorAlready"));
        }
        return Msg.of(existed ? "step.node.existed" : "step.node.created", node.name, node.port, pw);
    }

    /**
     * pg_rewind (how a demoted primary follows the new one) connects to database "postgres" as
     * pgautofailover_replicator, but pg_autoctl 2.0 only opens "replication" and the formation's
     * database to the other nodes: without these rules every rewind fails and the node is
     * rebuilt with a full base backup. One rule per other data node, /32 (or /128), the lab's auth.
     */
    List<String> rewindRules(InstanceSpec self) {
        List<String> rules = new ArrayList<>();
        String type = lab.ssl == io.failoverlab.lab.SslMode.SELF_SIGNED ? "hostssl" : "host";
        for (InstanceSpec other : lab.nodes) {
            if (other == self) continue;
            String addr = lab.hostOf(other).advertisedAddress();
            if (addr.equals(lab.hostOf(self).advertisedAddress())) continue; // same host: loopback/local rules apply
            String cidr = addr.matches("[0-9.]+") ? addr + "/32" : addr.contains(":") ? addr + "/128" : addr;
            rules.add(type + " \"postgres\" \"pgautofailover_replicator\" " + cidr + " " + lab.effectiveAuth()
                    + " # failover-lab: pg_rewind from " + other.name);
        }
        return rules;
    }

    /** pg_autoctl config set replication.password, only when it differs (config set reloads the keeper). */
    private boolean setReplicationPassword(Shell sh, InstancePaths p, InstanceSpec node, String password) throws IOException {
        PgAutoCtl ctl = engine.pgautoctl(node);
        String script = "if [ \"$(" + ctl.configGet(p.pgdata(), "replication.password") + " 2>/dev/null)\" = " + quote(password) + " ]; "
                + "then echo unchanged; exit 0; fi\n" + InstanceScripts.setReplicationPassword(ctl, p.pgdata(), password);
        CommandResult r = sh.check(Command.asPostgres(script).masking(password).timeout(Duration.ofSeconds(30))
                .display("pg_autoctl config set --pgdata " + p.pgdata() + " replication.password " + Command.MASK + " (unless already set)"));
        return r.stdout().contains("changed") && !r.stdout().contains("unchanged");
    }

    /** Waits for the node's Postgres to answer on its socket, then says whether it is out of recovery. */
    private boolean isPrimary(Shell sh, InstanceSpec node) throws Exception {
        String[] answer = new String[1];
        waitFor(Msg.of("step.wait.accept", node.name), Duration.ofSeconds(90), () -> {
            CommandResult r = sh.run(Command.asPostgres(InstanceScripts.psql(node.port, "postgres", "select pg_is_in_recovery()")).probe()
                    .timeout(Duration.ofSeconds(10)));
            if (r.ok()) answer[0] = r.stdout().strip();
            return r.ok();
        }, Msg.of("step.fail.socketClosed", node.name));
        return "f".equals(answer[0]);
    }

    /**
     * pg_auto_failover ≤2.2 runs pg_basebackup without --checkpoint=fast: a standby's base
     * backup then waits for the primary's next spread checkpoint (minutes). Issue CHECKPOINT on
     * the nodes created before this one whenever their base-backup progress says so.
     */
    void nudgeCheckpoints(InstanceSpec creating, AtomicBoolean done) {
        String sql = "select phase from pg_stat_progress_basebackup";
        while (!done.get()) {
            try {
                for (InstanceSpec other : lab.nodes) {
                    if (other == creating) break;
                    Shell sh = engine.shells().of(other);
                    CommandResult r = sh.run(Command.asPostgres(InstanceScripts.psql(other.port, "postgres", sql)).probe()
                            .timeout(Duration.ofSeconds(10)).display("check base backup progress on " + other.name));
                    if (r.ok() && r.stdout().contains("waiting for checkpoint")) {
                        listener.note(Msg.of("step.note.checkpoint", creating.name, other.name));
                        sh.run(Command.asPostgres(InstanceScripts.psql(other.port, "postgres", "CHECKPOINT")).timeout(Duration.ofSeconds(60)));
                    }
                }
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // the primary may be restarting; try again on the next round
            }
        }
    }

    Msg verify() throws Exception {
        ClusterSnapshot[] last = new ClusterSnapshot[1];
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            last[0] = engine.stateFromShell();
            listener.stepProgress(StepIds.VERIFY, -1, last[0].summary());
            if (last[0].converged() && last[0].nodes().size() == lab.nodes.size()) {
                return Msg.of("step.verify.done", last[0].summary());
            }
            Thread.sleep(1000);
        }
        throw new LabException(Msg.of("step.fail.verify", lab.nodes.size() - 1, 240,
                last[0] == null ? Msg.of("step.stateUnknown") : last[0].summary()));
    }

    interface Check { boolean ok() throws Exception; }

    static void waitFor(Msg what, Duration max, Check check, Msg failure) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (check.ok()) return;
            Thread.sleep(500);
        }
        throw new LabException(Msg.of("step.fail.wait", what, failure, max.toSeconds()));
    }

    private List<String> hostIds() {
        List<String> ids = new ArrayList<>();
        for (InstanceSpec i : lab.instances()) if (!ids.contains(i.host)) ids.add(i.host);
        return ids;
    }

    private static String parentOf(String dir) {
        int i = dir.lastIndexOf('/');
        return i <= 0 ? "/" : dir.substring(0, i);
    }
}
