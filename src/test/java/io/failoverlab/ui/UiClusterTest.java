package io.failoverlab.ui;

import io.failoverlab.ui.console.ConsoleWindow;
import io.failoverlab.ui.session.LabSession;
import io.failoverlab.ui.nodes.NodeRow;
import io.failoverlab.ui.steps.StepState;
import io.failoverlab.ui.app.Styles;
import io.failoverlab.ui.app.WindowSnapshot;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.Tag;
import io.failoverlab.testing.ClusterTest;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.NodeState;
import io.failoverlab.ops.OperationResult;
import io.failoverlab.testing.TestLabs;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window against a real local cluster on free loopback ports: Build lab (confirming what it
 * asks), watch the table reach one primary and one secondary, Switchover, see the roles swap.
 */
@ClusterTest
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
@ResourceLock("display")
class UiClusterTest {
    LabSpec lab;
    LabSession session;
    ConsoleWindow window;
    Path settingsDir;

    @Start
    void start(Stage stage) throws Exception {
        lab = TestLabs.localLab("ui-it");
        settingsDir = Files.createTempDirectory("failoverlab-ui-settings");
        session = new LabSession(lab);
        window = TestWindows.console(stage, session, settingsDir.resolve("console.json"), 1500, 920);
        window.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        TestWindows.destroyLab(session, lab, settingsDir);
    }

    @Test
    void buildThenSwitchoverSwapsTheRolesInTheTable(FxRobot robot) throws Exception {
        long t0 = System.nanoTime();
        TestWindows.buildLab(robot, window);
        OperationResult built = FxWait.onFx(() -> window.controller().lastResultProperty().get());
        assertTrue(built != null && built.ok(), () -> "build: " + built + "\nsteps: " + stepStates());
        assertTrue(FxWait.onFx(() -> session.steps().labSteps().stream().allMatch(s -> s.state() == StepState.PASSED)), this::stepStates);

        @SuppressWarnings("unchecked")
        TableView<NodeRow> table = robot.lookup("#node-table").queryAs(TableView.class);
        FxWait.until(180, () -> stable(table), () -> tableText(table));
        System.out.printf("BENCH window: Build lab to primary+secondary in the table: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertEquals("monitor: live", robot.lookup("#status-monitor").queryAs(Label.class).getText());
        String oldPrimary = FxWait.onFx(() -> primaryName(table));
        String oldSecondary = oldPrimary.equals("node1") ? "node2" : "node1";
        // the state cells are coloured by meaning (a pseudo-class per category, see Styles)
        assertTrue(FxWait.onFx(() -> coloured(robot, io.failoverlab.lab.NodeState.PRIMARY)), "a primary cell in the primary colour");
        assertTrue(FxWait.onFx(() -> coloured(robot, io.failoverlab.lab.NodeState.SECONDARY)), "a secondary cell in the secondary colour");

        long s0 = System.nanoTime();
        robot.clickOn("#action-switchover");
        // a switchover takes seconds (demote, promote, rejoin): meanwhile every action is disabled
        FxWait.until(10, () -> window.controller().busyProperty().get(), () -> "switchover did not start");
        assertTrue(FxWait.onFx(() -> robot.lookup("#action-build").query().isDisabled()
                && robot.lookup("#action-destroy").query().isDisabled()), "the other actions are disabled while one runs");
        assertEquals("Running: Switchover", robot.lookup("#status-busy").queryAs(Label.class).getText());
        FxWait.until(180, () -> stable(table) && oldSecondary.equals(primaryName(table)), () -> tableText(table));
        System.out.printf("BENCH window: switchover until the table shows %s primary: %.1f s%n", oldSecondary, (System.nanoTime() - s0) / 1e9);
        FxWait.until(180, () -> !window.controller().busyProperty().get(), () -> "switchover still running");
        OperationResult sw = FxWait.onFx(() -> window.controller().lastResultProperty().get());
        assertTrue(sw.ok(), sw::message);
        // the monitor's events in the log (no machine paths in the picture), then let the log and the ageing column repaint
        robot.interact(() -> robot.lookup("#log-tabs").queryAs(javafx.scene.control.TabPane.class).getTabs().stream()
                .filter(t -> "monitor".equals(t.getUserData())).findFirst().ifPresent(t -> t.getTabPane().getSelectionModel().select(t)));
        Thread.sleep(1500);

        Path shot = Path.of("target", "screenshots", "console.png");
        robot.interact(() -> {
            try {
                WindowSnapshot.savePng(window.scene(), shot);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(Files.size(shot) > 10_000);
        Path docs = Path.of("docs", "screenshots", "console.png");
        Files.createDirectories(docs.getParent());
        Files.copy(shot, docs, StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean stable(TableView<NodeRow> t) {
        long p = t.getItems().stream().filter(r -> r.reported() == NodeState.PRIMARY && r.assigned() == NodeState.PRIMARY).count();
        long s = t.getItems().stream().filter(r -> r.reported() == NodeState.SECONDARY && r.assigned() == NodeState.SECONDARY).count();
        return t.getItems().size() == 2 && p == 1 && s == 1;
    }

    private static String primaryName(TableView<NodeRow> t) {
        return t.getItems().stream().filter(r -> r.reported() == NodeState.PRIMARY).map(NodeRow::name).findFirst().orElse("");
    }

    private static String tableText(TableView<NodeRow> t) {
        return t.getItems().stream().map(r -> r.name() + " " + r.reported().id() + "/" + r.assigned().id()).collect(Collectors.joining(", "));
    }

    private String stepStates() {
        return FxWait.onFx(() -> session.steps().labSteps().stream().map(s -> s.name() + "=" + s.state() + " " + s.detail())
                .collect(Collectors.joining("; ")));
    }

    private static boolean coloured(FxRobot robot, io.failoverlab.lab.NodeState state) {
        return robot.lookup(".state-cell").queryAll().stream().anyMatch(n -> n instanceof javafx.scene.control.Labeled l
                && state.id().equals(l.getText()) && Styles.showsState(n, state));
    }
}
