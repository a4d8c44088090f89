package io.failoverlab.ui.topology;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.StepIds;
import io.failoverlab.ops.OperationResult;
import io.failoverlab.ui.FxWait;
import io.failoverlab.ui.Snapshots;
import io.failoverlab.ui.TestWindows;
import io.failoverlab.ui.app.WindowSnapshot;
import io.failoverlab.ui.console.ConsoleWindow;
import io.failoverlab.ui.session.LabSession;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The diagram's monitor box in a real window: lost (with the monitor's style of down) when the
 * monitor stops answering, back when it answers again, replaced after replace-monitor.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
@ResourceLock("display")
class MonitorBoxTest {
    @TempDir
    static Path dir;
    LabSession session;
    ConsoleWindow window;

    @Start
    void start(Stage stage) {
        session = new LabSession(TestWindows.idleLab(dir, "monitor-box"));
        window = TestWindows.console(stage, session, dir.resolve("console.json"), 1400, 860);
        window.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

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
