package io.failoverlab.cli;

import io.failoverlab.cloud.Provider;
import io.failoverlab.cloud.Providers;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.LabProfiles;
import io.failoverlab.lab.LabSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Wires a cloud lab's provider into the one engine: a provision step before preflight. */
final class CloudSteps {
    private CloudSteps() { }

    static void attach(LabEngine engine, LabSpec lab, CliArgs args, PrintStream out) {
        if (!lab.isCloud()) return;
        Provider provider = Providers.forLab(lab, Cli.providerOptions(args, out));
        engine.provisioner((l, listener) -> {
            String summary = provider.provision(l, (f, t) -> listener.stepProgress("provision", f, t)).summary();
            saveBack(l, args);
            return summary;
        });
    }

    /** The provisioned hosts go back into the profile, so status/down reach them without provisioning. */
    static void saveBack(LabSpec lab, CliArgs args) {
        String file = args.option("--lab", null);
        if (file == null) return;
        try {
            LabProfiles.save(lab, Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot update the lab file " + file + ".", e);
        }
    }
}
