package io.failoverlab.pgaf;

import java.nio.charset.StandardCharsets;

/** The monitor URI pg_autoctl prints, with a password put into its user part (percent-encoded). */
public final class MonitorUris {
    private MonitorUris() { }

    /**
     * {@code postgres://autoctl_node@host:port/pg_auto_failover?sslmode=require} →
     * {@code postgres://autoctl_node:PASS@host:port/…}; a URI without a user gets autoctl_node.
     * A password already there is replaced.
     */
    public static String withPassword(String uri, String password) {
        int scheme = uri.indexOf("://");
        if (scheme < 0) throw new IllegalArgumentException("Not a postgres:// URI: " + redact(uri));
        int start = scheme + 3;
        int slash = uri.indexOf('/', start);
        int hostEnd = slash < 0 ? uri.length() : slash;
        int at = uri.lastIndexOf('@', hostEnd - 1);
        String user;
        int hostStart;
        if (at >= start) {
            String userinfo = uri.substring(start, at);
            int colon = userinfo.indexOf(':');
            user = colon < 0 ? userinfo : userinfo.substring(0, colon);
            hostStart = at + 1;
        } else {
            user = MonitorClient.USER;
            hostStart = start;
        }
        return uri.substring(0, start) + user + ":" + encode(password) + "@" + uri.substring(hostStart);
    }

    /**
     * The URI with {@code key=value} among its query parameters (replacing one already there).
     * libpq reads them; pg_autoctl keeps the URI as given.
     */
    public static String withParameter(String uri, String key, String value) {
        int q = uri.indexOf('?');
        String base = q < 0 ? uri : uri.substring(0, q);
        StringBuilder query = new StringBuilder();
        if (q >= 0) {
            for (String p : uri.substring(q + 1).split("&")) {
                if (p.isEmpty() || p.startsWith(key + "=")) continue;
                query.append(query.length() == 0 ? "" : "&").append(p);
            }
        }
        query.append(query.length() == 0 ? "" : "&").append(key).append('=').append(encode(value));
        return base + "?" + query;
    }

    /** The URI with its password (if any) replaced by ****, for messages. */
    public static String redact(String uri) {
        return uri == null ? null : uri.replaceAll("(://[^:/@]+):[^@/]*@", "$1:****@");
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters. */
    public static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }
}
