package io.failoverlab.ui.actions;

import io.failoverlab.ui.console.ConsoleWindow;
import io.failoverlab.ui.FxWait;
import io.failoverlab.ui.session.LabSession;
import io.failoverlab.ui.TestWindows;
import io.failoverlab.ui.app.UiSettings;
import io.failoverlab.ui.app.UiSettingsStore;
import org.junit.jupiter.api.parallel.ResourceLock;
import io.failoverlab.lab.LabException;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An action whose operation cannot even be built (it throws in its factory, on the FX thread)
 * ends at once: its failure is the result, and every action button is enabled again.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
@ResourceLock("display")
class ActionFailureTest {
    @TempDir
    static Path dir;
    LabSession session;
    ConsoleWindow window;

    @Start
    void start(Stage stage) {
        session = new LabSession(TestWindows.idleLab(dir, "refusing"), (io.failoverlab.remote.ShellFactory) null, dir.resolve("journal"));
        Actions actions = Actions.standard().add(ConsoleAction.of("explode", "action.switchover", s -> {
            throw new LabException("This operation cannot be built here.");
        }));
        UiSettings settings = new UiSettings();
        settings.width = 1200;
        settings.height = 800;
        window = new ConsoleWindow(stage, session, actions, new UiSettingsStore(dir.resolve("console.json")), settings, Locale.ENGLISH);
        window.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

    @Test
    void theButtonsComeBackWhenBuildingTheOperationThrows(FxRobot robot) throws Exception {
        robot.clickOn("#action-explode");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline && FxWait.onFx(() -> window.controller().lastResultProperty().get() == null)) {
            Thread.sleep(50);
        }
        assertFalse(FxWait.onFx(() -> window.controller().busyProperty().get()), "busy was left on");
        assertEquals("This operation cannot be built here.", FxWait.onFx(() -> window.controller().lastResultProperty().get().message()));
        assertFalse(FxWait.onFx(() -> window.controller().lastResultProperty().get().ok()));
        for (String id : new String[]{"#action-explode", "#action-switchover", "#action-build"}) {
            Button b = robot.lookup(id).queryAs(Button.class);
            assertFalse(FxWait.onFx(b::isDisabled), id + " stays disabled");
        }
        assertTrue(FxWait.onFx(() -> window.controller().runningProperty().get() == null));
    }
}
