package io.failoverlab.remote;

import com.jcraft.jsch.ChannelDirectTCPIP;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Supplier;

/**
 * A local loopback port whose every connection is carried to remoteHost:remotePort in a channel of
 * the SSH session current at that moment. JSch's own forward dies with its session; this one
 * outlives a dropped session (a rebooted or powered-off machine): the next connection goes through
 * the reconnected one, so the state table, probe and data check recover by reconnecting.
 */
final class LastingTunnel implements PortForward {
    private static final Logger LOG = LoggerFactory.getLogger(LastingTunnel.class);
    private static final int CONNECT_MS = 15_000;
    private final ServerSocket server;
    private final String remoteHost;
    private final int remotePort;
    private final Supplier<Session> session;
    private final String where;
    private volatile boolean closed;

    /** @param session the connected session, reconnecting when the last one dropped */
    LastingTunnel(Supplier<Session> session, String remoteHost, int remotePort, String where) throws IOException {
        this.session = session;
        this.remoteHost = remoteHost;
        this.remotePort = remotePort;
        this.where = where;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "tunnel-" + remotePort);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public int localPort() { return server.getLocalPort(); }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> carry(client), "tunnel-" + remotePort + "-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) LOG.warn("Tunnel to {}:{} through {} stopped accepting: {}", remoteHost, remotePort, where, e.getMessage());
                return;
            }
        }
    }

    /** One connection: a direct-tcpip channel pumping both ways until either side closes. */
    private void carry(Socket client) {
        ChannelDirectTCPIP ch = null;
        try (client) {
            ch = open();
            ch.setInputStream(client.getInputStream());
            ch.setOutputStream(client.getOutputStream(), true);
            ch.connect(CONNECT_MS);
            while (!ch.isClosed() && !closed && !client.isClosed()) {
                // The far end's EOF is passed on as a half-close: sshd closes the channel only
                // after EOF from both sides, and a client reading to the end would wait forever.
                if (ch.isEOF() && !client.isOutputShutdown()) client.shutdownOutput();
                Thread.sleep(50);
            }
        } catch (JSchException | IOException | RuntimeException e) {
            LOG.info("Tunnel to {}:{} through {}: a connection failed: {}", remoteHost, remotePort, where, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (ch != null) ch.disconnect();
        }
    }

    /** A channel in the current session; once more in a fresh one when the session just died. */
    private ChannelDirectTCPIP open() throws JSchException {
        try {
            return directChannel(session.get());
        } catch (JSchException | RuntimeException dead) {
            return directChannel(session.get());
        }
    }

    private ChannelDirectTCPIP directChannel(Session s) throws JSchException {
        ChannelDirectTCPIP ch = (ChannelDirectTCPIP) s.openChannel("direct-tcpip");
        ch.setHost(remoteHost);
        ch.setPort(remotePort);
        ch.setOrgIPAddress("127.0.0.1");
        ch.setOrgPort(localPort());
        return ch;
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
