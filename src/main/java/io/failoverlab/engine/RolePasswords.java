package io.failoverlab.engine;

import io.failoverlab.pgaf.ScramVerifier;
import io.failoverlab.remote.Command;
import io.failoverlab.remote.CommandResult;
import io.failoverlab.remote.Shell;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;


/**
 * Gives a PostgreSQL role a password, as postgres on the instance's local socket (trust there).
 * Only a SCRAM-SHA-256 verifier computed here travels: the clear password never reaches the
 * server (its logs, pg_stat_activity) nor a command line. Idempotent: when the stored verifier
 * already matches the password (recomputed with its salt, which is not secret), nothing changes.
 */
final class RolePasswords {
    private RolePasswords() { }

    /** True when the password was (re)set, false when it already matched. */
    static boolean ensure(Shell sh, int port, String db, String role, String password, String where) throws IOException {
        String lit = "'" + role.replace("'", "''") + "'";
        // Only the verifier's head (method, iterations, salt) comes back, never its keys.
        CommandResult head = sh.check(Command.asPostgres(InstanceScripts.psql(port, db,
                "select coalesce(substring(rolpassword from '^SCRAM-SHA-256\\$[0-9]+:[A-Za-z0-9+/=]+'), '-') from pg_authid where rolname = " + lit)).probe()
                .timeout(Duration.ofSeconds(30)).display("read the password salt of " + role + " on " + where));
        String h = head.stdout().strip();
        if (h.isEmpty()) {
            throw new io.failoverlab.lab.LabException("Role " + role + " does not exist on " + where + ", so its password cannot be set.");
        }
        Optional<String> same = ScramVerifier.sameSalt(password, h);
        if (same.isPresent()) {
            CommandResult eq = sh.check(Command.asPostgres(InstanceScripts.psql(port, db,
                    "select rolpassword = '" + same.get() + "' from pg_authid where rolname = " + lit)).probe()
                    .masking(same.get(), password).timeout(Duration.ofSeconds(30))
                    .display("compare the password of " + role + " on " + where + " with the lab's"));
            if (eq.stdout().strip().equals("t")) return false;
        }
        String verifier = ScramVerifier.create(password);
        String sql = "ALTER ROLE " + quoteIdent(role) + " PASSWORD '" + verifier + "'";
        sh.check(Command.asPostgres(InstanceScripts.psql(port, db, sql)).masking(verifier, password)
                .timeout(Duration.ofSeconds(30)).display("ALTER ROLE " + role + " PASSWORD " + Command.MASK + " (on " + where + ")"));
        return true;
    }

    private static String quoteIdent(String s) { return "\"" + s.replace("\"", "\"\"") + "\""; }

}
