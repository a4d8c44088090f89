package io.failoverlab.check;

import java.nio.charset.StandardCharsets;

/**
 * SQL identifier quoting. Table names come from the user, and identifiers cannot be bound as
 * parameters, so they are always double-quoted: the name is taken literally (case, spaces,
 * quotes, dots included) and can never end the identifier early.
 */
public final class Identifiers {
    /** PostgreSQL silently truncates longer names (NAMEDATALEN - 1); refusing is clearer. */
    public static final int MAX_BYTES = 63;

    private Identifiers() { }

    public static String quote(String name) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("A table name must not be empty.");
        if (name.indexOf('\0') >= 0) throw new IllegalArgumentException("A table name must not contain a NUL character.");
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("A table name must be at most " + MAX_BYTES + " bytes long: " + name);
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
