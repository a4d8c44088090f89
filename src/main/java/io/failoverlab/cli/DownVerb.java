package io.failoverlab.cli;

import io.failoverlab.cloud.GceNames;
import io.failoverlab.cloud.GceProvider;
import io.failoverlab.cloud.Providers;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.StepResult;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "down")
final class DownVerb extends Verb {
    @Option(names = "--destroy", descriptionKey = "down.destroy") boolean destroy;

    @Override
    int run(LabSpec lab) {
        if (lab.isCloud() && destroy) return destroyCloud(lab);
        try (LabEngine engine = common().runtime(lab, out()).engine()) {
            List<StepResult> steps = engine.down(destroy);
            List<StepResult> failed = steps.stream().filter(s -> !s.ok()).toList();
            if (!failed.isEmpty()) {
                err().println(failed.get(0).name() + " failed: " + failed.get(0).message());
                return 1;
            }
            out().println(destroy ? "Lab '" + lab.name + "' stopped and deleted." : "Lab '" + lab.name + "' stopped.");
            if (lab.isCloud()) {
                out().println("Its VMs still run and cost money: `down --destroy` deletes them.");
            }
            return 0;
        }
    }

    /** A cloud lab's data lives on its VMs' disks: deleting the VMs (and its firewall rules) is the destroy. */
    private int destroyCloud(LabSpec lab) {
        GceProvider gce = (GceProvider) Providers.forLab(lab, common().providerOptions(out()));
        List<String> what = gce.resources(lab);
        if (what.isEmpty()) {
            out().println("Nothing carries the label " + GceNames.LABEL + "=" + lab.labId() + ": lab '" + lab.name + "' has no VMs or firewall rules.");
        } else {
            out().println("Deleting what carries lab '" + lab.name + "' (" + GceNames.LABEL + "=" + lab.labId() + "):");
            what.forEach(w -> out().println("  " + w));
        }
        List<String> gone = gce.destroy(lab, (f, t) -> { });
        common().saveBack(lab);
        out().println("Lab '" + lab.name + "' deleted (" + gone.size() + " resource(s)).");
        return 0;
    }
}
