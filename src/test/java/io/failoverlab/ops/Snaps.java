package io.failoverlab.ops;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.FormationSettings;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Snapshots for the unit tests of ops/, written as pg_autoctl show state reads:
 * {@code at(2.5, 1, "node1 primary", "node2 secondary>catchingup down", "node3 secondary prio=0")}:
 * seconds, number_sync_standbys, then per node its reported state, an optional {@code >assigned},
 * and flags: down (silent keeper, health bad), bad (health bad, still reporting), prio=N, async.
 */
final class Snaps {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final double UNHEALTHY = 3.0;

    private Snaps() { }

    static ClusterSnapshot at(double seconds, int nss, String... nodes) {
        List<NodeStatus> out = new ArrayList<>();
        int id = 1;
        for (String spec : nodes) {
            String[] w = spec.split(" ");
            String[] states = w[1].split(">");
            NodeState reported = NodeState.parse(states[0]);
            NodeState assigned = states.length > 1 ? NodeState.parse(states[1]) : reported;
            boolean down = false;
            boolean bad = false;
            boolean quorum = true;
            int prio = 50;
            for (int i = 2; i < w.length; i++) {
                if (w[i].equals("down")) down = true;
                else if (w[i].equals("bad")) bad = true;
                else if (w[i].equals("async")) quorum = false;
                else if (w[i].startsWith("prio=")) prio = Integer.parseInt(w[i].substring(5));
            }
            out.add(new NodeStatus(w[0], id, 0, "127.0.0.1", 7000 + id, reported, assigned,
                    down || bad ? NodeStatus.Health.BAD : NodeStatus.Health.GOOD, 1, "0/3000000", prio, quorum,
                    down ? UNHEALTHY + 1 : 0.4, 0.3, !down));
            id++;
        }
        return new ClusterSnapshot(T0.plusMillis((long) (seconds * 1000)), true, null, out,
                new FormationSettings(nss, "", UNHEALTHY));
    }

    static ClusterSnapshot of(int nss, String... nodes) { return at(0, nss, nodes); }
}
