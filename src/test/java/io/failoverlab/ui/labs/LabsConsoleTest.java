package io.failoverlab.ui.labs;

import io.failoverlab.ui.console.ConsoleWindow;
import io.failoverlab.ui.FxWait;
import io.failoverlab.ui.session.LabSession;
import io.failoverlab.ui.TestWindows;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.Tag;
import io.failoverlab.cloud.CostEstimate;
import io.failoverlab.lab.LabSpec;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console on a gce lab that has run four hours (stand-in gcloud): the status bar shows its
 * cost per hour and running total, and the reminder is given once; File → Labs… → Open switches
 * the console to another lab.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
@ResourceLock("display")
class LabsConsoleTest {
    @TempDir
    static Path dir;
    LabsFixture fx;
    LabSession session;
    ConsoleWindow window;
    final AtomicReference<ConsoleWindow> switched = new AtomicReference<>();

    @Start
    void start(Stage stage) throws Exception {
        fx = LabsFixture.create(dir.resolve("run-" + System.nanoTime()), 4);
        session = new LabSession(fx.gce, null, dir.resolve("journal"));
        window = TestWindows.console(stage, session, dir.resolve("console.json"), 1200, 800);
        window.labsContext(fx.context());
        window.onSwitch(switched::set);
        window.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
        if (switched.get() != null) switched.get().session().close();
    }

    @Test
    void statusBarShowsTheCostAndRemindsOnce(FxRobot robot) throws Exception {
        FxWait.until(20, () -> window.cost().refreshes() >= 1, () -> robot.lookup("#status-cost").queryAs(Label.class).getText());
        String text = robot.lookup("#status-cost").queryAs(Label.class).getText();
        double perHour = 3 * (0.033503 + 0.10 * 20 / 730 + 0.005);
        assertTrue(text.startsWith("cost ≈ " + CostEstimate.usd(perHour) + "/h, $0.49"), text);
        assertTrue(robot.lookup("#status-cost").queryAs(Label.class).isVisible());
        assertTrue(FxWait.onFx(() -> window.cost().reminded()));
        // a later refresh (every minute in the window) does not remind again
        window.cost().refresh();
        FxWait.until(20, () -> window.cost().refreshes() >= 2, () -> "no second refresh");
        assertTrue(FxWait.onFx(() -> window.cost().reminded()));
        assertTrue(fx.gcloud.calls().stream().noneMatch(l -> l.contains("REJECTED")));
    }

    @Test
    void fileMenuOpensLabsAndSwitchesTheConsole(FxRobot robot) throws Exception {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        List<String> ids = FxWait.onFx(() -> bar.getMenus().get(0).getItems().stream().map(MenuItem::getId).toList());
        assertTrue(ids.contains("menu-labs") && ids.contains("menu-new-lab"), ids.toString());
        LabsWindow labs = FxWait.onFx(window::openLabsWindow);
        FxWait.until(20, () -> labs.loads() >= 1 && !labs.busyProperty().get(), () -> "not loaded");
        robot.interact(() -> {
            var t = labs.rows();
            javafx.scene.control.TableView<?> table = robot.lookup("#labs-table").queryAs(javafx.scene.control.TableView.class);
            table.getSelectionModel().select(0); // alpha-local
            assertEquals("alpha-local", t.get(0).name());
        });
        robot.clickOn("#labs-open");
        FxWait.until(10, () -> switched.get() != null, () -> "no switch");
        ConsoleWindow next = switched.get();
        LabSpec lab = next.session().lab();
        assertEquals("alpha-local", lab.name);
        assertTrue(FxWait.onFx(() -> next.stage().isShowing()));
        assertFalse(FxWait.onFx(() -> window.stage().isShowing()), "the old console closed");
        assertEquals("Lab: alpha-local", FxWait.onFx(() -> ((Label) next.scene().lookup("#status-lab")).getText()));
        Label cost = FxWait.onFx(() -> (Label) next.scene().lookup("#status-cost"));
        assertNotNull(cost);
        assertFalse(FxWait.onFx(cost::isVisible), "a local lab has no cost");
    }
}
