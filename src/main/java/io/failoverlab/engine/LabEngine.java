package io.failoverlab.engine;

import io.failoverlab.install.Installation;
import io.failoverlab.install.Installer;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabSecrets;
import io.failoverlab.lab.LabSecretsStore;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.StepResult;
import io.failoverlab.pgaf.InstancePaths;
import io.failoverlab.pgaf.KeeperControl;
import io.failoverlab.pgaf.MonitorClient;
import io.failoverlab.pgaf.MonitorUris;
import io.failoverlab.pgaf.PgAutoCtl;
import io.failoverlab.pgaf.ShowStateJson;
import io.failoverlab.pgaf.SystemdKeeper;
import io.failoverlab.remote.Command;
import io.failoverlab.remote.CommandResult;
import io.failoverlab.remote.PortForward;
import io.failoverlab.remote.ShellFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one engine behind both faces (window and headless verbs): brings a lab up, reads its
 * state, tears it down. Holds the lab's shells and what it learnt about each host.
 */
public final class LabEngine implements AutoCloseable {
    private final LabSpec spec;
    private final MaskingListener listener;
    private final ShellPool shells;
    private volatile LabSecretsStore secretsStore = LabSecretsStore.defaultStore();
    private volatile LabSecrets secrets;
    /** SSH tunnels to the data nodes' loopback ports, for the app's own clients (data check, write probe). */
    private final Map<String, PortForward> dataTunnels = new ConcurrentHashMap<>();
    private final Map<String, Installation> installations = new ConcurrentHashMap<>();
    private final Map<String, KeeperControl> keepers = new ConcurrentHashMap<>();
    private volatile String monitorUri;
    private volatile Provisioner provisioner;
    private volatile MachinePower machinePower;
    /** The lab's one monitor feed, made on first use (monitorFeed()). */
    private MonitorFeed feed;

    /** Passwords already stored for this lab (default store) are masked from the start. */
    public LabEngine(LabSpec spec, ShellFactory factory, EngineListener listener) {
        this.spec = spec;
        this.listener = new MaskingListener(listener == null ? EngineListener.NONE : listener);
        this.shells = new ShellPool(spec, factory, this.listener);
        if (usesPasswords()) {
            try {
                secretsStore.load(spec).ifPresent(this::remember);
            } catch (RuntimeException unreadable) {
                // reported when `up` needs them
            }
        }
    }

    /**
     * Where this lab's generated passwords are kept (default: {@code LabProfiles.configDir()/secrets});
     * passwords already stored there are masked in every log line from now on.
     */
    public LabEngine secretsStore(LabSecretsStore store) {
        this.secretsStore = store;
        this.secrets = null;
        if (usesPasswords()) store.load(spec).ifPresent(this::remember);
        return this;
    }

    public LabSecretsStore secretsStore() { return secretsStore; }

    /** True when the lab authenticates with passwords (scram-sha-256 or md5), i.e. its roles span hosts. */
    public boolean usesPasswords() {
        String a = spec.effectiveAuth();
        return a != null && !a.equals("trust") && !a.equals("cert") && !a.equals("peer") && !a.equals("ident");
    }

    /** The lab's passwords, generated and stored on first use; null for a trust lab. */
    public LabSecrets secrets() {
        if (!usesPasswords()) return null;
        LabSecrets s = secrets;
        if (s == null) {
            s = secretsStore.loadOrCreate(spec);
            remember(s);
        }
        return s;
    }

    /** The stored passwords if there are any (never creates them); null otherwise. */
    LabSecrets knownSecrets() {
        if (!usesPasswords()) return null;
        LabSecrets s = secrets;
        if (s == null) {
            s = secretsStore.load(spec).orElse(null);
            if (s != null) remember(s);
        }
        return s;
    }

    private void remember(LabSecrets s) {
        s.values().forEach(listener::addSecret);
        // the monitor URI carries autoctl_node's password percent-encoded: mask that spelling too
        s.values().forEach(v -> listener.addSecret(MonitorUris.encode(v)));
        secrets = s;
    }

    /** text with the lab's passwords masked (for step messages that leave the engine). */
    public String mask(String text) { return listener.mask(text); }
    public LabSpec spec() { return spec; }

    /** How a result names a host: "this machine" (as data, in the reader's language) for the lab's local host, else its shell's description. */
    Object hostName(String hostId) throws IOException {
        if (spec.host(hostId).map(h -> h.local).orElse(false)) return Msg.of("host.local");
        return shells.host(hostId).describe();
    }

    public EngineListener listener() { return listener; }

    public ShellPool shells() { return shells; }

    /** A step that makes the lab's machines exist before preflight (cloud labs); null for none. */
    public LabEngine provisioner(Provisioner p) {
        this.provisioner = p;
        return this;
    }

    public Provisioner provisioner() { return provisioner; }

    /** The lab's machines can be powered off and on (machines on this computer, GCE); null for none. */
    public LabEngine machinePower(MachinePower p) {
        this.machinePower = p;
        return this;
    }

    public java.util.Optional<MachinePower> machinePower() { return java.util.Optional.ofNullable(machinePower); }

    /** Brings the lab up (idempotent); the results name each step, whether it passed and why. */
    public List<StepResult> up() {
        return new ClusterBuilder(this).up();
    }

    void rememberInstallation(String hostId, Installation in) { installations.put(hostId, in); }

    public Installation installation(String hostId) throws IOException {
        Installation in = installations.get(hostId);
        if (in == null) {
            in = new Installer().detect(shells.host(hostId), spec.postgresMajor);
            if (in.version() == null) {
                throw new LabException(Msg.of("engine.notInstalled", hostName(hostId), new Msg.Action("build", "up")));
            }
            installations.put(hostId, in);
        }
        return in;
    }

    /**
     * The host's machine was replaced by a new one: what this engine knew of it (its shell,
     * installation, keeper control) was the old machine's, so it is forgotten and read afresh.
     */
    public void forgetHost(String hostId) {
        shells.forget(hostId);
        installations.remove(hostId);
        keepers.remove(hostId);
    }

    /** Installs PostgreSQL and pg_auto_failover on one host and makes the lab's data folder there, as `up` does. */
    public Msg prepareHost(String hostId) throws IOException {
        return new ClusterBuilder(this).installOn(hostId);
    }

    public PgAutoCtl pgautoctl(InstanceSpec inst) throws IOException {
        return new PgAutoCtl(installation(inst.host).version());
    }

    public KeeperControl keeper(String hostId) throws IOException {
        KeeperControl k = keepers.get(hostId);
        if (k == null) {
            k = SystemdKeeper.detect(shells.host(hostId));
            keepers.put(hostId, k);
        }
        return k;
    }

    /** Starts the instance's `pg_autoctl run` on its host (systemd unit or detached process). */
    public void startKeeper(InstanceSpec inst) throws IOException {
        keeper(inst.host).start(shells.of(inst), paths(inst), unitName(inst));
    }

    /** Stops the instance's keeper and its Postgres; returns once both are gone. */
    public void stopKeeper(InstanceSpec inst) throws IOException {
        keeper(inst.host).stop(shells.of(inst), paths(inst), unitName(inst));
    }

    /** Per-instance unit name: several nodes of several labs may share a host. */
    public String unitName(InstanceSpec inst) {
        return ("pgautofailover-" + spec.name + "-" + inst.name).replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    public String advertisedHost(InstanceSpec inst) {
        return spec.hostOf(inst).advertisedAddress();
    }

    /** A lab on loopback listens on loopback only; other hosts listen on every interface (pg_autoctl's default). */
    public String listenAddress(InstanceSpec inst) {
        String a = advertisedHost(inst);
        return a.startsWith("127.") || a.equals("::1") || a.equals("localhost") ? a : null;
    }

    public InstancePaths paths(InstanceSpec inst) { return InstancePaths.of(spec, inst); }

    /** The monitor's connection URI as pg_autoctl prints it (what nodes register with). */
    public String monitorUri() throws IOException {
        if (monitorUri == null) {
            InstanceSpec m = spec.monitor;
            Command show = Command.asPostgres(pgautoctl(m).showMonitorUri(paths(m).pgdata())).timeout(Duration.ofSeconds(30));
            CommandResult r = shells.of(m).run(show);
            // a keeper that is starting rewrites its configuration file: read half-written, pg_autoctl
            // calls it "Unrecognized configuration file" — ask again a moment later
            for (int i = 0; i < 5 && !r.ok() && (r.stderr() + r.stdout()).contains("configuration file"); i++) {
                pause(400);
                r = shells.of(m).run(show);
            }
            if (!r.ok()) throw new io.failoverlab.remote.RemoteCommandException(shells.of(m).describe(), show, r);
            monitorUri = r.stdout().strip();
        }
        return monitorUri;
    }

    /**
     * What nodes register with: the monitor URI with a TCP give-up time. It carries no password:
     * libpq finds autoctl_node's in ~postgres/.pgpass (ClusterBuilder writes it first).
     */
    public String monitorUriForNodes() throws IOException {
        return MonitorUris.withParameter(monitorUri(), "tcp_user_timeout", String.valueOf(KEEPER_MONITOR_TCP_TIMEOUT_MS));
    }

    /**
     * A keeper keeps its LISTEN connection to the monitor open and sends on it every round;
     * pg_autoctl sets no TCP timeout of its own, so after a silent cut that send would wait for
     * Linux's retransmissions (about 15 min) and the cut primary would never fence itself. With
     * this, the send fails after 10 s and the keeper goes on to its partition check
     * (docs/architecture.md, "Network partitions").
     */
    static final int KEEPER_MONITOR_TCP_TIMEOUT_MS = 10_000;

    /** The formation's state through `pg_autoctl show state --json` on the monitor's host. */
    public ClusterSnapshot stateFromShell() {
        try {
            InstanceSpec m = spec.monitor;
            CommandResult r = shells.of(m).run(Command.asPostgres(pgautoctl(m).showStateJson(paths(m).pgdata()))
                    .timeout(Duration.ofSeconds(30)).display("pg_autoctl show state --json").probe()); // the app's poll; the report shows its table
            if (!r.ok()) return ClusterSnapshot.unreachable(r.lastErrorLine());
            return new ClusterSnapshot(Instant.now(), true, null, ShowStateJson.parse(r.stdout()));
        } catch (IOException | RuntimeException e) {
            return ClusterSnapshot.unreachable(e.getMessage());
        }
    }

    /**
     * A client of the monitor over JDBC as autoctl_node; a remote monitor is reached through an
     * SSH tunnel to its loopback port, never through an open PostgreSQL port. Close both.
     */
    public MonitorConnection openMonitor() throws IOException {
        InstanceSpec m = spec.monitor;
        PortForward fwd = shells.of(m).forward("127.0.0.1", m.port);
        String sslmode = spec.ssl == io.failoverlab.lab.SslMode.SELF_SIGNED ? "require" : "prefer";
        // Through the tunnel the connection comes from the monitor host's loopback, which
        // pg_autoctl's initdb (--auth=trust) admits; the password is given anyway, so a monitor
        // whose loopback rule asks for one (scram/md5) admits the console as well.
        LabSecrets s = knownSecrets();
        return new MonitorConnection(MonitorClient.connect("127.0.0.1", fwd.localPort(), sslmode, MonitorClient.USER,
                s == null ? null : s.autoctlNode), fwd);
    }

    /**
     * The lab's one monitor feed (docs/architecture.md, Data flow), made on first use and closed with
     * the engine; LabRuntime hands it to the faces, operations reach it through the engine.
     */
    public synchronized MonitorFeed monitorFeed() {
        if (feed == null) feed = new MonitorFeed(this);
        return feed;
    }

    /** The monitor's view through JDBC (with report/health lags); unreachable when it cannot connect. */
    public ClusterSnapshot status() {
        MonitorFeed f;
        synchronized (this) {
            f = feed;
        }
        if (f != null && f.openClient().isPresent()) return f.readNow(); // the feed's connection: no second tunnel
        try (MonitorConnection mc = openMonitor()) {
            return mc.client().snapshot(spec.formation);
        } catch (IOException | RuntimeException e) {
            return ClusterSnapshot.unreachable(e.getMessage());
        }
    }

    /**
     * Creates one data node as `up` does (create postgres with the checkpoint nudger, then its
     * keeper) — used to re-create a dropped node. Already created: only starts its keeper.
     */
    public StepResult createNode(InstanceSpec node) {
        List<StepResult> results = new ArrayList<>();
        ClusterBuilder b = new ClusterBuilder(this);
        b.run(node.name, () -> b.node(node), results);
        return results.get(0);
    }

    /**
     * Creates the lab's monitor as `up` does (create monitor, its keeper, autoctl_node's password)
     * — used to replace a lost one; the step's result says what was done.
     */
    public StepResult createMonitor() {
        List<StepResult> results = new ArrayList<>();
        ClusterBuilder b = new ClusterBuilder(this);
        b.run(io.failoverlab.lab.StepIds.MONITOR, b::monitor, results);
        return results.get(0);
    }

    /**
     * The lab has a new monitor (replace-monitor): its URI is read afresh and the lab's one feed
     * lets go of the old connection and opens one to the new monitor, on the same feed object, so
     * the faces and the journal keep hearing it without being wired again.
     */
    public void followNewMonitor() {
        monitorUri = null;
        MonitorFeed f;
        synchronized (this) {
            f = feed;
        }
        if (f == null) return;
        boolean watching = f.running();
        f.stop();
        if (watching) f.start();
    }

    /**
     * Writes this lab's lines of the node's ~postgres/.pgpass afresh (a monitor on a new host or
     * port needs its autoctl_node line); nothing on a lab without passwords.
     */
    public void rewritePassFile(InstanceSpec node) throws IOException {
        LabSecrets s = secrets();
        if (s == null) return;
        shells.of(node).check(Command.asPostgres(PassFile.ensureScript(spec, s.replicator, s.autoctlNode))
                .masking(s.values()).timeout(Duration.ofSeconds(30))
                .display("put this lab's passwords (" + Command.MASK + ") into ~postgres/.pgpass"));
    }

    /**
     * Lets the monitor's health checks into the node from the monitor's address now (a monitor
     * replaced on another host): pg_autoctl wrote that rule for the old monitor's address only when
     * the node was created, and a monitor whose checks are refused takes the node for unhealthy.
     */
    public void allowMonitorHealthChecks(InstanceSpec node) throws IOException {
        String type = spec.ssl == io.failoverlab.lab.SslMode.SELF_SIGNED ? "hostssl" : "host";
        String rule = type + " all \"pgautofailover_monitor\" " + advertisedHost(spec.monitor) + "/32 trust"
                + " # failover-lab: health checks of the replaced monitor";
        shells.of(node).check(Command.asPostgres(InstanceScripts.ensureHbaLines(paths(node).pgdata(), node.port, List.of(rule)))
                .timeout(Duration.ofSeconds(30)));
    }

    /**
     * Stops one instance's keeper and deletes its local state (PGDATA, pg_autoctl's config and
     * state, pid and log files); other instances sharing the host are untouched.
     */
    public void destroyInstance(InstanceSpec inst) throws IOException {
        new LabTeardown(this).destroyInstance(inst);
    }

    /** True when the instance answers `select 1` over TCP on its address and port (run on its host). */
    public boolean answers(InstanceSpec inst) {
        try {
            return shells.of(inst).run(Command.asPostgres(InstanceScripts.psqlTcp(advertisedHost(inst), inst.port, "postgres", "select 1")).probe()
                    .timeout(Duration.ofSeconds(20)).display("select 1 on " + inst.name)).ok();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether PostgreSQL's postgres user exists on the host yet. Asked afresh each time, since
     * installing creates it.
     */
    public boolean hasPostgresUser(String hostId) throws IOException {
        return shells.host(hostId).run(Command.of("getent passwd postgres >/dev/null").probe().timeout(Duration.ofSeconds(20))).ok();
    }

    /** Stops every keeper (nodes first, then the monitor); with destroy also deletes their data. */
    public List<StepResult> down(boolean destroy) {
        try {
            return new LabTeardown(this).down(destroy);
        } finally {
            monitorUri = null;
        }
    }

    /**
     * Where the app's own clients (data check, write probe) reach a data node: on this machine its
     * advertised address; on an SSH host the local end of a tunnel to the node's loopback port.
     * The tunnel keeps PostgreSQL closed to the console's network: no HBA rule, no password for
     * the console is needed, the SSH login (key + pinned host key) is what admits it, and the
     * login user can already run psql as postgres there. Tunnels live until {@link #close()}.
     */
    public io.failoverlab.check.PgNode dataNode(InstanceSpec n) throws IOException {
        if (spec.hostOf(n).local) return new io.failoverlab.check.PgNode(n.name, advertisedHost(n), n.port);
        PortForward f = dataTunnels.get(n.name);
        if (f == null) {
            synchronized (dataTunnels) {
                f = dataTunnels.get(n.name);
                if (f == null) {
                    f = shells.of(n).forward("127.0.0.1", n.port);
                    dataTunnels.put(n.name, f);
                }
            }
        }
        return new io.failoverlab.check.PgNode(n.name, "127.0.0.1", f.localPort());
    }

    /** {@link #dataNode} of every data node, in the lab's order. */
    public List<io.failoverlab.check.PgNode> dataNodes() throws IOException {
        List<io.failoverlab.check.PgNode> out = new ArrayList<>();
        for (InstanceSpec n : spec.nodes) out.add(dataNode(n));
        return out;
    }

    @Override
    public void close() {
        MonitorFeed f;
        synchronized (this) {
            f = feed;
            feed = null;
        }
        if (f != null) f.close();
        dataTunnels.values().forEach(PortForward::close);
        dataTunnels.clear();
        shells.close();
    }

    private static void pause(long ms) throws java.io.InterruptedIOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for pg_autoctl");
        }
    }
}
