package io.failoverlab.ui;

import io.failoverlab.ui.console.ConsoleWindow;
import io.failoverlab.ui.data.DataCheckRow;
import io.failoverlab.ui.session.LabSession;
import io.failoverlab.ui.nodes.NodeRow;
import io.failoverlab.ui.data.ProbeModel;
import io.failoverlab.ui.timeline.TimelineModel;
import io.failoverlab.ui.app.WindowSnapshot;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.Tag;
import io.failoverlab.testing.ClusterTest;
import io.failoverlab.check.ProbeVerification;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.NodeState;
import io.failoverlab.ops.OperationResult;
import io.failoverlab.testing.TestLabs;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
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
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window against a real local cluster: Build lab, switch to the fast timing profile through
 * the toolbar, start the write probe, Kill primary → node (confirmed), see the failover in the
 * table, the diagram and the timeline (fault marker, a new primary segment, the measured
 * failover), start the killed node again and see it secondary, verify the probe lost nothing,
 * run the data check; then take docs/screenshots/failover.png. Prints the display latency.
 */
@ClusterTest
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
@ResourceLock("display")
class UiFailoverTest {
    LabSpec lab;
    LabSession session;
    ConsoleWindow window;
    Path settingsDir;
    final DisplayLatency latency = new DisplayLatency();

    @Start
    void start(Stage stage) throws Exception {
        lab = TestLabs.localLab("ui-failover");
        settingsDir = Files.createTempDirectory("failoverlab-ui-settings");
        session = new LabSession(lab);
        session.tap(latency::onSnapshot);
        window = TestWindows.console(stage, session, settingsDir.resolve("console.json"), 1500, 980);
        window.show();
        @SuppressWarnings("unchecked")
        TableView<NodeRow> t = (TableView<NodeRow>) window.scene().lookup("#node-table");
        window.scene().addPostLayoutPulseListener(() -> latency.onPulse(t));
    }

    @AfterEach
    void tearDown() throws Exception {
        TestWindows.destroyLab(session, lab, settingsDir);
    }

    @Test
    void killPrimaryNodeFailsOverInTableAndTimelineThenTheNodeRejoins(FxRobot robot) throws Exception {
        TestWindows.buildLab(robot, window);
        assertTrue(last().ok(), () -> "build: " + last());
        @SuppressWarnings("unchecked")
        TableView<NodeRow> table = robot.lookup("#node-table").queryAs(TableView.class);
        FxWait.until(120, () -> stable(table), () -> tableText(table));
        String oldPrimary = FxWait.onFx(() -> primaryName(table));
        String oldSecondary = oldPrimary.equals("node1") ? "node2" : "node1";
        assertTrue(robot.lookup("#topo-" + oldPrimary + ".role-primary").tryQuery().isPresent(), "the diagram shows the primary");

        // the fast timing profile, through the toolbar's Timing menu
        robot.clickOn("#group-profile");
        robot.clickOn("#action-profile-fast");
        waitIdle(120, "profile fast");
        assertTrue(last().ok(), () -> "profile: " + last());
        FxWait.until(30, () -> "timing: fast".equals(robot.lookup("#status-profile").queryAs(Label.class).getText()),
                () -> robot.lookup("#status-profile").queryAs(Label.class).getText());

        // the write probe runs through the failover
        selectTab("datacheck");
        robot.clickOn("#probe-toggle");
        FxWait.until(30, () -> session.live().probe().phaseProperty().get() == ProbeModel.Phase.RUNNING
                && session.live().probe().statsProperty().get() != null && session.live().probe().statsProperty().get().acknowledged() > 0,
                () -> "probe " + session.live().probe().phaseProperty().get() + " " + session.live().probe().errorProperty().get());
        selectTab("timeline");

        // Kill primary → node, confirmed
        Instant killedAt = Instant.now();
        long k0 = System.nanoTime();
        robot.clickOn("#group-kill");
        robot.clickOn("#action-kill-node");
        FxWait.until(10, () -> robot.lookup("#confirm-ok").tryQuery().isPresent(), () -> "no confirmation");
        robot.clickOn("#confirm-ok");
        FxWait.until(10, () -> window.controller().busyProperty().get(), () -> "kill did not start");
        FxWait.until(120, () -> oldSecondary.equals(primaryName(table)) && table.getItems().stream()
                        .anyMatch(r -> r.name().equals(oldSecondary) && r.reported().writable() && r.assigned().writable()),
                () -> tableText(table));
        System.out.printf("BENCH window: kill primary node until the table shows %s writable: %.1f s%n", oldSecondary, (System.nanoTime() - k0) / 1e9);
        waitIdle(120, "kill primary");
        OperationResult kill = last();
        assertTrue(kill.ok(), kill::message);
        assertTrue(kill.figures().containsKey("failoverSeconds"), kill.figures()::toString);
        System.out.printf(Locale.ROOT, "BENCH window: kill-primary node figures %s%n", kill.figures());
        // the timeline: a fault marker, the end marker with the failover measured, a new writable segment for the survivor
        TimelineModel tl = session.live().timeline();
        assertTrue(FxWait.onFx(() -> tl.last(TimelineModel.Kind.FAULT).map(mk -> !mk.at().isBefore(killedAt.minusSeconds(1))).orElse(false)));
        assertTrue(FxWait.onFx(() -> tl.last(TimelineModel.Kind.END_OK).map(mk -> mk.figures().containsKey("failoverSeconds")).orElse(false)));
        assertTrue(FxWait.onFx(() -> tl.segments(oldSecondary).stream().anyMatch(s -> s.reported().writable() && !s.from().isBefore(killedAt))),
                () -> FxWait.onFx(() -> tl.segments(oldSecondary).toString()));
        assertTrue(robot.lookup(".tl-marker.tl-fault").tryQuery().isPresent(), "the fault is drawn on the timeline");
        assertTrue(robot.lookup(".tl-marker-label.tl-end-ok").tryQuery().isPresent(), "the measured end is written on the timeline");
        FxWait.until(10, () -> robot.lookup("#topo-" + oldSecondary + ".role-primary").tryQuery().isPresent(), () -> "diagram not turned");
        assertTrue(FxWait.onFx(() -> window.notifier().shown() >= 1), "a role-change notification was shown");
        assertTrue(FxWait.onFx(() -> window.notifier().lastText()).contains(oldSecondary + " is now primary"),
                () -> "notification: " + FxWait.onFx(() -> window.notifier().lastText()));

        // select the killed node in the table, Node → Start selected node
        robot.interact(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).name().equals(oldPrimary)) table.getSelectionModel().select(i);
            }
        });
        assertEquals(oldPrimary, FxWait.onFx(() -> session.cluster().selectedNode()));
        robot.clickOn("#group-node");
        robot.clickOn("#action-node-start");
        waitIdle(150, "start node");
        assertTrue(last().ok(), () -> "start node: " + last().message());
        FxWait.until(120, () -> stable(table) && oldSecondary.equals(primaryName(table)), () -> tableText(table));
        assertTrue(FxWait.onFx(() -> tl.segments(oldPrimary).get(tl.segments(oldPrimary).size() - 1).reported() == NodeState.SECONDARY));

        // the probe: stop, verify: nothing acknowledged was lost
        selectTab("datacheck");
        robot.clickOn("#probe-toggle");
        FxWait.until(60, () -> session.live().probe().phaseProperty().get() == ProbeModel.Phase.VERIFIED
                || session.live().probe().phaseProperty().get() == ProbeModel.Phase.FAILED, () -> "probe " + session.live().probe().phaseProperty().get());
        ProbeVerification v = FxWait.onFx(() -> session.live().probe().verificationProperty().get());
        assertTrue(v != null && v.noneLost(), () -> "probe: " + v + " " + FxWait.onFx(() -> session.live().probe().errorProperty().get()));
        System.out.printf(Locale.ROOT, "BENCH window: write probe through the failover: %d acknowledged, longest gap %.2f s, lost 0, in doubt %d%n",
                v.acknowledged(), FxWait.onFx(() -> session.live().probe().statsProperty().get().longestGap().toMillis() / 1000.0), v.inDoubt());

        // the data check: the standby's read-only refusal is the expected result
        long d0 = System.nanoTime();
        robot.clickOn("#datacheck-run");
        waitIdle(180, "data check");
        assertTrue(last().ok(), () -> "data check: " + last().message());
        System.out.printf("BENCH window: data check (ha_test created with 1,000,000 rows): %.1f s%n", (System.nanoTime() - d0) / 1e9);
        assertEquals(2, FxWait.onFx(() -> session.live().dataCheck().size()));
        assertTrue(FxWait.onFx(() -> session.live().dataCheck().stream().anyMatch(r -> r.write() == DataCheckRow.Write.REFUSED_AS_EXPECTED
                && r.node().equals(oldPrimary))));
        assertTrue(robot.lookup(".dc-expected").tryQuery().isPresent());
        assertTrue(robot.lookup(".dc-failed").tryQuery().isEmpty());

        System.out.println("BENCH display latency (snapshot callback → table cell shows the state): " + FxWait.onFx(latency::summary));

        Thread.sleep(1200);
        shoot(robot, "datacheck.png", null);
        selectTab("timeline");
        robot.interact(() -> robot.lookup("#log-tabs").queryAs(TabPane.class).getTabs().stream()
                .filter(t -> "monitor".equals(t.getUserData()) || "monitor".equals(t.getText())).findFirst()
                .ifPresent(t -> t.getTabPane().getSelectionModel().select(t)));
        Thread.sleep(1500);
        shoot(robot, "failover.png", Path.of("docs", "screenshots", "failover.png"));
    }

    private void shoot(FxRobot robot, String name, Path docs) throws Exception {
        Path shot = Path.of("target", "screenshots", name);
        robot.interact(() -> {
            try {
                WindowSnapshot.savePng(window.scene(), shot);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(Files.size(shot) > 10_000);
        if (docs != null) {
            Files.createDirectories(docs.getParent());
            Files.copy(shot, docs, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void selectTab(String id) {
        FxWait.onFx(() -> {
            TabPane tabs = window.centreTabs();
            tabs.getTabs().stream().filter(t -> id.equals(t.getUserData())).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
            return null;
        });
    }

    private OperationResult last() {
        return FxWait.onFx(() -> window.controller().lastResultProperty().get());
    }

    private void waitIdle(int seconds, String what) throws Exception {
        Thread.sleep(300);
        FxWait.until(seconds, () -> !window.controller().busyProperty().get(), () -> what + " still running");
    }

    private static boolean stable(TableView<NodeRow> t) {
        long p = t.getItems().stream().filter(r -> r.reported() == NodeState.PRIMARY && r.assigned() == NodeState.PRIMARY).count();
        long s = t.getItems().stream().filter(r -> r.reported() == NodeState.SECONDARY && r.assigned() == NodeState.SECONDARY).count();
        return t.getItems().size() == 2 && p == 1 && s == 1;
    }

    private static String primaryName(TableView<NodeRow> t) {
        return t.getItems().stream().filter(r -> r.reported().writable() && r.assigned().writable()).map(NodeRow::name).findFirst().orElse("");
    }

    private static String tableText(TableView<NodeRow> t) {
        return t.getItems().stream().map(r -> r.name() + " " + r.reported().id() + "/" + r.assigned().id()).collect(Collectors.joining(", "));
    }
}
