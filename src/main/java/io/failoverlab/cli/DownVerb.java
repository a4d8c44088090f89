package io.failoverlab.cli;

import io.failoverlab.cloud.GceNames;
import io.failoverlab.cloud.Provider;
import io.failoverlab.cloud.Providers;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.StepResult;

import java.io.PrintStream;
import java.util.List;

final class DownVerb {
    private final PrintStream out;
    private final PrintStream err;

    DownVerb(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(LabSpec lab, CliArgs args) {
        if (lab.isProvisioned() && args.flag("--destroy")) return destroyProvisioned(lab, args);
        try (LabEngine engine = Cli.engine(lab, args, out)) {
            List<StepResult> steps = engine.down(args.flag("--destroy"));
            List<StepResult> failed = steps.stream().filter(s -> !s.ok()).toList();
            if (!failed.isEmpty()) {
                err.println(failed.get(0).name() + " failed: " + failed.get(0).message());
                return 1;
            }
            out.println(args.flag("--destroy") ? "Lab '" + lab.name + "' stopped and deleted." : "Lab '" + lab.name + "' stopped.");
            if (lab.isCloud()) {
                out.println("Its VMs still run and cost money: `down --destroy` deletes them.");
            }
            return 0;
        }
    }

    /**
     * A provisioned lab's data lives on its machines' disks: deleting the machines (a GCE lab's VMs
     * and firewall rules; machines on this computer with their network) is the destroy. What goes is
     * listed first, and the lab's passwords go with it.
     */
    private int destroyProvisioned(LabSpec lab, CliArgs args) {
        Provider provider = Providers.forLab(lab, Cli.providerOptions(args, out));
        List<String> what = provider.resources(lab);
        if (what.isEmpty()) {
            out.println(lab.isCloud() ? "Nothing carries the label " + GceNames.LABEL + "=" + lab.labId() + ": lab '" + lab.name + "' has no VMs or firewall rules."
                    : "Lab '" + lab.name + "' has no machines on this computer.");
        } else {
            out.println(lab.isCloud() ? "Deleting what carries lab '" + lab.name + "' (" + GceNames.LABEL + "=" + lab.labId() + "):"
                    : "Deleting lab '" + lab.name + "':");
            what.forEach(w -> out.println("  " + w));
        }
        List<String> gone = provider.destroy(lab, (f, t) -> { });
        try (LabEngine engine = Cli.engine(lab, args, out)) {
            engine.secretsStore().delete(lab);
        } catch (java.io.IOException e) {
            err.println("The lab's passwords file could not be deleted: " + e.getMessage());
        }
        CloudSteps.saveBack(lab, args);
        out.println("Lab '" + lab.name + "' deleted (" + gone.size() + " resource(s)).");
        return 0;
    }
}
