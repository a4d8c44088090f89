package io.failoverlab.pgaf;

import io.failoverlab.remote.Command;
import io.failoverlab.remote.CommandResult;
import io.failoverlab.remote.Shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.failoverlab.remote.ShellQuote.quote;

/**
 * One systemd unit per instance (pg_autoctl's own `show systemd` names every unit
 * pgautofailover, which clashes when several nodes share a host).
 */
public final class SystemdKeeper implements KeeperControl {

    public static String unitText(String pgdata, String description) {
        return "[Unit]\nDescription=" + description + "\nAfter=network.target\n\n"
                + "[Service]\nWorkingDirectory=/var/lib/postgresql\nEnvironment='PGDATA=" + pgdata + "'\n"
                + "User=postgres\nExecStart=/usr/bin/pg_autoctl run\nRestart=always\nStartLimitBurst=0\n"
                + "ExecReload=/usr/bin/pg_autoctl reload\n\n[Install]\nWantedBy=multi-user.target\n";
    }

    @Override
    public void start(Shell shell, InstancePaths p, String unit) throws IOException {
        shell.upload(unitText(p.pgdata(), "pg_auto_failover " + unit).getBytes(StandardCharsets.UTF_8),
                "/etc/systemd/system/" + unit + ".service", "644");
        shell.check(Command.asRoot("systemctl daemon-reload && systemctl enable --now " + quote(unit))
                .timeout(Duration.ofSeconds(60)));
    }

    @Override
    public void stop(Shell shell, InstancePaths p, String unit) throws IOException {
        // systemctl stop, not kill: Restart=always would bring a killed keeper straight back.
        shell.check(Command.asRoot("systemctl stop " + quote(unit) + " 2>&1 || true").timeout(Duration.ofSeconds(90)));
    }

    @Override
    public boolean isRunning(Shell shell, InstancePaths p, String unit) throws IOException {
        CommandResult r = shell.run(Command.asRoot("systemctl is-active --quiet " + quote(unit)).probe().timeout(Duration.ofSeconds(20)));
        return r.ok();
    }

    @Override
    public String kind() { return "systemd"; }

    /** systemd is the init system when /run/systemd/system exists (sd_booted()). */
    public static KeeperControl detect(Shell shell) throws IOException {
        CommandResult r = shell.run(Command.of("[ -d /run/systemd/system ]").probe().timeout(Duration.ofSeconds(20)));
        return r.ok() ? new SystemdKeeper() : new DetachedKeeper();
    }
}
