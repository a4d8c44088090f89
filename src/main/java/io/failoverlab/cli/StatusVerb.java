package io.failoverlab.cli;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.Json;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.SettingsTable;
import io.failoverlab.lab.StateTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;


@Command(name = "status")
final class StatusVerb extends Verb {
    @Option(names = "--json", descriptionKey = "status.json") boolean json;

    @Override
    int run(LabSpec lab) throws Exception {
        try (LabEngine engine = common().runtime(lab, out()).engine()) {
            ClusterSnapshot s = engine.status();
            if (json) {
                var o = SnapshotJson.of(s);
                o.put("lab", lab.name);
                o.put("timingProfile", io.failoverlab.ops.TimingProfiles.currentName(engine));
                out().println(Json.MAPPER.writeValueAsString(o));
            } else {
                out().println(say(Msg.of("cli.status.head", lab.name, io.failoverlab.ops.TimingProfiles.currentName(engine))));
                // the table reads as pg_autoctl show state prints it; unreachable, the sentence below says why
                if (s.monitorReachable()) {
                    out().print(StateTable.render(s));
                    out().println();
                    out().print(SettingsTable.render(SettingsTable.rows(s, lab.formation)));
                }
            }
            if (!s.monitorReachable()) {
                err().println(say(Msg.of("cli.status.unreachable", lab.name, s.error())));
                return 1;
            }
            return 0;
        }
    }
}
