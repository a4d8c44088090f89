package io.failoverlab.cli;

import io.failoverlab.cloud.Progress;

import io.failoverlab.cloud.GceNames;
import io.failoverlab.cloud.Provider;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.engine.LabRuntime;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.StepResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

@Command(name = "down")
final class DownVerb extends Verb {
    @Option(names = "--destroy", descriptionKey = "down.destroy") boolean destroy;

    /** The lab's data is gone, so are the nodes added to it (a profile keeps its own). */
    private void forgetAddedNodes(LabRuntime rt) {
        try {
            rt.addedNodes().forget();
        } catch (IOException e) {
            err().println(say(Msg.of("lab.addedNodes.unreadable", "", e.getMessage())));
        }
    }

    @Override
    int run(LabSpec lab) {
        if (lab.isProvisioned() && destroy) return destroyProvisioned(lab);
        try (LabRuntime rt = common().runtime(lab, out())) {
            LabEngine engine = rt.engine();
            List<StepResult> steps = engine.down(destroy);
            List<StepResult> failed = steps.stream().filter(s -> !s.ok()).toList();
            if (!failed.isEmpty()) {
                err().println(say(Msg.of("cli.down.failed", failed.get(0).name(), failed.get(0).msg() != null ? failed.get(0).msg()
                        : failed.get(0).message())));
                return 1;
            }
            if (destroy) forgetAddedNodes(rt);
            out().println(say(Msg.of(destroy ? "cli.down.destroyed" : "cli.down.stopped", lab.name)));
            if (lab.isCloud()) out().println(say(Msg.of("cli.down.vmsRun")));
            return 0;
        }
    }

    /**
     * A provisioned lab's data lives on its machines' disks: deleting the machines (a GCE lab's VMs
     * and firewall rules; machines on this computer with their network) is the destroy. What goes is
     * listed first, and the lab's passwords go with it.
     */
    private int destroyProvisioned(LabSpec lab) {
        try (LabRuntime rt = common().runtime(lab, out())) {
            Provider provider = rt.provider();
            List<String> what = provider.resources(lab);
            if (what.isEmpty()) {
                out().println(lab.isCloud() ? "Nothing carries the label " + GceNames.LABEL + "=" + lab.labId() + ": lab '" + lab.name
                        + "' has no VMs or firewall rules." : "Lab '" + lab.name + "' has no machines on this computer.");
            } else {
                out().println(lab.isCloud() ? "Deleting what carries lab '" + lab.name + "' (" + GceNames.LABEL + "=" + lab.labId() + "):"
                        : "Deleting lab '" + lab.name + "':");
                what.forEach(w -> out().println("  " + w));
            }
            AtomicReference<Msg> summary = new AtomicReference<>();
            // the provider's closing word (for machines: where the seconds went) is printed; the rest is not
            List<String> gone = provider.destroy(lab, Progress.ofMessages((msg, f) -> {
                if (f >= 1) summary.set(msg);
            }));
            if (summary.get() != null) out().println("  " + say(summary.get()));
            try {
                rt.engine().secretsStore().delete(lab);
            } catch (java.io.IOException e) {
                err().println("The lab's passwords file could not be deleted: " + e.getMessage());
            }
            common().saveBack(lab);
            out().println("Lab '" + lab.name + "' deleted (" + gone.size() + " resource(s)).");
            return 0;
        }
    }
}
