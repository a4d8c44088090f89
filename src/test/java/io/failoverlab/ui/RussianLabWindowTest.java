package io.failoverlab.ui;

import io.failoverlab.lab.LabSpec;
import io.failoverlab.ops.OperationResult;
import io.failoverlab.testing.ClusterTest;
import io.failoverlab.testing.TestLabs;
import io.failoverlab.ui.app.WindowSnapshot;
import io.failoverlab.ui.console.ConsoleWindow;
import io.failoverlab.ui.session.LabSession;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Russian window on a real local lab, as a student uses it: Build lab, the fast timing
 * profile, switchover, kill postgres, kill the primary node, start it again. After each, every
 * visible label, table cell and the status bar is read: no run of three or more English words
 * (EnglishRuns; the log, the hosts' own output, is left out). The window at 1366×768.
 */
@ClusterTest
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
@ResourceLock("display")
class RussianLabWindowTest {
    LabSpec lab;
    LabSession session;
    ConsoleWindow window;
    Path settingsDir;

    @Start
    void start(Stage stage) throws Exception {
        lab = TestLabs.localLab("ru-lab");
        settingsDir = Files.createTempDirectory("failoverlab-ru-settings");
        session = new LabSession(lab);
        window = TestWindows.console(stage, session, settingsDir.resolve("console.json"), 1366, 768);
        window.show();
        window.setLanguage(Locale.forLanguageTag("ru"));
    }

    @AfterEach
    void tearDown() throws Exception {
        TestWindows.destroyLab(session, lab, settingsDir);
    }

    @Test
    void aStudentsLabSpeaksRussianAfterEveryStep(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        TestWindows.buildLab(robot, window);
        after("build", problems);
        for (String action : List.of("profile-fast", "switchover", "kill-postgres", "kill-node")) {
            run(robot, action);
            after(action, problems);
        }
        // the killed node back: select it, start it
        String down = FxWait.onFx(() -> session.cluster().rows().stream()
                .filter(r -> !r.reported().writable() || !r.assigned().writable()).map(r -> r.name()).findFirst().orElse(null));
        if (down != null) {
            robot.interact(() -> session.cluster().selectNode(down));
            run(robot, "node-start");
            after("node-start", problems);
        }
        robot.interact(() -> {
            try {
                WindowSnapshot.savePng(window.scene(), Path.of("docs", "screenshots", "russian-lab-window.png"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals("", String.join("\n", problems));
    }

    /** Runs a window action as its button would (confirming its question) and waits until it ended. */
    private void run(FxRobot robot, String id) throws Exception {
        Platform.runLater(() -> window.controller().run(window.actions().find(id).orElseThrow()));
        long deadline = System.nanoTime() + 180_000_000_000L;
        Thread.sleep(300);
        while (System.nanoTime() < deadline) {
            if (robot.lookup("#confirm-ok").tryQuery().isPresent()) robot.clickOn("#confirm-ok");
            if (FxWait.onFx(() -> !window.controller().busyProperty().get())) break;
            Thread.sleep(300);
        }
        OperationResult r = FxWait.onFx(() -> window.controller().lastResultProperty().get());
        assertTrue(r != null && r.ok(), () -> id + ": " + (r == null ? "no result" : r.message()));
    }

    /** What the window shows once the step has ended (the table and timeline given a moment to catch up). */
    private void after(String step, List<String> problems) throws Exception {
        Thread.sleep(1500);
        String last = FxWait.onFx(() -> ((Label) window.scene().lookup("#status-last")).getText());
        assertTrue(last != null && !last.isBlank(), step + ": the status bar tells how it ended");
        assertTrue(FxWait.onFx(() -> EnglishRuns.visibleTexts(window.scene().getRoot()).contains(last)), step + ": the checker reads the status bar");
        String found = FxWait.onFx(() -> EnglishRuns.problems(window.scene().getRoot()));
        System.out.println("ru window after " + step + ": " + last);
        if (!found.isEmpty()) problems.add(step + ":\n" + found);
    }
}
