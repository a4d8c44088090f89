package io.failoverlab.engine;

import io.failoverlab.remote.KnownHostsFile;
import io.failoverlab.remote.LocalShell;
import io.failoverlab.remote.ShellFactory;
import io.failoverlab.remote.SshShell;

import java.nio.file.Path;

/**
 * The app's way to open shells: this machine through LocalShell, other hosts over SSH with the
 * app's own known_hosts file. A key passphrase comes from FAILOVER_LAB_SSH_PASSPHRASE (never
 * from the lab profile).
 */
public final class Shells {
    private Shells() { }

    public static ShellFactory factory(Path knownHosts, KnownHostsFile.FirstContact firstContact) {
        return host -> {
            if (host.local) return new LocalShell();
            String pass = System.getenv("FAILOVER_LAB_SSH_PASSPHRASE");
            return SshShell.of(host, pass == null ? null : pass.toCharArray(), knownHosts, firstContact);
        };
    }
}
