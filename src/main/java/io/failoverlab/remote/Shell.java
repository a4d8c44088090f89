package io.failoverlab.remote;

import java.io.IOException;

/**
 * Runs commands on one host: this machine (LocalShell) or a remote one over SSH (SshShell).
 * Implementations are thread-safe: several commands may run at once.
 */
public interface Shell extends AutoCloseable {

    /** Runs the command, streaming its output to its listener; returns when it ends or times out. */
    CommandResult run(Command command) throws IOException;

    /** Writes bytes to a file on the host (as root, mode given as octal, e.g. "600"). */
    void upload(byte[] content, String remotePath, String mode) throws IOException;

    /** Forwards a free local loopback port to host:port as seen from this host. */
    PortForward forward(String remoteHost, int remotePort) throws IOException;

    /** Who and where, for messages: "this machine" or "user@host:port". */
    String describe();

    /** True when the login user is root (no sudo needed for ROOT, runuser for POSTGRES). */
    boolean loginIsRoot() throws IOException;

    @Override
    void close();

    /** Runs and throws a RemoteCommandException when the exit code is not 0. */
    default CommandResult check(Command command) throws IOException {
        CommandResult r = run(command);
        if (!r.ok()) throw new RemoteCommandException(describe(), command, r);
        return r;
    }
}
