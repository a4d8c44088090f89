package io.failoverlab.ui.labs;

import io.failoverlab.ui.FxWait;
import io.failoverlab.ui.app.Messages;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.Tag;
import io.failoverlab.testing.Sshd;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
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
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The class view: "Create N labs…" from the gce template runs Fleet in parallel through the real
 * provider and the stand-in gcloud (the "VMs" are the test sshd), one result line per lab; "Delete
 * all with prefix…" deletes exactly those labs' VMs and profiles.
 */
@Tag("cluster")
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
@ResourceLock("display")
class LabsFleetTest {
    @TempDir
    Path dir;
    Sshd sshd;

    @Start
    void start(Stage stage) { }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        if (sshd != null) sshd.close();
    }

    private static DialogPane dialog(FxRobot robot) throws Exception {
        FxWait.until(10, () -> robot.lookup(".dialog-pane").tryQuery().isPresent(), () -> "no dialog");
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    }

    private static void ok(FxRobot robot, DialogPane pane) {
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.OK)).fire());
    }

    @Test
    @SuppressWarnings("unchecked")
    void createTwoLabsThenDeleteThemByPrefix(FxRobot robot) throws Exception {
        sshd = Sshd.start();
        LabsFixture fx = LabsFixture.create(dir, 1, sshd);
        LabsWindow w = FxWait.onFx(() -> {
            LabsWindow lw = new LabsWindow(fx.context(), Messages.of(Locale.ENGLISH), null, null);
            lw.show();
            return lw;
        });
        FxWait.until(20, () -> w.loads() >= 1 && !w.busyProperty().get(), () -> "not loaded");
        robot.interact(() -> {
            TableView<LabRow> t = robot.lookup("#labs-table").queryAs(TableView.class);
            t.getSelectionModel().select(1); // beta-gce, the template
        });

        robot.clickOn("#labs-fleet-create");
        DialogPane d = dialog(robot);
        robot.interact(() -> {
            ((Spinner<Integer>) robot.lookup("#fleet-count").queryAs(Spinner.class)).getValueFactory().setValue(2);
            robot.lookup("#fleet-prefix").queryAs(TextField.class).setText("student");
        });
        ok(robot, d);
        DialogPane confirm = dialog(robot);
        String text = FxWait.onFx(() -> ((TextArea) confirm.getContent()).getText());
        assertTrue(text.startsWith("Create 2 labs (student-1 … student-2) in parallel?"), text);
        ok(robot, confirm);
        FxWait.until(120, () -> !w.busyProperty().get() && w.results().size() == 3 && w.results().get(2).contains("wall time"),
                () -> "results " + w.results());
        List<String> results = FxWait.onFx(() -> List.copyOf(w.results()));
        assertTrue(results.get(0).startsWith("✔ student-1"), results.toString());
        assertTrue(results.get(1).startsWith("✔ student-2"), results.toString());
        assertTrue(results.get(2).startsWith("2 done, 0 failed"), results.toString());
        assertTrue(fx.store.exists("student-1") && fx.store.exists("student-2"));
        assertEquals(9, fx.gcloud.instances().size(), fx.gcloud.instances().toString());
        FxWait.until(20, () -> w.rows().size() == 4 && !w.busyProperty().get(), () -> "rows " + w.rows());
        assertEquals("RUNNING 3/3", FxWait.onFx(() -> w.rows().get(2).cloudState()));

        robot.clickOn("#labs-fleet-delete");
        DialogPane p = dialog(robot);
        robot.interact(() -> ((TextField) p.lookup(".text-field")).setText("student"));
        ok(robot, p);
        DialogPane confirmDelete = dialog(robot);
        String list = FxWait.onFx(() -> ((TextArea) confirmDelete.getContent()).getText());
        assertTrue(list.contains("student-1, student-2"), list);
        ok(robot, confirmDelete);
        FxWait.until(60, () -> !w.busyProperty().get() && w.results().size() == 3 && w.results().get(2).contains("wall time"),
                () -> "results " + w.results());
        results = FxWait.onFx(() -> List.copyOf(w.results()));
        assertTrue(results.get(0).startsWith("✔ student-1") && results.get(0).contains("resource(s) deleted"), results.toString());
        assertEquals(List.of("fl-beta-gce-monitor", "fl-beta-gce-node1", "fl-beta-gce-node2"), fx.gcloud.instances());
        assertTrue(!fx.store.exists("student-1") && !fx.store.exists("student-2") && fx.store.exists("beta-gce"));
        assertTrue(fx.gcloud.calls().stream().noneMatch(l -> l.contains("REJECTED")), fx.gcloud.calls().toString());
    }

    /** Open on a gce lab without VMs: one confirmation creates them through the provider, then the console opens it. */
    @Test
    @SuppressWarnings("unchecked")
    void openingALabWithoutVmsCreatesThemFirst(FxRobot robot) throws Exception {
        sshd = Sshd.start();
        LabsFixture fx = LabsFixture.create(dir.resolve("provision"), 0, sshd);
        io.failoverlab.lab.LabSpec gamma = fx.store.duplicate("beta-gce", "gamma-gce");
        gamma.hosts.clear();
        fx.store.save(gamma);
        List<io.failoverlab.lab.LabSpec> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        LabsWindow w = FxWait.onFx(() -> {
            LabsWindow lw = new LabsWindow(fx.context(), Messages.of(Locale.ENGLISH), null, opened::add);
            lw.show();
            return lw;
        });
        FxWait.until(20, () -> w.loads() >= 1 && !w.busyProperty().get(), () -> "not loaded");
        robot.interact(() -> {
            TableView<LabRow> t = robot.lookup("#labs-table").queryAs(TableView.class);
            for (LabRow r : t.getItems()) if (r.name().equals("gamma-gce")) t.getSelectionModel().select(r);
        });
        robot.clickOn("#labs-open");
        DialogPane confirm = dialog(robot);
        ok(robot, confirm);
        FxWait.until(120, () -> !opened.isEmpty(), () -> "results " + w.results());
        io.failoverlab.lab.LabSpec lab = opened.get(0);
        assertEquals("gamma-gce", lab.name);
        assertEquals(3, lab.hosts.size(), lab.hosts.toString());
        assertEquals(3, fx.store.open("gamma-gce").hosts.size(), "the hosts were saved into the profile");
        assertTrue(fx.gcloud.instances().containsAll(List.of(lab.labId() + "-monitor", lab.labId() + "-node1",
                lab.labId() + "-node2")), fx.gcloud.instances().toString());
        assertTrue(fx.gcloud.calls().stream().noneMatch(l -> l.contains("REJECTED")), fx.gcloud.calls().toString());
    }
}
