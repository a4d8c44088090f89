package io.failoverlab.engine;

import io.failoverlab.lab.LabSpec;

/**
 * The step before preflight that makes a lab's machines exist and answer SSH (a cloud provider);
 * it fills in the lab's hosts. Must be idempotent like every other step: machines that already
 * exist are adopted, not created again.
 */
@FunctionalInterface
public interface Provisioner {
    /** Returns one sentence saying what is there now: a String, or a Msg the window can localize. */
    Object provision(LabSpec lab, EngineListener listener) throws Exception;
}
