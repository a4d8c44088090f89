package io.failoverlab.ui;

import io.failoverlab.ui.actions.ConsoleAction;
import io.failoverlab.ui.console.ConsoleWindow;
import io.failoverlab.ui.session.LabSession;
import io.failoverlab.ui.app.WindowSnapshot;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.ResourceLock;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;
import io.failoverlab.lab.StepResult;
import io.failoverlab.ops.OperationResult;
import javafx.scene.Scene;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The window on a projector: at 1280×720, 1366×768 and 1920×1080, normal and presentation mode,
 * Russian and English, with 2 and 3 data nodes (view models only, no cluster), no node-table
 * header or cell is cut, the table shows exactly its rows, the diagram holds every box, every
 * action is reachable from the toolbar and the status bar is readable. Screenshots of each size
 * (3 nodes, after a kill of postgres) go to docs/screenshots.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
@ResourceLock("display")
class ProjectorLayoutTest {
    static final double[][] SIZES = {{1280, 720}, {1366, 768}, {1920, 1080}};
    @TempDir
    static Path dir;
    LabSession session;
    ConsoleWindow window;

    @Start
    void start(Stage stage) {
        session = new LabSession(TestWindows.idleLab(dir, "projector"));
        window = TestWindows.console(stage, session, dir.resolve("console.json"), 1280, 720);
        window.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

    @Test
    void everySizeModeLanguageAndNodeCountFitsTheWindow(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        for (Locale lang : List.of(Locale.forLanguageTag("ru"), Locale.ENGLISH)) {
            robot.interact(() -> {
                window.setLanguage(lang);
                // once per language: a kill of postgres has just been explained (last action, status bar, timeline)
                showResult(window, "kill-postgres", "kill-primary postgres", Msg.of("op.killPostgres.restarted",
                        "48213", "node2", 0.51, new Msg.Action("kill-node", "kill-primary --mode node")));
            });
            for (boolean presentation : new boolean[]{false, true}) {
                robot.interact(() -> window.setPresentation(presentation));
                for (double[] size : SIZES) {
                    for (int nodes : new int[]{3, 2}) {
                        String only = System.getProperty("projector.only");
                        if (only != null && !only.equals((int) size[0] + "-" + lang.getLanguage() + "-" + presentation + "-" + nodes)) continue;
                        long t0 = System.nanoTime();
                        show(robot, size, nodes);
                        String where = (int) size[0] + "x" + (int) size[1] + " " + lang.getLanguage()
                                + (presentation ? " presentation" : " normal") + " " + nodes + " nodes: ";
                        // boxes fade in and glide for 0.65 s; on a busy machine the layout may take longer to settle
                        List<String> found = FxWait.onFx(() -> check(nodes, size));
                        for (long end = System.nanoTime() + 10_000_000_000L; !found.isEmpty() && System.nanoTime() < end; ) {
                            Thread.sleep(300);
                            found = FxWait.onFx(() -> check(nodes, size));
                        }
                        found.forEach(p -> problems.add(where + p));
                        System.out.printf(Locale.ROOT, "BENCH projector layout %s laid out and checked in %.2f s%n", where,
                                (System.nanoTime() - t0) / 1e9);
                        if (nodes == 3) {
                            Path shot = Path.of("docs", "screenshots", "projector-" + (int) size[0] + "x" + (int) size[1] + "-"
                                    + lang.getLanguage() + (presentation ? "-presentation" : "") + ".png");
                            robot.interact(() -> {
                                try {
                                    WindowSnapshot.savePng(window.scene(), shot);
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            });
                        }
                    }
                }
            }
        }
        assertEquals("", String.join("\n", problems));
    }

    /** The window at size with a cluster of nodes data nodes, two of them mid-transition. */
    private void show(FxRobot robot, double[] size, int nodes) throws InterruptedException {
        robot.interact(() -> {
            window.stage().setWidth(size[0]);
            window.stage().setHeight(size[1]);
        });
        List<NodeStatus> n = new ArrayList<>(List.of(
                Snapshots.node("node1", 1, 6001, NodeState.SECONDARY, NodeState.SECONDARY),
                Snapshots.node("node2", 2, 6002, NodeState.WAIT_PRIMARY, NodeState.PRIMARY)));
        if (nodes == 3) n.add(Snapshots.node("node3", 3, 6003, NodeState.CATCHINGUP, NodeState.SECONDARY));
        session.offerSnapshot(Snapshots.of(Instant.now(), n.toArray(NodeStatus[]::new)));
        Thread.sleep(900);
    }

    /** FX thread: what the window shows when action id (operation opName) has ended with msg — as the runner and controller do. */
    static void showResult(ConsoleWindow w, String id, String opName, Msg msg) {
        ConsoleAction a = w.actions().find(id).orElseThrow();
        OperationResult r = new OperationResult(opName, true, 8.3, msg.english(), Map.of(), null, msg);
        w.session().steps().beginAction(false, opName, w.messages().tr(a.labelKey()));
        w.session().steps().finished(new StepResult(opName, true, 8.3, r.message()));
        w.controller().ended(a, opName, r);
    }

    private List<String> check(int nodes, double[] size) {
        Scene scene = window.scene();
        List<String> p = new ArrayList<>();
        if (Math.abs(scene.getWidth() - size[0]) > 1 || Math.abs(scene.getHeight() - size[1]) > 1) {
            p.add("the scene is " + scene.getWidth() + "x" + scene.getHeight());
        }
        if (System.getProperty("projector.only") != null) MinWidths.print(scene.getRoot(), 0);
        double minW = scene.getRoot().minWidth(-1);
        if (minW > size[0]) p.add("the window's content needs " + minW + " px: it is cut at the right");
        p.addAll(LayoutChecks.table(scene));
        p.addAll(LayoutChecks.diagram(scene, nodes == 3 ? List.of("node1", "node2", "node3") : List.of("node1", "node2")));
        p.addAll(LayoutChecks.toolbar(scene, window.actions()));
        p.addAll(LayoutChecks.statusBar(scene));
        p.addAll(LayoutChecks.log(scene, window.settings().presentation));
        return p;
    }
}
