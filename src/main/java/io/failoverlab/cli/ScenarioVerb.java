package io.failoverlab.cli;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.engine.LabRuntime;
import io.failoverlab.lab.Json;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.StepIds;
import io.failoverlab.lab.StepResult;
import io.failoverlab.ops.SeedScenario;
import io.failoverlab.ops.ThreeNodeScenario;
import io.failoverlab.pgaf.TimingProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** `scenario seed [--profile fast|default] --json FILE`: the whole exercise, measured, as one JSON object. */
@Command(name = "scenario")
final class ScenarioVerb extends Verb {
    @Parameters(paramLabel = "seed", descriptionKey = "scenario.what") String what;
    @Option(names = "--json", paramLabel = "FILE", descriptionKey = "scenario.json") String file;
    @Option(names = "--profile", paramLabel = "fast|default", defaultValue = "default", descriptionKey = "scenario.profile") String profileName;

    /** The tutorial's next steps after two nodes (ops.ThreeNodeScenario), figures as JSON. */
    private int threeNodes(LabSpec lab, TimingProfile profile) throws Exception {
        try (LabRuntime rt = common().runtime(lab, out())) {
            ThreeNodeScenario.Report r = new ThreeNodeScenario(rt.engine(), profile, rt.addedNodes()).run();
            Json.writeAtomically(Path.of(file), Json.MAPPER.writeValueAsBytes(r));
            out().printf(Locale.ROOT, "profile %s: number_sync_standbys %s -> %s, writes blocked %s s, %s promoted (failover %s s),"
                            + " %d writes acknowledged, %d lost%n", r.profile(), r.numberSyncStandbysBefore(), r.numberSyncStandbysAfter(),
                    r.writesBlockedSeconds(), r.promoted(), r.failoverSeconds(), r.acknowledgedWrites(), r.lostWrites());
            return ended(r.ok(), r.steps(), r.lostWrites());
        }
    }

    /** Where the figures went, then 0, or the first failed step (else the lost writes) and 1. */
    private int ended(boolean ok, List<StepResult> steps, long lostWrites) {
        out().println(say(Msg.of("cli.scenario.written", file)));
        if (ok) return 0;
        err().println(say(steps.stream().filter(s -> !s.ok()).findFirst()
                .map(s -> Msg.of("cli.scenario.stepFailed", StepIds.display(s.name()), s.msg() != null ? s.msg() : Msg.of("text.plain", s.message())))
                .orElse(Msg.of("cli.scenario.lost", lostWrites))));
        return 1;
    }

    @Override
    int run(LabSpec lab) throws Exception {
        if (!"seed".equals(what) && !"three-nodes".equals(what)) {
            throw new LabException(Msg.of("cli.scenario.usage"));
        }
        if (file == null) throw new LabException(Msg.of("cli.scenario.noJson", what));
        TimingProfile profile = TimingProfile.named(profileName);
        if ("three-nodes".equals(what)) return threeNodes(lab, profile);
        try (LabEngine engine = common().runtime(lab, out()).engine()) {
            SeedScenario.Report r = new SeedScenario(engine, profile).run();
            Cli.recordEnvironment(engine);
            Cli.journal(engine).ifPresent(j -> j.scenario(Json.MAPPER.convertValue(r, new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>>() { })));
            Json.writeAtomically(Path.of(file), Json.MAPPER.writeValueAsBytes(r));
            out().printf(Locale.ROOT, "profile %s: cluster %s s, switchover %s s, failover %s s (expected %s s), write downtime %s s,"
                            + " %d writes acknowledged, %d lost; rows %s%n", r.profile(), r.timeToClusterSeconds(), r.switchoverSeconds(),
                    r.failoverSeconds(), r.expectedFailoverSeconds(), r.writeDowntimeSeconds(), r.acknowledgedWrites(), r.lostWrites(),
                    r.rowsOnEachNode());
            return ended(r.ok(), r.steps(), r.lostWrites());
        }
    }
}
