package io.failoverlab.ui;

import io.failoverlab.lab.LabSpec;
import io.failoverlab.testing.TestLabs;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.Locale;

/** Console windows for the window tests: English, a given size, the settings in the test's own file. */
final class TestWindows {
    private TestWindows() { }

    /** A local lab on free loopback ports under dir, for tests that never build it. */
    static LabSpec idleLab(Path dir, String name) {
        LabSpec lab = LabSpec.local(dir.resolve("lab").toString(), TestLabs.freePort(), TestLabs.freePort(), TestLabs.freePort());
        lab.name = name;
        return lab;
    }

    /** The console on session, not shown yet (some tests time show() or hook it first). */
    static ConsoleWindow console(Stage stage, LabSession session, UiSettingsStore store, double width, double height) {
        UiSettings settings = new UiSettings();
        settings.width = width;
        settings.height = height;
        return new ConsoleWindow(stage, session, Actions.standard(), store, settings, Locale.ENGLISH);
    }

    static ConsoleWindow console(Stage stage, LabSession session, Path settingsFile, double width, double height) {
        return console(stage, session, new UiSettingsStore(settingsFile), width, height);
    }
}
