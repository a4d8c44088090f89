package io.failoverlab.check;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Small JDBC helpers shared by the data check and the write probe. */
final class Jdbc {
    /** SQLSTATE read_only_sql_transaction: a write on a standby or a read-only session. */
    static final String READ_ONLY_SQL_TRANSACTION = "25006";

    private Jdbc() { }

    static Connection connect(String url, Properties props) throws SQLException {
        return DriverManager.getConnection(url, props);
    }

    static void closeQuietly(AutoCloseable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (Exception ignored) {
            // the connection is already broken; nothing more to learn from it
        }
    }

    /** The server's (or driver's) sentence without pgjdbc's multi-line detail. */
    static String message(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) return e.getClass().getSimpleName();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
