package io.failoverlab.engine;

import io.failoverlab.pgaf.MonitorClient;
import io.failoverlab.remote.PortForward;

/** A monitor client together with the tunnel it goes through; closing closes both. */
public record MonitorConnection(MonitorClient client, PortForward tunnel) implements AutoCloseable {
    @Override
    public void close() {
        try {
            client.close();
        } finally {
            tunnel.close();
        }
    }
}
