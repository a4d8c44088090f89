package io.failoverlab.testing;

import io.failoverlab.engine.EngineListener;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.engine.Shells;
import io.failoverlab.lab.HostSpec;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabSecretsStore;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.StepResult;
import io.failoverlab.remote.Command;
import io.failoverlab.remote.ShellQuote;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A three-host lab for tests: monitor, node1 and node2 each in a network namespace of its own with
 * its own OpenSSH server, joined by a bridge in 10.231.X.0/24. Every engine it hands out logs into
 * one list, so a failure can show the last lines. {@link #close()} destroys the lab, then the
 * servers and namespaces, then the folder.
 */
public final class NetnsLab implements AutoCloseable {
    public static final List<String> ROLES = List.of("monitor", "node1", "node2");

    public final NetNamespaces net;
    public final LabSpec lab;
    public final Path root;
    public final LabSecretsStore store;
    private final Path knownHosts;
    private final Map<String, Sshd> sshds = new LinkedHashMap<>();
    private final List<LogLine> log = Collections.synchronizedList(new ArrayList<>());
    private boolean serversClosed;

    private final EngineListener capture = new EngineListener() {
        @Override
        public void log(LogLine line) { log.add(line); }

        @Override
        public void stepFinished(StepResult r) { log.add(LogLine.of("step", LogLine.Level.INFO, r.name() + " " + r.message())); }

        @Override
        public void stepProgress(String step, double fraction, String text) {
            if (text != null) log.add(LogLine.of("progress", LogLine.Level.INFO, text));
        }
    };

    private NetnsLab(String name, Path root, NetNamespaces net) throws Exception {
        this.root = root;
        this.net = net;
        this.knownHosts = root.resolve("known_hosts");
        this.store = new LabSecretsStore(root.resolve("config/secrets"));
        lab = LabSpec.local(root.resolve("lab").toString(), TestLabs.freePort(), TestLabs.freePort(), TestLabs.freePort());
        lab.name = name;
        lab.hosts.clear();
        for (String role : ROLES) {
            Sshd s = Sshd.startIn(net.namespace(role), net.address(role));
            sshds.put(role, s);
            lab.hosts.add(HostSpec.ssh(role, s.host(), s.port(), s.user(), s.clientKey().toString()));
        }
        lab.monitor.host = "monitor";
        lab.nodes.get(0).host = "node1";
        lab.nodes.get(1).host = "node2";
    }

    /** Namespaces, servers and a lab profile that names them; nothing is installed yet. */
    public static NetnsLab create(String name) throws Exception {
        Path root = TestLabs.tempRoot("failoverlab-" + name + "-");
        NetNamespaces net = null;
        try {
            net = NetNamespaces.create(ROLES.toArray(String[]::new));
            return new NetnsLab(name, root, net);
        } catch (Exception e) {
            if (net != null) net.close();
            TestLabs.deleteTree(root);
            throw e;
        }
    }

    public LabEngine engine() {
        return new LabEngine(lab, Shells.factory(knownHosts, (h, t, fp) -> { }), capture).secretsStore(store);
    }

    /** An engine for another lab (on this computer), logging into the same list. */
    public LabEngine engine(LabSpec other) {
        return new LabEngine(other, Shells.factory(knownHosts, (h, t, fp) -> { }), capture);
    }

    public List<LogLine> logCopy() {
        synchronized (log) {
            return new ArrayList<>(log);
        }
    }

    /** The last 60 lines the engines logged. */
    public String tail() {
        List<LogLine> copy = logCopy();
        StringBuilder sb = new StringBuilder();
        for (LogLine l : copy.subList(Math.max(0, copy.size() - 60), copy.size())) {
            sb.append(l.source()).append(' ').append(l.level()).append(' ').append(l.text()).append('\n');
        }
        return sb.toString();
    }

    /** Each instance's keeper log and PostgreSQL log tails, for a failure message. */
    public String keeperLogs(LabEngine engine) {
        StringBuilder sb = new StringBuilder();
        for (InstanceSpec i : lab.instances()) {
            try {
                sb.append("== ").append(i.name).append('\n').append(engine.shells().of(i).run(Command.asPostgres(
                        "tail -n 40 " + ShellQuote.quote(engine.paths(i).logFile())
                        + "; tail -n 15 " + ShellQuote.quote(engine.paths(i).pgdata()) + "/log/*.log")
                        .timeout(Duration.ofSeconds(30))).stdout());
            } catch (Exception e) {
                sb.append(e).append('\n');
            }
        }
        return sb.toString();
    }

    /** Stops the servers and removes the namespaces, before {@link #close()}, so a test can check they went. */
    public void closeServers() {
        if (serversClosed) return;
        serversClosed = true;
        sshds.values().forEach(Sshd::close);
        net.close();
    }

    @Override
    public void close() {
        try {
            if (!serversClosed) {
                try (LabEngine e = engine()) {
                    e.down(true);
                } catch (RuntimeException ignored) {
                    // the namespaces go below, with whatever still runs in them
                }
            }
        } finally {
            closeServers();
            TestLabs.deleteTree(root);
        }
    }
}
