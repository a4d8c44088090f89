package io.failoverlab.report;

import io.failoverlab.lab.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The journal's line types: an enum in code, the same lower-case words on disk. */
class JournalEntryTest {
    @Test
    void typesAreWrittenAsTheirLowerCaseWords() throws Exception {
        for (JournalEntry.Type t : JournalEntry.Type.values()) {
            String json = Json.COMPACT.writeValueAsString(JournalEntry.of(t, 1, "switchover"));
            assertTrue(json.startsWith("{\"type\":\"" + t.name().toLowerCase() + "\""), json);
            assertFalse(json.contains("kind"), json);
            assertEquals(t, Json.MAPPER.readValue(json, JournalEntry.class).kind());
        }
    }

    @Test
    void aTypeThisVersionDoesNotKnowStillReads() throws Exception {
        JournalEntry e = Json.MAPPER.readValue("{\"type\":\"future\",\"at\":\"2024-01-01T00:00:00.5Z\"}", JournalEntry.class);
        assertEquals("future", e.type());
        assertNull(e.kind());
        assertTrue(JournalModel.of(java.util.List.of(e)).steps.isEmpty());
    }
}
