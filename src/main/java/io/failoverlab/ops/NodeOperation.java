package io.failoverlab.ops;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.StepIds;

import java.time.Duration;

/** An operation on one data node of the lab, named "ID NODE" (StepIds), waiting at most bound. */
abstract class NodeOperation implements OperationRunner.Operation {
    static final Duration DEFAULT_BOUND = Duration.ofSeconds(120);

    protected final LabEngine engine;
    protected final InstanceSpec node;
    protected final Duration bound;

    /** Refuses a name that is not one of the lab's data nodes, before anything runs. */
    NodeOperation(LabEngine engine, String name, Duration bound) {
        this.engine = engine;
        this.node = LabNodes.require(engine.spec(), name);
        this.bound = bound;
    }

    /** The operation's id in StepIds. */
    protected abstract String id();

    @Override
    public final String name() { return StepIds.named(id(), node.name); }
}
