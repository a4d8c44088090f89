package io.failoverlab.ops;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.StepIds;
import io.failoverlab.lab.StepResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Undoes Partition: deletes the app's own packet-filter table (or chains) on the node's host, or
 * on every host of the lab, and nothing else; then waits until the cut node is a secondary again
 * (or a primary with its standbys back) and, when a partition probe ran, checks every node for
 * each acknowledged write. Nothing partitioned: says so and changes nothing.
 */
public final class Heal implements OperationRunner.Operation {
    private final LabEngine engine;
    private final String nodeName;
    private final PartitionProbe shared;

    public Heal(LabEngine engine, String node) {
        this(engine, node, null);
    }

    /** shared: the probe the partition ran with (verified here); null: the one a Partition on this engine left running, if any. */
    public Heal(LabEngine engine, String node, PartitionProbe shared) {
        this.engine = engine;
        this.nodeName = node == null || node.isBlank() ? null : node;
        this.shared = shared;
    }

    @Override
    public String name() { return nodeName == null ? StepIds.HEAL : StepIds.named(StepIds.HEAL, nodeName); }

    @Override
    public OperationResult run() throws Exception {
        List<InstanceSpec> targets = new ArrayList<>();
        if (nodeName != null) {
            targets.add(PartitionPeers.node(engine.spec(), nodeName));
        } else {
            targets.addAll(engine.spec().nodes);
        }
        long t0 = System.nanoTime();
        Set<String> hosts = new LinkedHashSet<>();
        List<String> healed = new ArrayList<>();
        for (InstanceSpec i : targets) {
            String host = engine.spec().hostOf(i).id;
            if (!hosts.add(host)) continue;
            if (PartitionFilter.remove(engine.shells().of(i))) healed.add(i.name);
        }
        PartitionProbe probe = shared != null ? shared : PartitionProbes.take(engine);
        if (healed.isEmpty()) {
            if (probe != null && shared == null) probe.stop();
            return OperationResult.ok(name(), StepResult.secondsSince(t0), nodeName == null
                    ? Msg.of("heal.nothingAll", PartitionFilter.TABLE) : Msg.of("heal.nothingNode", nodeName, PartitionFilter.TABLE), Map.of(), null);
        }
        Instant healAt = Instant.now();
        for (String n : healed) engine.listener().nodeEvent(n, Msg.of("node.event.healed"), healAt);
        engine.listener().stepProgress(name(), 0, "removed the cut on " + String.join(", ", healed) + "; waiting for the nodes to rejoin");
        try (OpSession s = new OpSession(engine)) {
            List<StateTrail> trails = new ArrayList<>();
            for (String n : healed) trails.add(new StateTrail(n, t0, null));
            Duration bound = Duration.ofSeconds(300);
            Followed end = s.follow(new Settling(Set.copyOf(healed)), bound, x -> trails.forEach(t -> t.accept(x)));
            if (!end.settled()) throw new LabException(Msg.of("op.convergence.timeout", bound.toSeconds(), Msg.of("wait.healed"), end.last().summary()));
            ClusterSnapshot done = end.last();
            double rejoin = StepResult.secondsSince(t0);
            Map<String, Double> f = new LinkedHashMap<>();
            f.put("healRejoinSeconds", Math.round(rejoin * 100) / 100.0);
            Msg nodesSaid = null;
            for (int k = 0; k < healed.size(); k++) {
                String n = healed.get(k);
                NodeState now = done.node(n).map(x -> x.reportedState()).orElse(NodeState.UNKNOWN);
                boolean wasDemoted = trails.get(k).firstAt(NodeState.DEMOTED) >= 0;
                String key = now == NodeState.SECONDARY ? (wasDemoted ? "heal.node.rewound" : "heal.node.caughtUp")
                        : now == NodeState.PRIMARY ? "heal.node.primary" : "heal.node.other";
                Msg one = Msg.of(key, n, trails.get(k).path());
                nodesSaid = nodesSaid == null ? one : Msg.of("step.join", nodesSaid, one);
            }
            boolean ok = true;
            Object verified = "";
            if (probe != null) {
                // a write on the healed cluster before the count
                Instant settledAt = Instant.now();
                probe.main().awaitAck(a -> a.at().isAfter(settledAt), Duration.ofSeconds(10));
                PartitionProbe.Verified v = probe.verify(engine.dataNodes(), Duration.ofSeconds(30));
                f.put("acknowledgedWrites", (double) v.acknowledged());
                f.put("lostWrites", (double) v.lostWrites());
                f.put("writesInDoubt", (double) v.inDoubt());
                f.put("acknowledgedOnOldPrimaryAfterPromotion", (double) v.acknowledgedOnOldPrimaryAfterPromotion());
                ok = v.lostWrites() == 0 && v.allReached() && v.acknowledgedOnOldPrimaryAfterPromotion() == 0;
                verified = Msg.of("heal.verified", v.acknowledged(), v.nodes(), v.lostWrites(), v.inDoubt(),
                        probe.promotedAt() == null ? "" : Msg.of("heal.oldPrimaryAcks", v.acknowledgedOnOldPrimaryAfterPromotion()),
                        v.allReached() ? "" : Msg.of("heal.nodeSilent"));
            }
            Msg msg = Msg.of("heal.done", String.join(", ", healed), nodesSaid, rejoin, done.summary(), verified);
            return OperationResult.of(name(), ok, StepResult.secondsSince(t0), msg, f, done);
        } catch (LabException e) {
            if (probe != null && shared == null) probe.stop();
            throw e;
        }
    }
}
