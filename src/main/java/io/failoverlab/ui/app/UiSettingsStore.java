package io.failoverlab.ui.app;

import io.failoverlab.lab.LabProfiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** UiSettings as JSON in the app's config folder (console.json), written atomically. */
public final class UiSettingsStore {
    private final Path file;

    public UiSettingsStore(Path file) { this.file = file; }

    public static UiSettingsStore standard() {
        return new UiSettingsStore(LabProfiles.configDir().resolve("console.json"));
    }

    public Path file() { return file; }

    /** The saved settings, or defaults when there are none or they cannot be read. */
    public UiSettings load() {
        try {
            if (Files.isRegularFile(file)) return LabProfiles.JSON.readValue(file.toFile(), UiSettings.class);
        } catch (IOException | RuntimeException e) {
            // a damaged settings file must not keep the window from opening
        }
        return new UiSettings();
    }

    public void save(UiSettings s) {
        try {
            LabProfiles.writeAtomically(file, LabProfiles.JSON.writeValueAsBytes(s));
        } catch (IOException e) {
            System.err.println("Could not save window settings to " + file + ": " + e.getMessage());
        }
    }
}
