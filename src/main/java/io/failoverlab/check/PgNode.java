package io.failoverlab.check;

import java.util.Objects;

/** A PostgreSQL server to check: a display name and where it listens. */
public record PgNode(String name, String host, int port) {
    public PgNode {
        Objects.requireNonNull(host, "host");
        if (port <= 0 || port > 65535) throw new IllegalArgumentException("Bad port " + port + " for " + name);
        name = name == null || name.isBlank() ? host + ":" + port : name;
    }

    /** host:port as JDBC URLs want it (IPv6 literals in brackets). */
    public String address() {
        return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }
}
