package io.failoverlab.check;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How to log in to the lab's nodes. The password travels only in connection properties, never
 * in a URL, so URLs can be shown and logged; toString masks it.
 */
public record ConnectionSettings(String database, String user, String password, String sslMode,
                                 Duration connectTimeout, Duration socketTimeout) {

    static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    public ConnectionSettings {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        sslMode = sslMode == null ? "prefer" : sslMode;
        if (!SSL_MODES.contains(sslMode)) throw new IllegalArgumentException("Unknown sslmode '" + sslMode + "'.");
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
        // Generous: creating a million rows on a primary with a synchronous standby takes seconds.
        socketTimeout = socketTimeout == null ? Duration.ofSeconds(60) : socketTimeout;
    }

    public static ConnectionSettings of(String database, String user) {
        return new ConnectionSettings(database, user, null, null, null, null);
    }

    public ConnectionSettings withPassword(String p) {
        return new ConnectionSettings(database, user, p, sslMode, connectTimeout, socketTimeout);
    }

    public ConnectionSettings withSslMode(String m) {
        return new ConnectionSettings(database, user, password, m, connectTimeout, socketTimeout);
    }

    public ConnectionSettings withTimeouts(Duration connect, Duration socket) {
        return new ConnectionSettings(database, user, password, sslMode, connect, socket);
    }

    /** URL of one node; it connects whatever the node's role is. */
    public String url(PgNode node) {
        return "jdbc:postgresql://" + node.address() + "/" + encodedDatabase();
    }

    /** URL over several nodes that lands on whichever is primary now (pgjdbc tries them in order). */
    public String multiHostUrl(List<PgNode> nodes, String targetServerType) {
        if (nodes.isEmpty()) throw new IllegalArgumentException("At least one node is needed.");
        return "jdbc:postgresql://" + nodes.stream().map(PgNode::address).collect(Collectors.joining(","))
                + "/" + encodedDatabase() + "?targetServerType=" + targetServerType;
    }

    /** Login properties: user, password, sslmode and timeouts (whole seconds, at least 1). */
    public Properties properties(String applicationName) {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) p.setProperty("password", password);
        p.setProperty("sslmode", sslMode);
        p.setProperty("connectTimeout", seconds(connectTimeout));
        p.setProperty("loginTimeout", seconds(connectTimeout.plusSeconds(1)));
        p.setProperty("socketTimeout", seconds(socketTimeout));
        p.setProperty("ApplicationName", applicationName);
        return p;
    }

    private String encodedDatabase() {
        // pgjdbc URL-decodes the database part: a name like "ha-demo" or one with spaces survives.
        return URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String seconds(Duration d) {
        return Long.toString(Math.max(1, (d.toMillis() + 999) / 1000));
    }

    @Override
    public String toString() {
        return "ConnectionSettings[database=" + database + ", user=" + user + ", password="
                + (password == null ? "none" : "***") + ", sslmode=" + sslMode + "]";
    }
}
