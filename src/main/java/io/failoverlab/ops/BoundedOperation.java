package io.failoverlab.ops;

import io.failoverlab.engine.LabEngine;

import java.time.Duration;

/** An operation on the lab that waits at most bound for the cluster to settle (120 s unless given). */
abstract class BoundedOperation implements OperationRunner.Operation {
    static final Duration DEFAULT_BOUND = Duration.ofSeconds(120);

    protected final LabEngine engine;
    protected final Duration bound;

    BoundedOperation(LabEngine engine, Duration bound) {
        this.engine = engine;
        this.bound = bound;
    }
}
