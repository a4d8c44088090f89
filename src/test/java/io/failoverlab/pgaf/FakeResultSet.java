package io.failoverlab.pgaf;

import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A ResultSet over in-memory rows, enough for the row mappers (getX by label, wasNull, metadata). */
final class FakeResultSet {
    private FakeResultSet() { }

    /** columns: labels in order; rows: values by label (missing or null = SQL NULL). */
    static ResultSet of(List<String> columns, List<Map<String, Object>> rows) {
        int[] at = {-1};
        Object[] lastRead = {null};
        ResultSetMetaData md = (ResultSetMetaData) Proxy.newProxyInstance(FakeResultSet.class.getClassLoader(),
                new Class<?>[] {ResultSetMetaData.class}, (p, m, a) -> switch (m.getName()) {
                    case "getColumnCount" -> columns.size();
                    case "getColumnLabel", "getColumnName" -> columns.get((Integer) a[0] - 1);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (ResultSet) Proxy.newProxyInstance(FakeResultSet.class.getClassLoader(),
                new Class<?>[] {ResultSet.class}, (p, m, a) -> {
                    String name = m.getName();
                    if (name.equals("next")) return ++at[0] < rows.size();
                    if (name.equals("getMetaData")) return md;
                    if (name.equals("wasNull")) return lastRead[0] == null;
                    if (name.equals("close")) return null;
                    if (!name.startsWith("get") || a == null || !(a[0] instanceof String col)) {
                        throw new UnsupportedOperationException(name);
                    }
                    if (!columns.contains(col)) throw new java.sql.SQLException("no column " + col);
                    Object v = rows.get(at[0]).get(col);
                    lastRead[0] = v;
                    return switch (name) {
                        case "getString" -> v == null ? null : v.toString();
                        case "getInt" -> v == null ? 0 : ((Number) v).intValue();
                        case "getLong" -> v == null ? 0L : ((Number) v).longValue();
                        case "getDouble" -> v == null ? 0.0 : ((Number) v).doubleValue();
                        case "getBoolean" -> v != null && (Boolean) v;
                        case "getTimestamp" -> (Timestamp) v;
                        default -> throw new UnsupportedOperationException(name);
                    };
                });
    }

    static List<String> cols(String... names) { return new ArrayList<>(List.of(names)); }
}
