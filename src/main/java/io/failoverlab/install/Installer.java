package io.failoverlab.install;

import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.PackagePlan;
import io.failoverlab.pgaf.PgafVersion;
import io.failoverlab.remote.Command;
import io.failoverlab.remote.CommandResult;
import io.failoverlab.remote.OutputListener;
import io.failoverlab.remote.Privilege;
import io.failoverlab.remote.Shell;

import java.io.IOException;
import java.time.Duration;
import java.util.function.DoubleConsumer;

/**
 * Makes sure a host has pg_auto_failover and PostgreSQL: detects what is there first
 * (pg_autoctl --version), installs from the lab's package source only when missing.
 */
public final class Installer {

    /** Probes pg_autoctl and pg_ctl; prints "pgaf=<version line>", "pgctl=<path>", "pgver=<version>". */
    static String probeScript(int pgMajor) {
        return "v=$(pg_autoctl --version 2>/dev/null | head -1) || true\n"
                + "echo \"pgaf=$v\"\n"
                + "for c in /usr/lib/postgresql/" + pgMajor + "/bin/pg_ctl /usr/pgsql-" + pgMajor + "/bin/pg_ctl; do\n"
                + "  if [ -x \"$c\" ]; then echo \"pgctl=$c\"; echo \"pgver=$($c --version | awk '{print $3}')\"; break; fi\n"
                + "done\n";
    }

    /** What the host has now, or null fields when absent. */
    public Installation detect(Shell shell, int pgMajor) throws IOException {
        // as the login user: before the packages are in, there is no postgres user to run it as
        CommandResult r = shell.run(Command.of(probeScript(pgMajor)).probe().timeout(Duration.ofSeconds(30)));
        if (!r.ok()) {
            String why = r.lastErrorLine();
            if (Privilege.isSudoRefusal(r.stderr())) {
                throw new LabException("On " + shell.describe() + ", the login user may not run commands as postgres (no password-less sudo): " + why);
            }
            throw new LabException("On " + shell.describe() + ", checking for pg_auto_failover failed: " + why);
        }
        String pgaf = value(r.stdout(), "pgaf=");
        String pgctl = value(r.stdout(), "pgctl=");
        String pgver = value(r.stdout(), "pgver=");
        PgafVersion v = pgaf.isEmpty() ? null : PgafVersion.parse(pgaf);
        return new Installation(v, pgctl.isEmpty() ? null : pgctl, pgMajor, pgver.isEmpty() ? null : pgver, false);
    }

    /**
     * Returns the host's installation, installing first when pg_autoctl or PostgreSQL is missing
     * and the lab allows it. Progress goes to the fraction consumer (0..1) and the output listener.
     */
    public Installation ensure(Shell shell, LabSpec lab, OutputListener output, DoubleConsumer progress) throws IOException {
        Installation found = detect(shell, lab.postgresMajor);
        if (found.version() != null && found.pgctl() != null) return found;
        String missing = found.version() == null ? "pg_autoctl" : "PostgreSQL " + lab.postgresMajor;
        if (!lab.installPackages) {
            throw new LabException(missing + " is not installed on " + shell.describe()
                    + " and the lab does not allow installing packages (installPackages=false).");
        }
        CommandResult r = shell.run(Command.asRoot(PackagePlan.script(lab.packageSource, lab.postgresMajor))
                .timeout(Duration.ofMinutes(20))
                .display("install PostgreSQL " + lab.postgresMajor + " + pg_auto_failover from the " + lab.packageSource.id() + " source")
                .listener((stream, line) -> {
                    AptProgress.fraction(line).ifPresent(progress);
                    output.line(stream, line);
                }));
        if (!r.ok()) {
            if (Privilege.isSudoRefusal(r.stderr())) {
                throw new LabException("Installing packages on " + shell.describe() + " needs root, and the login user has no password-less sudo.");
            }
            throw new LabException("Installing " + missing + " on " + shell.describe() + " from the "
                    + lab.packageSource.id() + " source failed: " + r.lastErrorLine());
        }
        progress.accept(1.0);
        Installation now = detect(shell, lab.postgresMajor);
        if (now.version() == null || now.pgctl() == null) {
            throw new LabException("After installing, " + missing + " is still missing on " + shell.describe()
                    + ": the " + lab.packageSource.id() + " source may not carry PostgreSQL " + lab.postgresMajor + ".");
        }
        return new Installation(now.version(), now.pgctl(), now.postgresMajor(), now.postgresVersion(), true);
    }

    static String value(String out, String key) {
        for (String l : out.split("\n")) {
            if (l.startsWith(key)) return l.substring(key.length()).strip();
        }
        return "";
    }
}
