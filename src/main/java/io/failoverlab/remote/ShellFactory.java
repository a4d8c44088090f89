package io.failoverlab.remote;

import io.failoverlab.lab.HostSpec;

import java.io.IOException;

/** Opens a Shell for a lab host: LocalShell for this machine, SshShell for the others. */
@FunctionalInterface
public interface ShellFactory {
    Shell open(HostSpec host) throws IOException;
}
