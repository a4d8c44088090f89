package io.failoverlab.ops;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Figures come out in the order the operation measured them (the CLI and the report print them so). */
class OperationResultTest {
    @Test
    void figuresKeepTheirOrderAndCannotBeChanged() {
        Map<String, Double> f = new LinkedHashMap<>();
        for (String k : List.of("writableSeconds", "primarySeconds", "convergedSeconds", "a", "z", "m", "b", "y")) f.put(k, 1.0);
        OperationResult r = OperationResult.ok("switchover", 1, "done", f, null);
        assertEquals(List.copyOf(f.keySet()), List.copyOf(r.figures().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> r.figures().put("x", 2.0));
        f.put("later", 3.0);
        assertEquals(8, r.figures().size(), "a copy, not a view");
    }
}
