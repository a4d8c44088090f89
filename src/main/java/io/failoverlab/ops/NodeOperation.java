package io.failoverlab.ops;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.StepIds;

import java.time.Duration;

/** An operation on one data node of the lab, named "ID NODE" (StepIds), waiting at most bound. */
abstract class NodeOperation extends BoundedOperation {
    protected final InstanceSpec node;

    private final String id;

    /** Refuses a name that is not one of the lab's data nodes, before anything runs; id: the operation's id in StepIds. */
    NodeOperation(LabEngine engine, String name, Duration bound, String id) {
        super(engine, bound);
        this.node = LabNodes.require(engine.spec(), name);
        this.id = id;
    }

    @Override
    public final String name() { return StepIds.named(id, node.name); }

    /** Every node operation starts from the lab's feed and the state before it (docs/architecture.md, Data flow). */
    @Override
    public final OperationResult run() throws Exception {
        try (OpSession s = new OpSession(engine)) {
            return run(s, s.snapshot());
        }
    }

    /** The operation itself, on the lab's feed, from the state read just before. */
    protected abstract OperationResult run(OpSession s, ClusterSnapshot before) throws Exception;
}
