package io.failoverlab.remote;

/** A local loopback port that reaches a remote host:port; close to stop forwarding. */
public interface PortForward extends AutoCloseable {
    int localPort();

    @Override
    void close();

    /** For LocalShell: no tunnel is needed, the port is the remote one itself. */
    static PortForward direct(int port) {
        return new PortForward() {
            public int localPort() { return port; }
            public void close() { }
        };
    }
}
