package io.failoverlab.cli;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LabProfiles;
import io.failoverlab.lab.LabSpec;

import java.io.PrintStream;

final class StatusVerb {
    private final PrintStream out;
    private final PrintStream err;

    StatusVerb(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(LabSpec lab, CliArgs args) throws Exception {
        try (LabEngine engine = Cli.engine(lab, args, out)) {
            ClusterSnapshot s = engine.status();
            if (args.flag("--json")) {
                var o = SnapshotJson.of(s);
                o.put("lab", lab.name);
                o.put("timingProfile", io.failoverlab.ops.TimingProfiles.currentName(engine));
                out.println(LabProfiles.JSON.writeValueAsString(o));
            } else {
                out.println("Lab '" + lab.name + "', timing profile " + io.failoverlab.ops.TimingProfiles.currentName(engine));
                out.print(StateTable.render(s));
            }
            if (!s.monitorReachable()) {
                err.println("The monitor of lab '" + lab.name + "' is unreachable: " + s.error());
                return 1;
            }
            return 0;
        }
    }
}
