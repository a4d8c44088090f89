package io.failoverlab.ui.topology;

import io.failoverlab.ui.console.ConsoleWindow;
import io.failoverlab.ui.FxWait;
import io.failoverlab.ui.session.LabSession;
import io.failoverlab.ui.Snapshots;
import io.failoverlab.ui.TestWindows;
import io.failoverlab.ui.app.WindowSnapshot;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.Tag;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.StepIds;
import io.failoverlab.ops.OperationResult;
import javafx.scene.control.Label;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.layout.Region;
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
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The topology diagram keeps every node box whole, however narrow the window: three nodes, one
 * of them mid-transition (its longer "catchingup → secondary" label), at 1400 and 1024 px wide,
 * and again mid-switchover, while boxes glide and grow.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
@ResourceLock("display")
class TopologyFitTest {
    @TempDir
    static Path dir;
    LabSession session;
    ConsoleWindow window;

    @Start
    void start(Stage stage) {
        session = new LabSession(TestWindows.idleLab(dir, "fit"));
        window = TestWindows.console(stage, session, dir.resolve("console.json"), 1400, 860);
        window.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

    @Test
    void nodeBoxesStayInsideTheDiagram(FxRobot robot) throws Exception {
        session.offerSnapshot(Snapshots.of(Instant.now(),
                Snapshots.node("node1", 1, 6001, NodeState.PRIMARY, NodeState.PRIMARY),
                Snapshots.node("node2", 2, 6002, NodeState.SECONDARY, NodeState.SECONDARY),
                Snapshots.node("node3", 3, 6003, NodeState.CATCHINGUP, NodeState.SECONDARY)));
        for (double width : new double[]{1400, 1024}) {
            robot.interact(() -> window.stage().setWidth(width));
            Thread.sleep(1200); // boxes fade in and take their places
            String problem = FxWait.onFx(this::boxOutsideTheDiagram);
            robot.interact(() -> {
                try {
                    WindowSnapshot.savePng(window.scene(), Path.of("target", "screenshots", "topology-" + (int) width + ".png"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(problem == null, width + " px: " + problem);
        }
        // mid-switchover at 1400 px: the old primary glides right while the standby's box grows with
        // its longest label ("prepare_promotion → stop_replication")
        robot.interact(() -> window.stage().setWidth(1400));
        Thread.sleep(800);
        session.offerSnapshot(Snapshots.of(Instant.now(),
                Snapshots.node("node1", 1, 6001, NodeState.DEMOTE_TIMEOUT, NodeState.DEMOTE_TIMEOUT),
                Snapshots.node("node2", 2, 6002, NodeState.PREPARE_PROMOTION, NodeState.STOP_REPLICATION),
                Snapshots.node("node3", 3, 6003, NodeState.SECONDARY, NodeState.SECONDARY)));
        Thread.sleep(1500);
        String problem = FxWait.onFx(this::boxOutsideTheDiagram);
        robot.interact(() -> {
            try {
                WindowSnapshot.savePng(window.scene(), Path.of("target", "screenshots", "topology-switchover.png"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(problem == null, "mid-switchover: " + problem);
    }

    /** A node whose machine the app switched off is drawn greyed and says so, whatever state the monitor last had. */
    @Test
    void aSwitchedOffMachineIsShownOff(FxRobot robot) throws Exception {
        session.offerSnapshot(Snapshots.of(Instant.now(),
                Snapshots.node("node1", 1, 6001, NodeState.DEMOTED, NodeState.DEMOTED),
                Snapshots.node("node2", 2, 6002, NodeState.WAIT_PRIMARY, NodeState.WAIT_PRIMARY)));
        Thread.sleep(1200);
        robot.interact(() -> session.live().machinesOff(java.util.Set.of("node1")));
        Thread.sleep(400);
        String[] seen = FxWait.onFx(() -> {
            Node box = window.scene().lookup("#topo-node1");
            Node other = window.scene().lookup("#topo-node2");
            String where = ((javafx.scene.control.Label) box.lookup(".topo-where")).getText();
            return new String[]{where, String.valueOf(box.getStyleClass().contains("machine-off")),
                    String.valueOf(other.getStyleClass().contains("machine-off"))};
        });
        robot.interact(() -> {
            try {
                WindowSnapshot.savePng(window.scene(), Path.of("docs", "screenshots", "topology-machine-off.png"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals("machine off", seen[0]);
        assertEquals("true", seen[1]);
        assertEquals("false", seen[2], "only node1's machine is off");
        // powered on again: the address comes back
        robot.interact(() -> session.live().machinesOff(java.util.Set.of()));
        Thread.sleep(200);
        String where = FxWait.onFx(() -> ((javafx.scene.control.Label) window.scene().lookup("#topo-node1").lookup(".topo-where")).getText());
        assertTrue(where.endsWith(":6001"), where);
    }

    /** FX thread: the first node box (shadow included) not wholly inside the diagram, or two boxes on each other; null when none. */
    private String boxOutsideTheDiagram() {
        Region diagram = (Region) window.scene().lookup("#topology");
        Bounds pane = diagram.localToScene(diagram.getLayoutBounds());
        List<String> ids = List.of("#topo-node1", "#topo-node2", "#topo-node3", "#topo-monitor");
        for (String id : ids) {
            Node box = window.scene().lookup(id);
            if (box == null) return id + " missing";
            Bounds b = box.localToScene(box.getBoundsInLocal());
            if (b.getMinX() < pane.getMinX() - 0.5 || b.getMaxX() > pane.getMaxX() + 0.5
                    || b.getMinY() < pane.getMinY() - 0.5 || b.getMaxY() > pane.getMaxY() + 0.5) {
                return id + " at " + b + " outside " + pane;
            }
        }
        for (int i = 0; i < ids.size() - 1; i++) {
            for (int j = i + 1; j < ids.size() - 1; j++) {
                // the boxes themselves (their shadows may touch)
                Bounds a = window.scene().lookup(ids.get(i)).localToScene(window.scene().lookup(ids.get(i)).getLayoutBounds());
                Bounds b = window.scene().lookup(ids.get(j)).localToScene(window.scene().lookup(ids.get(j)).getLayoutBounds());
                if (a.intersects(b)) return ids.get(i) + " overlaps " + ids.get(j);
            }
        }
        return null;
    }

    /** The monitor's box: lost (with the style of down) when it stops answering, back when it answers again, replaced after replace-monitor. */
    @Test
    void theMonitorBoxSaysLostBackAndReplaced(FxRobot robot) throws Exception {
        session.offerSnapshot(Snapshots.stable(Instant.now()));
        FxWait.until(5, () -> note(robot).isEmpty() && box(robot).getStyleClass().contains("topo-up"), () -> "up: " + note(robot));
        session.offerSnapshot(new ClusterSnapshot(Instant.now(), false, "Connection refused", List.of()));
        FxWait.until(5, () -> note(robot).startsWith("lost") && box(robot).getStyleClass().contains("topo-lost"), () -> "lost: " + note(robot));
        shot(robot, "monitor-lost");
        session.offerSnapshot(Snapshots.stable(Instant.now()));
        FxWait.until(5, () -> note(robot).equals("back"), () -> "back: " + note(robot));
        robot.interact(() -> session.live().actionEnded(OperationResult.ok(StepIds.REPLACE_MONITOR, 12, "replaced", Map.of(), null)));
        FxWait.until(5, () -> note(robot).equals("replaced") && box(robot).getStyleClass().contains("topo-replaced"),
                () -> "replaced: " + note(robot));
        assertTrue(box(robot).getStyleClass().contains("topo-up"));
        shot(robot, "monitor-replaced");
    }

    private static Node box(FxRobot robot) {
        return robot.lookup("#topo-monitor").query();
    }

    private static String note(FxRobot robot) throws Exception {
        return FxWait.onFx(() -> {
            Label l = robot.lookup("#topo-monitor-note").queryAs(Label.class);
            return l.isVisible() ? l.getText() : "";
        });
    }

    private void shot(FxRobot robot, String name) {
        robot.interact(() -> {
            try {
                WindowSnapshot.savePng(window.scene(), Path.of("target", "screenshots", name + ".png"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
