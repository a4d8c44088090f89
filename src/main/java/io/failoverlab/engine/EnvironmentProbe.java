package io.failoverlab.engine;

import io.failoverlab.install.Installation;
import io.failoverlab.lab.HostSpec;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.remote.Command;
import io.failoverlab.remote.CommandResult;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a report's "preparation" section names about each machine: its OS, kernel, and the
 * PostgreSQL and pg_auto_failover versions installed there. Runs a few read-only commands.
 */
public final class EnvironmentProbe {
    private EnvironmentProbe() { }

    /** Keys: "host.&lt;id&gt;.os", ".kernel", ".cpus", ".memory", ".pgautofailover", ".postgres"; unknown values are left out. */
    public static Map<String, String> probe(LabEngine engine) {
        Map<String, String> env = new LinkedHashMap<>();
        LabSpec lab = engine.spec();
        for (HostSpec h : lab.hosts) {
            String k = "host." + h.id + ".";
            try {
                CommandResult r = engine.shells().host(h.id).run(Command.of(
                        "(. /etc/os-release 2>/dev/null && echo \"os=$PRETTY_NAME\"); echo \"kernel=$(uname -sr)\";"
                                + " echo \"cpus=$(nproc 2>/dev/null)\";"
                                + " echo \"memory=$(awk '/MemTotal/ {printf \"%.1f GiB\", $2/1048576}' /proc/meminfo 2>/dev/null)\"")
                        .probe().timeout(Duration.ofSeconds(20)).display("cat /etc/os-release; uname -sr; nproc; grep MemTotal /proc/meminfo"));
                for (String line : r.stdout().split("\n")) {
                    int eq = line.indexOf('=');
                    if (eq > 0 && eq < line.length() - 1) env.put(k + line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                }
            } catch (Exception e) {
                // the host did not answer: the report says "unknown"
            }
            try {
                Installation in = engine.installation(h.id);
                if (in.version() != null) env.put(k + "pgautofailover", String.valueOf(in.version()));
                if (in.postgresVersion() != null) env.put(k + "postgres", in.postgresVersion());
            } catch (Exception e) {
                // nothing installed yet
            }
        }
        return env;
    }
}
