package io.failoverlab.engine;

import io.failoverlab.lab.LogLine;
import io.failoverlab.remote.Command;
import io.failoverlab.remote.CommandResult;
import io.failoverlab.remote.OutputListener;
import io.failoverlab.remote.PortForward;
import io.failoverlab.remote.Shell;

import java.io.IOException;

/** Puts every command (its display form, secrets masked) and its output into the lab's log. */
final class LoggingShell implements Shell {
    private final Shell inner;
    private final String source;
    private final EngineListener listener;

    LoggingShell(Shell inner, String source, EngineListener listener) {
        this.inner = inner;
        this.source = source;
        this.listener = listener;
    }

    @Override
    public CommandResult run(Command c) throws IOException {
        String who = c.runAs() == io.failoverlab.remote.RunAs.POSTGRES ? "postgres$ " : c.runAs() == io.failoverlab.remote.RunAs.ROOT ? "root# " : "$ ";
        listener.log(LogLine.of(source, c.probing() ? LogLine.Level.PROBE : LogLine.Level.COMMAND, who + c.display().strip()));
        OutputListener original = c.listener();
        CommandResult r = inner.run(c.listener((stream, line) -> {
            listener.log(LogLine.of(source, stream == OutputListener.Stream.STDERR ? LogLine.Level.WARN : LogLine.Level.OUTPUT, line));
            original.line(stream, line);
        }));
        if (!r.ok()) {
            listener.log(LogLine.of(source, LogLine.Level.ERROR, r.timedOut() ? "timed out after "
                    + c.timeout().toSeconds() + " s" : "exit code " + r.exitCode()));
        }
        return r;
    }

    @Override
    public void upload(byte[] content, String remotePath, String mode) throws IOException {
        listener.log(LogLine.of(source, LogLine.Level.PROBE, "write " + remotePath + " (" + content.length + " bytes)"));
        inner.upload(content, remotePath, mode);
    }

    @Override
    public PortForward forward(String remoteHost, int remotePort) throws IOException {
        return inner.forward(remoteHost, remotePort);
    }

    @Override
    public String describe() { return inner.describe(); }

    @Override
    public boolean loginIsRoot() throws IOException { return inner.loginIsRoot(); }

    @Override
    public void close() { inner.close(); }
}
