package io.failoverlab.ops;

import io.failoverlab.check.ConnectionSettings;
import io.failoverlab.check.NodePolling;
import io.failoverlab.check.NodeRole;
import io.failoverlab.check.PgNode;
import io.failoverlab.check.WriteProbe;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.pgaf.TimingProfile;
import io.failoverlab.remote.Command;
import io.failoverlab.remote.CommandResult;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static io.failoverlab.remote.ShellQuote.quote;

/**
 * The lab as its data nodes' own Postgres tell it, for when there is no monitor to ask
 * (stopped, killed, powered off, replaced): who answers, who is in recovery, whom the primary
 * streams to. The one place that waits on the nodes instead of on the monitor's feed.
 */
final class NodesWithoutMonitor {
    private static final Duration READ_EVERY = Duration.ofMillis(300);

    private final LabEngine engine;
    private final ConnectionSettings settings;

    NodesWithoutMonitor(LabEngine engine) {
        this.engine = engine;
        this.settings = DataConnections.settings(engine.spec());
    }

    /** Every data node's role, in the lab's order; a node whose machine cannot be reached is silent. */
    List<NodeRole> read() {
        List<NodeRole> out = new ArrayList<>();
        for (InstanceSpec n : engine.spec().nodes) {
            try {
                out.add(NodeRole.read(engine.dataNode(n), settings));
            } catch (IOException | RuntimeException unreachable) {
                // its machine is off: no tunnel to its Postgres can be opened
                PgNode where = new PgNode(n.name, engine.spec().hostOf(n).address, n.port);
                out.add(new NodeRole(where, false, false, List.of(), "", unreachable.getMessage()));
            }
        }
        return out;
    }

    /** Where the app reaches each data node whose machine answers (the others are left out). */
    List<PgNode> reachable() {
        List<PgNode> out = new ArrayList<>();
        for (InstanceSpec n : engine.spec().nodes) {
            try {
                out.add(engine.dataNode(n));
            } catch (IOException | RuntimeException unreachable) {
                // its machine is off
            }
        }
        return out;
    }

    /** The one node that answers and is not in recovery, if there is exactly one. */
    static Optional<NodeRole> primary(List<NodeRole> roles) {
        List<NodeRole> w = roles.stream().filter(NodeRole::writable).toList();
        return w.size() == 1 ? Optional.of(w.get(0)) : Optional.empty();
    }

    /** "node1 primary, node2 standby, node3 silent": the nodes' own answer, for results. */
    static String summary(List<NodeRole> roles) {
        List<String> parts = new ArrayList<>();
        for (NodeRole r : roles) {
            parts.add(r.node().name() + " " + (!r.answers() ? "silent" : r.inRecovery() ? "standby" : "primary"));
        }
        return String.join(", ", parts);
    }

    /**
     * Reads the nodes until done holds or bound passes, handing each read to onEach; returns the
     * last read (the caller tells whether done held: here "nothing happened" is often the answer).
     */
    List<NodeRole> watch(Predicate<List<NodeRole>> done, Duration bound, Consumer<List<NodeRole>> onEach)
            throws InterruptedException {
        return NodePolling.until(this::read, done, bound, READ_EVERY, onEach);
    }

    /** Seconds from since to the first write acknowledged after it, waiting up to bound; -1 when none came. */
    static double ackAfter(WriteProbe probe, Instant since, Duration bound) throws InterruptedException {
        Optional<WriteProbe.Ack> a = probe.awaitAck(x -> x.at().isAfter(since), bound);
        return a.map(x -> Duration.between(since, x.at()).toMillis() / 1000.0).orElse(-1.0);
    }

    /** A write probe over the nodes, the given primary first. */
    WriteProbe probe(NodeRole primary) {
        List<PgNode> nodes = new ArrayList<>();
        nodes.add(primary.node());
        for (PgNode n : reachable()) if (!n.equals(primary.node())) nodes.add(n);
        return new WriteProbe(nodes, settings);
    }

    /** Seconds a monitor would take to fail the primary over with the settings in force (see monitorSettings). */
    double expectedFailoverSeconds(InstanceSpec keeperNode) {
        return TimingProfile.expectedFailoverSeconds(monitorSettings(keeperNode));
    }

    /**
     * The monitor's pgautofailover.* settings as its data folder keeps them (postgresql.auto.conf,
     * read over the shell, since the monitor itself cannot be asked). Where the folder cannot be
     * read (its machine is off, its data deleted), those of the profile keeperNode's keeper was
     * given with them: `profile` sets the keepers' network-partition timeout too (fast: 2 s).
     */
    Map<String, String> monitorSettings(InstanceSpec keeperNode) {
        try {
            InstanceSpec m = engine.spec().monitor;
            String conf = quote(engine.paths(m).pgdata() + "/postgresql.auto.conf");
            CommandResult r = engine.shells().of(m).run(Command.asPostgres("[ -f " + conf + " ] || exit 3\n"
                    + "grep -h '^pgautofailover\\.' " + conf + " || true")
                    .probe().timeout(Duration.ofSeconds(15)).display("read the stopped monitor's timing settings"));
            if (r.ok()) {
                Map<String, String> found = new LinkedHashMap<>(TimingProfile.DEFAULT.monitorSettings());
                for (String line : r.stdout().split("\n")) {
                    int eq = line.indexOf('=');
                    if (eq > 0) found.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip().replace("'", ""));
                }
                return found;
            }
        } catch (IOException | RuntimeException unreachable) {
            // the monitor's machine is off: ask a keeper below
        }
        return keeperProfile(keeperNode).monitorSettings();
    }

    /** fast or default, from the keeper's timeout.network_partition_timeout (default when it cannot be read). */
    private TimingProfile keeperProfile(InstanceSpec n) {
        try {
            CommandResult r = engine.shells().of(n).run(Command.asPostgres(engine.pgautoctl(n).configGet(engine.paths(n).pgdata(),
                    "timeout.network_partition_timeout")).probe().timeout(Duration.ofSeconds(30)));
            boolean fast = r.ok() && r.stdout().strip().equals(String.valueOf(TimingProfile.FAST.networkPartitionTimeoutSeconds()));
            return fast ? TimingProfile.FAST : TimingProfile.DEFAULT;
        } catch (IOException | RuntimeException unreadable) {
            return TimingProfile.DEFAULT;
        }
    }
}
