package io.failoverlab.ui;

import io.failoverlab.ui.actions.Actions;
import io.failoverlab.ui.console.ConsoleWindow;
import io.failoverlab.ui.session.LabSession;
import io.failoverlab.ui.app.UiSettings;
import io.failoverlab.ui.app.UiSettingsStore;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.testing.TestLabs;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.Locale;

/** Console windows for the window tests: English, a given size, the settings in the test's own file. */
public final class TestWindows {
    private TestWindows() { }

    /** A local lab on free loopback ports under dir, for tests that never build it. */
    public static LabSpec idleLab(Path dir, String name) {
        LabSpec lab = LabSpec.local(dir.resolve("lab").toString(), TestLabs.freePort(), TestLabs.freePort(), TestLabs.freePort());
        lab.name = name;
        return lab;
    }

    /** The console on session, not shown yet (some tests time show() or hook it first). */
    public static ConsoleWindow console(Stage stage, LabSession session, UiSettingsStore store, double width, double height) {
        UiSettings settings = new UiSettings();
        settings.width = width;
        settings.height = height;
        return new ConsoleWindow(stage, session, Actions.standard(), store, settings, Locale.ENGLISH);
    }

    public static ConsoleWindow console(Stage stage, LabSession session, Path settingsFile, double width, double height) {
        return console(stage, session, new UiSettingsStore(settingsFile), width, height);
    }

    /**
     * Clicks Build lab and confirms whatever it asks (installing the packages first, on a machine
     * without them) until it has ended; at most 7 minutes. The caller checks the result.
     */
    static void buildLab(FxRobot robot, ConsoleWindow window) throws Exception {
        robot.clickOn("#action-build");
        long deadline = System.nanoTime() + 420_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (robot.lookup("#confirm-ok").tryQuery().isPresent()) robot.clickOn("#confirm-ok");
            if (FxWait.onFx(() -> !window.controller().busyProperty().get() && window.controller().lastResultProperty().get() != null)) break;
            Thread.sleep(300);
        }
    }

    /** After a test that built a real lab: closes the window, destroys the lab and removes its folders. */
    static void destroyLab(LabSession session, LabSpec lab, Path settingsDir) throws Exception {
        FxToolkit.cleanupStages();
        session.stopWatching();
        session.engine().down(true);
        session.close();
        TestLabs.deleteTree(Path.of(lab.dataDir).getParent());
        TestLabs.deleteTree(settingsDir);
    }
}
