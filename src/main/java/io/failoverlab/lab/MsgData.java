package io.failoverlab.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A Msg as plain JSON data and back, for the journal: {"key": k, "args": [...]}, where an
 * argument is a string, a number, a nested message, or an action {"action": id, "verb": v}.
 * A report made later renders it in its own language.
 */
public final class MsgData {
    private MsgData() { }

    /** mask: applied to every text argument (secrets never reach the journal). */
    public static Map<String, Object> toData(Msg m, UnaryOperator<String> mask) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", m.key());
        List<Object> args = new ArrayList<>();
        for (Object a : m.args()) {
            if (a instanceof Msg inner) args.add(toData(inner, mask));
            else if (a instanceof Msg.Action ac) args.add(Map.of("action", ac.id(), "verb", ac.verb()));
            else if (a instanceof Number n) args.add(n);
            else args.add(mask.apply(String.valueOf(a)));
        }
        out.put("args", args);
        return out;
    }

    /** The message read back, or null when the data is not one. */
    public static Msg fromData(Object data) {
        if (!(data instanceof Map<?, ?> map) || !(map.get("key") instanceof String key)) return null;
        List<Object> args = new ArrayList<>();
        if (map.get("args") instanceof List<?> list) {
            for (Object a : list) {
                if (a instanceof Map<?, ?> m && m.get("action") instanceof String id) {
                    args.add(new Msg.Action(id, String.valueOf(m.get("verb"))));
                } else if (a instanceof Map<?, ?>) {
                    Msg inner = fromData(a);
                    args.add(inner == null ? "" : inner);
                } else if (a instanceof Number n) {
                    args.add(n.doubleValue());
                } else {
                    args.add(a == null ? "" : a);
                }
            }
        }
        return new Msg(key, args);
    }
}
