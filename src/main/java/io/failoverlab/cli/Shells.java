package io.failoverlab.cli;

import io.failoverlab.lab.LabException;
import io.failoverlab.remote.LocalShell;
import io.failoverlab.remote.ShellFactory;

/** The app's way to open shells: this machine locally, other hosts over SSH. */
final class Shells {
    private Shells() { }

    static ShellFactory factory() {
        return host -> {
            if (host.local) return new LocalShell();
            throw new LabException("SSH hosts are not supported yet.");
        };
    }
}
