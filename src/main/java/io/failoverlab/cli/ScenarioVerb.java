package io.failoverlab.cli;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabProfiles;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.ops.SeedScenario;
import io.failoverlab.pgaf.TimingProfile;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/** `scenario seed [--profile fast|default] --json FILE`: the whole exercise, measured, as one JSON object. */
final class ScenarioVerb {
    private final PrintStream out;
    private final PrintStream err;

    ScenarioVerb(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(LabSpec lab, CliArgs args) throws Exception {
        if (args.positional.size() != 1 || !args.positional.get(0).equals("seed")) {
            throw new LabException("Usage: scenario seed [--profile fast|default] --json FILE");
        }
        String file = args.option("--json", null);
        if (file == null) throw new LabException("scenario seed needs --json FILE to write its figures to.");
        TimingProfile profile = TimingProfile.named(args.option("--profile", "default"));
        try (LabEngine engine = Cli.engine(lab, args, out)) {
            SeedScenario.Report r = new SeedScenario(engine, profile).run();
            Cli.recordEnvironment(engine);
            Cli.journal(engine).ifPresent(j -> j.scenario(LabProfiles.JSON.convertValue(r, new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>>() { })));
            LabProfiles.writeAtomically(Path.of(file), LabProfiles.JSON.writeValueAsBytes(r));
            out.printf(Locale.ROOT, "profile %s: cluster %s s, switchover %s s, failover %s s (expected %s s), write downtime %s s,"
                            + " %d writes acknowledged, %d lost; rows %s%n", r.profile(), r.timeToClusterSeconds(), r.switchoverSeconds(),
                    r.failoverSeconds(), r.expectedFailoverSeconds(), r.writeDowntimeSeconds(), r.acknowledgedWrites(), r.lostWrites(),
                    r.rowsOnEachNode());
            out.println("Figures written to " + file);
            if (!r.ok()) {
                err.println(r.steps().stream().filter(s -> !s.ok()).findFirst().map(s -> "Step " + s.name() + " failed: " + s.message())
                        .orElse(r.lostWrites() + " acknowledged writes were lost."));
                return 1;
            }
            return 0;
        }
    }
}
