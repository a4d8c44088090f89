package io.failoverlab.ui.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UiSettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsAndLeavesNoTempFiles() throws Exception {
        UiSettingsStore store = new UiSettingsStore(dir.resolve("sub/console.json"));
        UiSettings s = new UiSettings();
        s.x = 10.0;
        s.y = 20.0;
        s.width = 1234;
        s.language = "ru";
        s.dark = true;
        store.save(s);
        UiSettings back = store.load();
        assertEquals(10.0, back.x);
        assertEquals(1234, back.width);
        assertEquals("ru", back.language);
        assertTrue(back.dark);
        try (var files = Files.list(dir.resolve("sub"))) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void missingOrDamagedFileGivesDefaults() throws Exception {
        UiSettingsStore store = new UiSettingsStore(dir.resolve("console.json"));
        assertNull(store.load().x);
        Files.writeString(store.file(), "{ not json");
        assertEquals(1400, store.load().width);
    }
}
