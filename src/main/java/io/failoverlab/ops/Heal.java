package io.failoverlab.ops;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.StepResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
    public String name() { return nodeName == null ? "heal" : "heal " + nodeName; }

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
            return OperationResult.ok(name(), StepResult.secondsSince(t0), (nodeName == null ? "Nothing is partitioned: no host of the lab"
                    : "Nothing to heal: " + nodeName + "'s host") + " has the app's " + PartitionFilter.TABLE
                    + " table or chain, so nothing was changed.", Map.of(), null);
        }
        java.time.Instant healAt = java.time.Instant.now();
        for (String n : healed) engine.listener().nodeEvent(n, "cut removed", healAt);
        engine.listener().stepProgress(name(), 0, "removed the cut on " + String.join(", ", healed) + "; waiting for the nodes to rejoin");
        try (OpSession s = new OpSession(engine)) {
            List<StateTrail> trails = new ArrayList<>();
            for (String n : healed) trails.add(new StateTrail(n, t0, null));
            int nodes = engine.spec().nodes.size();
            ClusterSnapshot done = s.await(x -> Convergence.stable(nodes).test(x), Duration.ofSeconds(300),
                    "the healed nodes to rejoin", x -> trails.forEach(t -> t.accept(x)));
            double rejoin = StepResult.secondsSince(t0);
            Map<String, Double> f = new LinkedHashMap<>();
            f.put("healRejoinSeconds", Math.round(rejoin * 100) / 100.0);
            StringBuilder msg = new StringBuilder("Removed the cut on ").append(String.join(", ", healed)).append("'s host: ");
            for (int k = 0; k < healed.size(); k++) {
                String n = healed.get(k);
                NodeState now = done.node(n).map(x -> x.reportedState()).orElse(NodeState.UNKNOWN);
                boolean wasDemoted = trails.get(k).firstAt(NodeState.DEMOTED) >= 0;
                msg.append(k == 0 ? "" : "; ").append(n).append(' ').append(trails.get(k).path()).append(now == NodeState.SECONDARY
                        ? (wasDemoted ? " — a secondary again (rewound onto the new primary's timeline)" : " — caught up, a secondary again")
                        : now == NodeState.PRIMARY
                        ? " — still the primary, with its standby back" : "");
            }
            msg.append(String.format(Locale.ROOT, "; the cluster converged after %.1f s (%s)", rejoin, done.summary()));
            boolean ok = true;
            if (probe != null) {
                Thread.sleep(1000); // a few writes on the healed cluster
                PartitionProbe.Verified v = probe.verify(engine.dataNodes(), Duration.ofSeconds(30));
                f.put("acknowledgedWrites", (double) v.acknowledged());
                f.put("lostWrites", (double) v.lostWrites());
                f.put("writesInDoubt", (double) v.inDoubt());
                f.put("acknowledgedOnOldPrimaryAfterPromotion", (double) v.acknowledgedOnOldPrimaryAfterPromotion());
                ok = v.lostWrites() == 0 && v.allReached() && v.acknowledgedOnOldPrimaryAfterPromotion() == 0;
                msg.append(String.format(Locale.ROOT, "; the write probes' %d acknowledged writes checked on all %d nodes: %d lost, %d in doubt%s%s",
                        v.acknowledged(), v.nodes(), v.lostWrites(), v.inDoubt(), probe.promotedAt() == null ? ""
                                : ", " + v.acknowledgedOnOldPrimaryAfterPromotion() + " acknowledged on the old primary after the promotion",
                        v.allReached() ? "" : " (a node did not answer)"));
            }
            msg.append('.');
            if (!ok) return new OperationResult(name(), false, StepResult.secondsSince(t0), msg.toString(), f, done);
            return OperationResult.ok(name(), StepResult.secondsSince(t0), msg.toString(), f, done);
        } catch (LabException e) {
            if (probe != null && shared == null) probe.stop();
            throw e;
        }
    }
}
