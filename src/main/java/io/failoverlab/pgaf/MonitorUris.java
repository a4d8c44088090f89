package io.failoverlab.pgaf;

import java.nio.charset.StandardCharsets;

/** Monitor URIs as pg_autoctl takes them: a query parameter added, a password hidden for messages, percent-encoding. */
public final class MonitorUris {
    private MonitorUris() { }

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
