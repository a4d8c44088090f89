package io.failoverlab.check;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class IdentifiersTest {
    @Test
    void quotesAndDoublesEmbeddedQuotes() {
        assertEquals("\"ha_test\"", Identifiers.quote("ha_test"));
        assertEquals("\"a b\"", Identifiers.quote("a b"));
        assertEquals("\"a\"\"b\"", Identifiers.quote("a\"b"));
        assertEquals("\"x\"\"; drop table t; --\"", Identifiers.quote("x\"; drop table t; --"));
    }

    @Test
    void refusesNamesPostgresWouldChange() {
        assertThrows(IllegalArgumentException.class, () -> Identifiers.quote(""));
        assertThrows(IllegalArgumentException.class, () -> Identifiers.quote(null));
        assertThrows(IllegalArgumentException.class, () -> Identifiers.quote("a\0b"));
        assertThrows(IllegalArgumentException.class, () -> Identifiers.quote("x".repeat(64)));
        assertEquals(65, Identifiers.quote("x".repeat(63)).length());
    }
}
