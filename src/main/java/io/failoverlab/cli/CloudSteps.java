package io.failoverlab.cli;

import io.failoverlab.cloud.Provider;
import io.failoverlab.cloud.Providers;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.engine.MachinePower;
import io.failoverlab.lab.LabProfiles;
import io.failoverlab.lab.LabSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Wires a provisioned lab's provider (gce, machines) into the one engine: a provision step before
 * preflight, and the power switch of its machines for the operations that need one. The provider
 * is made when first used, so a verb that needs neither never looks for gcloud.
 */
final class CloudSteps {
    private CloudSteps() { }

    static void attach(LabEngine engine, LabSpec lab, CliArgs args, PrintStream out) {
        if (!lab.isProvisioned()) return;
        Supplier<Provider> provider = once(() -> Providers.forLab(lab, Cli.providerOptions(args, out)));
        engine.provisioner((l, listener) -> {
            String summary = provider.get().provision(l, (f, t) -> listener.stepProgress("provision", f, t)).summary();
            saveBack(l, args);
            return summary;
        });
        engine.machinePower(power(provider, lab));
    }

    /** The provider's machine calls as the engine's power switch. */
    static MachinePower power(Supplier<Provider> p, LabSpec lab) {
        return new MachinePower() {
            @Override public String kind() { return lab.provider; }
            @Override public void powerOff(String hostId) { p.get().stop(lab, hostId); }
            @Override public void powerOn(String hostId) { p.get().start(lab, hostId); }
            @Override public void reboot(String hostId) { p.get().reboot(lab, hostId); }
            @Override public boolean isOn(String hostId) { return p.get().running(lab, hostId); }
        };
    }

    private static <T> Supplier<T> once(Supplier<T> make) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) value = make.get();
                return value;
            }
        };
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
