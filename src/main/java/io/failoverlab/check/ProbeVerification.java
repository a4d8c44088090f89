package io.failoverlab.check;

import java.util.List;

/** What the probe table on each node says about the probe's acknowledged and in-doubt writes. */
public record ProbeVerification(long acknowledged, long inDoubt, List<NodeCheck> nodes) {

    public ProbeVerification {
        nodes = List.copyOf(nodes);
    }

    /**
     * One node's answer.
     *
     * @param lost          acknowledged ids missing on this node: must be 0 on the primary (and on
     *                      a standby once it has replayed)
     * @param lostSample    up to 20 of the missing ids, for the report
     * @param inDoubtFound  in-doubt ids that did commit after all (not an error either way)
     * @param inDoubtAbsent in-doubt ids that are not there (not lost: never acknowledged)
     */
    public record NodeCheck(PgNode node, boolean reachable, String error, Boolean inRecovery,
                            long lost, List<Long> lostSample, long inDoubtFound, long inDoubtAbsent) {
        public NodeCheck {
            lostSample = lostSample == null ? List.of() : List.copyOf(lostSample);
        }
    }

    /** True when at least one node answered and no reachable node misses an acknowledged write. */
    public boolean noneLost() {
        return nodes.stream().anyMatch(NodeCheck::reachable)
                && nodes.stream().filter(NodeCheck::reachable).allMatch(n -> n.lost() == 0);
    }
}
