package io.failoverlab.engine;

import io.failoverlab.lab.HostSpec;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.remote.Shell;
import io.failoverlab.remote.ShellFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** One open, logging Shell per lab host, opened on first use. */
public final class ShellPool implements AutoCloseable {
    private final LabSpec lab;
    private final ShellFactory factory;
    private final EngineListener listener;
    private final Map<String, Shell> open = new LinkedHashMap<>();

    public ShellPool(LabSpec lab, ShellFactory factory, EngineListener listener) {
        this.lab = lab;
        this.factory = factory;
        this.listener = listener;
    }

    public synchronized Shell host(String hostId) throws IOException {
        Shell s = open.get(hostId);
        if (s == null) {
            HostSpec h = lab.host(hostId).orElseThrow(() -> new LabException(Msg.of("engine.host.unknown", hostId)));
            s = new LoggingShell(factory.open(h), h.id, listener);
            open.put(hostId, s);
        }
        return s;
    }

    /** Closes and drops the host's shell: its machine was replaced, the next command connects to the new one. */
    public synchronized void forget(String hostId) {
        Shell s = open.remove(hostId);
        if (s != null) s.close();
    }

    public Shell of(InstanceSpec inst) throws IOException {
        return host(inst.host);
    }

    @Override
    public synchronized void close() {
        open.values().forEach(Shell::close);
        open.clear();
    }
}
