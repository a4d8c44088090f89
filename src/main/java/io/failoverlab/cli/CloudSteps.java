package io.failoverlab.cli;

import io.failoverlab.cloud.Provider;
import io.failoverlab.cloud.Providers;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.LabSpec;

import java.io.PrintStream;

/** Wires a cloud lab's provider into the one engine: a provision step before preflight. */
final class CloudSteps {
    private CloudSteps() { }

    static void attach(LabEngine engine, LabSpec lab, CommonOptions common, PrintStream out) {
        if (!lab.isCloud()) return;
        Provider provider = Providers.forLab(lab, common.providerOptions(out));
        engine.provisioner((l, listener) -> {
            String summary = provider.provision(l, (f, t) -> listener.stepProgress("provision", f, t)).summary();
            common.saveBack(l);
            return summary;
        });
    }
}
