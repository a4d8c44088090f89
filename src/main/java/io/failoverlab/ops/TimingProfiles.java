package io.failoverlab.ops;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.StepResult;
import io.failoverlab.lab.StepIds;
import io.failoverlab.pgaf.TimingProfile;
import io.failoverlab.remote.Command;
import io.failoverlab.remote.CommandResult;
import io.failoverlab.remote.ShellQuote;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and applies timing profiles. ALTER SYSTEM needs the monitor's superuser (postgres on
 * the monitor's host, local socket): autoctl_node cannot, and ALTER DATABASE is refused for
 * these GUCs. Each ALTER SYSTEM runs as its own psql -c (it may not run in a transaction block).
 */
public final class TimingProfiles {
    private TimingProfiles() { }

    /** The monitor's current pgautofailover.* settings, in milliseconds / counts as strings. */
    public static Map<String, String> current(LabEngine engine) throws IOException {
        InstanceSpec m = engine.spec().monitor;
        CommandResult r = engine.shells().of(m).check(Command.asPostgres(
                "psql -X -q -At -F '|' -p " + m.port + " -d pg_auto_failover -c "
                        + ShellQuote.quote("select name, setting from pg_settings where name like 'pgautofailover.%'"))
                .probe().timeout(Duration.ofSeconds(30)).display("read pgautofailover.* settings"));
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : r.stdout().split("\n")) {
            int bar = line.indexOf('|');
            if (bar > 0) settings.put(line.substring(0, bar).strip(), line.substring(bar + 1).strip());
        }
        if (settings.isEmpty()) throw new LabException(Msg.of("profile.noSettings", m.port));
        return settings;
    }

    public static String currentName(LabEngine engine) {
        try {
            return TimingProfile.recognise(current(engine));
        } catch (IOException | RuntimeException e) {
            return "unknown (monitor unreachable)";
        }
    }

    public static OperationRunner.Operation apply(LabEngine engine, TimingProfile profile) {
        return new OperationRunner.Operation() {
            @Override
            public String name() { return StepIds.named(StepIds.PROFILE, profile.name()); }

            @Override
            public OperationResult run() throws Exception {
                long t0 = System.nanoTime();
                InstanceSpec m = engine.spec().monitor;
                StringBuilder script = new StringBuilder("set -e\npsql -X -q -v ON_ERROR_STOP=1 -p " + m.port + " -d pg_auto_failover");
                for (Map.Entry<String, String> e : profile.monitorSettings().entrySet()) {
                    String sql = profile == TimingProfile.DEFAULT
                            ? "ALTER SYSTEM RESET " + e.getKey()
                            : "ALTER SYSTEM SET " + e.getKey() + " = '" + e.getValue() + "'";
                    script.append(" -c ").append(ShellQuote.quote(sql));
                }
                script.append(" -c ").append(ShellQuote.quote("SELECT pg_reload_conf()")).append('\n');
                engine.shells().of(m).check(Command.asPostgres(script.toString()).timeout(Duration.ofSeconds(60)));
                List<String> nodes = new ArrayList<>();
                for (InstanceSpec n : engine.spec().nodes) {
                    CommandResult r = engine.shells().of(n).run(Command.asPostgres(engine.pgautoctl(n).configSet(engine.paths(n).pgdata(),
                            "timeout.network_partition_timeout", String.valueOf(profile.networkPartitionTimeoutSeconds())))
                            .timeout(Duration.ofSeconds(60)));
                    if (!r.ok()) throw new LabException(Msg.of("profile.nodeFailed", n.name, r.lastErrorLine()));
                    nodes.add(n.name);
                }
                // pg_reload_conf is asynchronous: follow the monitor until its connection reads the new timeout
                double unhealthy = TimingProfile.seconds(profile.monitorSettings().get("pgautofailover.node_considered_unhealthy_timeout"), -1);
                try (OpSession s = new OpSession(engine)) {
                    s.observe(x -> x.monitorReachable() && Math.abs(x.formation().unhealthyTimeoutSeconds() - unhealthy) < 0.001,
                            Duration.ofSeconds(15), null);
                }
                String now = TimingProfile.recognise(current(engine));
                if (!now.equals(profile.name())) {
                    throw new LabException(Msg.of("profile.notInForce", now, profile.name()));
                }
                Map<String, Double> f = new LinkedHashMap<>();
                f.put("expectedFailoverSeconds", TimingProfile.expectedFailoverSeconds(current(engine)));
                return OperationResult.ok(name(), StepResult.secondsSince(t0), Msg.of("profile.applied", profile.name(),
                        profile.monitorSettings().get("pgautofailover.node_considered_unhealthy_timeout"),
                        profile.monitorSettings().get("pgautofailover.primary_demote_timeout"),
                        profile.networkPartitionTimeoutSeconds(), String.join(", ", nodes), f.get("expectedFailoverSeconds")), f, null);
            }
        };
    }
}
