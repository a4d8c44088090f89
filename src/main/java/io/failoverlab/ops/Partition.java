package io.failoverlab.ops;

import io.failoverlab.lab.Msg;

import io.failoverlab.check.PgNode;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.NodeStatus;
import io.failoverlab.lab.StepResult;
import io.failoverlab.lab.StepIds;
import io.failoverlab.pgaf.TimingProfile;
import io.failoverlab.remote.Command;
import io.failoverlab.remote.CommandResult;
import io.failoverlab.remote.Shell;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cuts a data node's machine off from the lab's other machines with its own packet filter
 * (see PartitionFilter), then watches what pg_auto_failover does and says it in plain words from
 * what was measured. The monitor is refused (see PartitionPeers). The cut stays until Heal.
 * A write probe runs throughout (the caller's, or one of its own that Heal later verifies).
 */
public final class Partition implements OperationRunner.Operation {
    public enum From { ALL, MONITOR, STANDBYS;
        public static From parse(String s) {
            for (From f : values()) if (f.name().equalsIgnoreCase(s)) return f;
            throw new LabException(Msg.of("op.partition.from", s));
        }

        public String id() { return name().toLowerCase(Locale.ROOT); }
    }

    private final LabEngine engine;
    private final String nodeName;
    private final From from;
    private final PartitionProbe shared;
    private final String label;

    public Partition(LabEngine engine, String node, From from) {
        this(engine, node, from, null, null);
    }

    /** shared: a partition probe already running (the caller verifies it); label: the operation's name, or null. */
    public Partition(LabEngine engine, String node, From from, PartitionProbe shared, String label) {
        this.engine = engine;
        this.nodeName = node;
        this.from = from == null ? From.ALL : from;
        this.shared = shared;
        this.label = label;
    }

    @Override
    public String name() { return label != null ? label : StepIds.named(StepIds.PARTITION, nodeName + " from " + from.id()); }

    @Override
    public OperationResult run() throws Exception {
        InstanceSpec inst = PartitionPeers.node(engine.spec(), nodeName);
        try (OpSession s = new OpSession(engine)) {
            ClusterSnapshot before = s.snapshot();
            LabNodes.registered(before, inst.name, "partition");
            boolean replaced = PartitionFilter.active(engine.shells().of(inst));
            NodeStatus primary = before.writableNode().orElseThrow(() -> new LabException(
                    io.failoverlab.lab.Msg.of("op.partition.noPrimary", before.summary())));
            List<String> peers = PartitionPeers.addresses(engine.spec(), inst, from, before);
            Map<String, String> timings = TimingProfiles.current(engine);
            PartitionExpect expect = PartitionExpect.read(engine, inst, timings);
            PartitionProbe probe = shared != null ? shared : PartitionProbes.startFor(engine, inst);
            try {
                return cut(s, inst, primary, peers, expect, probe, replaced);
            } catch (Exception | Error e) {
                if (shared == null) PartitionProbes.take(engine).stop(); // nothing left writing in the background
                throw e;
            }
        }
    }

    private OperationResult cut(OpSession s, InstanceSpec inst, NodeStatus primary, List<String> peers, PartitionExpect expect,
                                PartitionProbe probe, boolean replaced) throws Exception {
        boolean cutPrimary = primary.name().equals(inst.name);
        waitForFirstAck(probe);
        long t0 = System.nanoTime();
        Instant cutAt = Instant.now();
        Shell sh = engine.shells().of(inst);
        String tool = PartitionFilter.apply(sh, peers, engine.spec().hostOf(inst).sshPort, "failover-lab " + inst.name + " from " + from.id());
        engine.listener().stepProgress(name(), 0, String.format(Locale.ROOT, "%s cut off from %s with %s (%s)",
                inst.name, fromWords(), tool, String.join(", ", peers)));
        engine.listener().nodeEvent(inst.name, Msg.of("node.event.cut", Msg.of(from == From.ALL ? "part.whom.all"
                : from == From.MONITOR ? "part.whom.monitor" : "part.whom.standbys")), cutAt);
        PartitionWatch w = new PartitionWatch(s, probe, DataConnections.settings(engine.spec()), inst.name, primary.name(), t0, cutAt);
        double window = cutPrimary ? Math.max(60, 3 * Math.max(expect.failover(), expect.selfDemote()))
                : Math.max(45, 3 * expect.waitPrimary());
        if (cutPrimary && from != From.ALL) window = Math.min(window, expect.failover() + expect.selfDemote() + 20);
        double shownWindow = window;
        PartitionWatch.ProgressSink sink = el -> engine.listener().stepProgress(name(), Math.min(1, el / shownWindow),
                String.format(Locale.ROOT, "%s cut off for %.0f s", inst.name, el));
        Duration d = Duration.ofMillis((long) (window * 1000));
        PartitionWatch.Seen seen = cutPrimary ? w.primaryCut(d, sink) : w.standbyCut(d, sink);
        ClusterSnapshot after = s.snapshot();
        PartitionStory story = new PartitionStory(inst.name, from, primary.name(), replaced, tool, expect, seen, probe, after);
        double seconds = StepResult.secondsSince(t0);
        if (cutPrimary && from == From.ALL && (seen.firstWriteElsewhere == null || seen.selfDemote == null)) {
            Msg m = story.primaryFromAll();
            return OperationResult.of(name(), false, seconds, m, story.figures(), after);
        }
        Msg msg = cutPrimary ? (from == From.ALL ? story.primaryFromAll() : story.primaryPartly()) : story.standby();
        return OperationResult.of(name(), story.splitBrain() == 0, seconds, msg, story.figures(), after);
    }

    private String fromWords() {
        return from == From.ALL ? "the monitor and the other nodes" : from == From.MONITOR ? "the monitor" : "the other nodes";
    }

    private static void waitForFirstAck(PartitionProbe probe) throws InterruptedException {
        if (probe.main().awaitAck(a -> true, Duration.ofSeconds(30)).isEmpty()) {
            throw new LabException(Msg.of("op.partition.probeFailed", probe.main().stats().lastError()));
        }
    }

    /** Expected seconds from the settings in force on the monitor and on the cut node. */
    record PartitionExpect(double failover, double selfDemote, double waitPrimary, double networkPartitionTimeout,
                           double walSenderTimeout, String profile) {
        static PartitionExpect read(LabEngine engine, InstanceSpec inst, Map<String, String> timings) throws IOException {
            Shell sh = engine.shells().of(inst);
            double npt = number(sh.run(Command.asPostgres(engine.pgautoctl(inst).configGet(engine.paths(inst).pgdata(),
                    "timeout.network_partition_timeout")).probe().timeout(Duration.ofSeconds(30))), 20);
            double wst = number(sh.run(Command.asPostgres("psql -X -q -At -p " + inst.port
                    + " -d postgres -c \"select setting::int / 1000.0 from pg_settings where name = 'wal_sender_timeout'\"").probe().timeout(Duration.ofSeconds(30))), 60);
            return new PartitionExpect(TimingProfile.expectedPartitionFailoverSeconds(timings),
                    TimingProfile.expectedSelfDemoteSeconds(npt, wst),
                    TimingProfile.monitorJudgesUnhealthySeconds(timings) + 1.0, npt, wst, TimingProfile.recognise(timings));
        }

        private static double number(CommandResult r, double dflt) {
            try {
                return r.ok() ? Double.parseDouble(r.stdout().strip()) : dflt;
            } catch (NumberFormatException e) {
                return dflt;
            }
        }
    }

    /** The data nodes other than inst, through the engine's tunnels. */
    static List<PgNode> others(LabEngine engine, InstanceSpec inst) throws IOException {
        List<PgNode> out = new ArrayList<>();
        for (InstanceSpec n : engine.spec().nodes) if (n != inst) out.add(engine.dataNode(n));
        return out;
    }
}
