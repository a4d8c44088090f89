package io.failoverlab.ui;

import io.failoverlab.ui.console.ConsoleWindow;
import io.failoverlab.ui.session.LabSession;
import io.failoverlab.ui.app.UiSettings;
import io.failoverlab.ui.app.UiSettingsStore;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.Tag;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.NodeState;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real window on a lab that is not built (no cluster): layout, log tabs, language, theme, geometry. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
@ResourceLock("display")
class UiWindowTest {
    @TempDir
    static Path dir;
    LabSpec lab;
    LabSession session;
    ConsoleWindow window;
    UiSettingsStore store;

    @Start
    void start(Stage stage) {
        lab = TestWindows.idleLab(dir, "ui-window");
        store = new UiSettingsStore(dir.resolve("console.json"));
        session = new LabSession(lab);
        window = TestWindows.console(stage, session, store, 1300, 850);
        window.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

    @Test
    void showsActionsChecklistAndAnIdleMonitor(FxRobot robot) throws Exception {
        assertEquals("Build lab", robot.lookup("#action-build").queryAs(Button.class).getText());
        assertEquals("Switchover", robot.lookup("#action-switchover").queryAs(Button.class).getText());
        assertTrue(robot.lookup("#step-preflight").tryQuery().isPresent());
        assertTrue(robot.lookup("#step-node2").tryQuery().isPresent());
        assertTrue(robot.lookup("#step-verify").tryQuery().isPresent());
        // the start-up probe finds no monitor on these ports: nothing to watch, and no frozen table
        Thread.sleep(1500);
        assertEquals("monitor: not watched", robot.lookup("#status-monitor").queryAs(Label.class).getText());
        assertEquals("Lab: ui-window", robot.lookup("#status-lab").queryAs(Label.class).getText());
        // the icons are set once the first frame is out; the hidden tabs are built when first shown
        assertEquals(7, FxWait.onFx(() -> window.stage().getIcons().size()));
        assertTrue(robot.lookup("#datacheck-grid").tryQuery().isEmpty(), "the data-check tab is not built before it is shown");
        robot.clickOn("#tab-datacheck");
        FxWait.until(5, () -> robot.lookup("#datacheck-grid").tryQuery().isPresent(), () -> "the data-check tab shows no grid");
    }

    @Test
    void logLinesArriveInBatchesAndTabsFilterBySource(FxRobot robot) throws Exception {
        for (int i = 0; i < 20_000; i++) session.log().offer(LogLine.of(i % 2 == 0 ? "local" : "monitor", LogLine.Level.OUTPUT, "line " + i));
        session.log().offer(LogLine.of("vm7", LogLine.Level.ERROR, "a new host"));
        FxWait.until(10, () -> session.log().lines().size() == 20_001, () -> "lines " + session.log().lines().size());
        @SuppressWarnings("unchecked")
        ListView<LogLine> list = robot.lookup("#log-list").queryAs(ListView.class);
        assertEquals(20_001, FxWait.onFx(() -> list.getItems().size()));
        assertTrue(robot.lookup("#log-tab-vm7").tryQuery().isPresent() || FxWait.onFx(() ->
                robot.lookup("#log-tabs").queryAs(TabPane.class).getTabs().stream().anyMatch(t -> "vm7".equals(t.getUserData()))));
        robot.interact(() -> robot.lookup("#log-tabs").queryAs(TabPane.class).getSelectionModel().select(2)); // "monitor"
        assertEquals("monitor", session.log().sourceProperty().get());
        assertEquals(10_000, FxWait.onFx(() -> list.getItems().size()));
        robot.clickOn("#log-filter").write("line 19999");
        FxWait.until(5, () -> list.getItems().size() == 1, () -> "visible " + list.getItems().size());
        assertTrue(FxWait.onFx(() -> list.getParent() != null), "the list sits in the selected tab");
    }

    @Test
    void aRoleChangeShowsTheNotificationBarOverTheTable(FxRobot robot) throws Exception {
        NotificationPane bar = robot.lookup("#notification-bar").queryAs(NotificationPane.class);
        java.time.Instant t = java.time.Instant.now();
        session.offerSnapshot(Snapshots.of(t, Snapshots.node("node1", 1, 6001, NodeState.PRIMARY, NodeState.PRIMARY),
                Snapshots.node("node2", 2, 6002, NodeState.SECONDARY, NodeState.SECONDARY)));
        Thread.sleep(300);
        assertFalse(FxWait.onFx(bar::isShowing), "the first roles seen are not announced");
        session.offerSnapshot(Snapshots.of(t.plusSeconds(1), Snapshots.node("node1", 1, 6001, NodeState.SECONDARY, NodeState.SECONDARY),
                Snapshots.node("node2", 2, 6002, NodeState.PRIMARY, NodeState.PRIMARY)));
        FxWait.until(5, () -> bar.isShowing(), () -> "the bar did not show");
        // both changes of one failover share the bar, the newest last
        String text = FxWait.onFx(bar::getText);
        assertTrue(text.contains("node2 is now primary") && text.contains("node1 is now secondary"), text);
        assertEquals(2, FxWait.onFx(() -> window.notifier().shown()));
        FxWait.until(10, () -> !bar.isShowing(), () -> "the bar did not hide itself");
    }

    @Test
    void languageThemeAndPresentationSwitchFromTheMenu(FxRobot robot) throws Exception {
        robot.clickOn("Language").clickOn("Русский");
        FxWait.until(5, () -> "Собрать лабораторную".equals(robot.lookup("#action-build").queryAs(Button.class).getText()),
                () -> robot.lookup("#action-build").queryAs(Button.class).getText());
        assertEquals("Лабораторная: ui-window", robot.lookup("#status-lab").queryAs(Label.class).getText());
        assertEquals("ru", store.load().language);

        robot.clickOn("Вид").clickOn("Тёмная тема");
        assertTrue(FxWait.onFx(() -> window.scene().getRoot().getStyleClass().contains("theme-dark")));
        robot.clickOn("Вид").clickOn("Режим презентации");
        assertTrue(FxWait.onFx(() -> window.scene().getRoot().getStyleClass().contains("presentation")));
        robot.clickOn("Язык").clickOn("English");
        FxWait.until(5, () -> "Build lab".equals(robot.lookup("#action-build").queryAs(Button.class).getText()), () -> "still Russian");
        assertTrue(FxWait.onFx(() -> window.scene().getRoot().getStyleClass().containsAll(java.util.List.of("theme-dark", "presentation"))),
                "look survives the rebuild");
        UiSettings saved = store.load();
        assertTrue(saved.dark);
        assertTrue(saved.presentation);

        // a question asked on the projector is as big as the window behind it
        javafx.application.Platform.runLater(() -> window.controller().run(window.actions().find("destroy").orElseThrow()));
        FxWait.until(10, () -> robot.lookup(".confirm-dialog").tryQuery().isPresent(), () -> "no confirmation");
        javafx.scene.control.DialogPane pane = robot.lookup(".confirm-dialog").queryAs(javafx.scene.control.DialogPane.class);
        assertTrue(FxWait.onFx(() -> pane.getStyleClass().containsAll(java.util.List.of("console", "presentation", "theme-dark"))));
        assertEquals(20.0, FxWait.onFx(() -> ((Label) pane.lookup(".content")).getFont().getSize()), 0.01);
        robot.clickOn("#confirm-cancel");
    }

    @Test
    void geometryIsRememberedOnClose(FxRobot robot) {
        robot.interact(() -> {
            window.stage().setX(40);
            window.stage().setY(30);
            window.stage().setWidth(1111);
            window.rememberGeometry();
        });
        UiSettings s = store.load();
        assertEquals(1111, s.width, 1);
        assertEquals(40, s.x, 1);
        assertFalse(s.maximized);
    }
}
