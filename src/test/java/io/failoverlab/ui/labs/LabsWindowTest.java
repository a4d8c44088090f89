package io.failoverlab.ui.labs;

import io.failoverlab.ui.FxWait;
import io.failoverlab.ui.app.Messages;
import io.failoverlab.ui.app.WindowSnapshot;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.Tag;
import io.failoverlab.cloud.CostEstimate;
import io.failoverlab.lab.LabSpec;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Labs window over a temp config folder with a local and a gce lab (the stand-in gcloud holds
 * the gce lab's three VMs, running for four hours): rows, cost cells, the reminder badge;
 * Duplicate and Delete change the list; "Delete lab" lists the labelled resources, then deletes them.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
@ResourceLock("display")
class LabsWindowTest {
    @TempDir
    Path dir;
    Stage owner;
    LabsFixture fx;
    LabsWindow window;
    final List<LabSpec> opened = new ArrayList<>();

    @Start
    void start(Stage stage) {
        owner = stage;
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    private void open() throws Exception {
        fx = LabsFixture.create(dir, 4);
        window = FxWait.onFx(() -> {
            LabsWindow w = new LabsWindow(fx.context(), Messages.of(Locale.ENGLISH), null, opened::add);
            w.show();
            return w;
        });
        waitLoaded(1);
    }

    private void waitLoaded(int loads) throws Exception {
        FxWait.until(20, () -> window.loads() >= loads && !window.busyProperty().get(), () -> "loads " + window.loads());
    }

    @SuppressWarnings("unchecked")
    private TableView<LabRow> table(FxRobot robot) {
        return robot.lookup("#labs-table").queryAs(TableView.class);
    }

    private List<String> cells(FxRobot robot, String column) {
        return FxWait.onFx(() -> {
            List<String> out = new ArrayList<>();
            for (var c : table(robot).getColumns()) {
                if (!column.equals(c.getId())) continue;
                for (int i = 0; i < table(robot).getItems().size(); i++) out.add(String.valueOf(c.getCellData(i)));
            }
            return out;
        });
    }

    private void select(FxRobot robot, String name) {
        robot.interact(() -> {
            TableView<LabRow> t = table(robot);
            for (LabRow r : t.getItems()) if (r.name().equals(name)) t.getSelectionModel().select(r);
        });
    }

    /** Presses a button of the dialog that is showing (the handler that opened it is waiting in showAndWait). */
    private DialogPane dialog(FxRobot robot) throws Exception {
        FxWait.until(10, () -> robot.lookup(".dialog-pane").tryQuery().isPresent(), () -> "no dialog");
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    }

    private void press(FxRobot robot, DialogPane pane, ButtonType type) {
        robot.interact(() -> ((Button) pane.lookupButton(type)).fire());
    }

    @Test
    void rowsCostsAndReminder(FxRobot robot) throws Exception {
        open();
        assertEquals(List.of("alpha-local", "beta-gce"), cells(robot, "labs-col-name"));
        assertEquals(List.of("local", "gce"), cells(robot, "labs-col-provider"));
        assertEquals(List.of("single", "per-role"), cells(robot, "labs-col-layout"));
        assertEquals(List.of("profile only", "RUNNING 3/3"), cells(robot, "labs-col-state"));
        double perHour = 3 * (0.033503 + 0.10 * 20 / 730 + 0.005);
        assertEquals(List.of("—", CostEstimate.usd(perHour)), cells(robot, "labs-col-hour"));
        List<String> totals = cells(robot, "labs-col-total");
        assertEquals("—", totals.get(0));
        double total = Double.parseDouble(totals.get(1).substring(1));
        assertEquals(4 * perHour, total, 0.002, "four hours at " + perHour);
        LabRow gce = FxWait.onFx(() -> table(robot).getItems().get(1));
        assertTrue(gce.reminderDue());
        assertTrue(robot.lookup(".reminder-badge").tryQuery().isPresent(), "the reminder badge is shown");
        assertEquals("⚠ over 3 h: delete it when done", robot.lookup(".reminder-badge").queryAs(Label.class).getText());
        // every gcloud call was the stand-in's, and one list answered both the state and the cost
        assertTrue(fx.gcloud.calls().stream().noneMatch(l -> l.contains("REJECTED")), fx.gcloud.calls().toString());

        // the screenshot for the README, with the gce lab selected
        select(robot, "beta-gce");
        Path shot = Path.of("docs", "screenshots", "labs.png");
        robot.interact(() -> {
            try {
                WindowSnapshot.savePng(window.stage().getScene(), shot);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(Files.size(shot) > 10_000);
    }

    @Test
    void duplicateAndDeleteChangeTheList(FxRobot robot) throws Exception {
        open();
        select(robot, "beta-gce");
        robot.clickOn("#labs-duplicate");
        DialogPane d = dialog(robot);
        assertEquals("beta-gce-copy", robot.lookup("#labs-duplicate-name").queryAs(javafx.scene.control.TextField.class).getText());
        press(robot, d, ButtonType.OK);
        waitLoaded(2);
        assertEquals(List.of("alpha-local", "beta-gce", "beta-gce-copy"), cells(robot, "labs-col-name"));
        assertEquals("no VMs", cells(robot, "labs-col-state").get(2), "the copy has VMs of its own only once it is built");
        assertTrue(fx.store.exists("beta-gce-copy"));

        select(robot, "alpha-local");
        robot.clickOn("#labs-delete");
        DialogPane del = dialog(robot);
        String text = FxWait.onFx(() -> ((TextArea) del.getContent()).getText());
        assertTrue(text.contains("alpha-local"), text);
        press(robot, del, ButtonType.OK);
        waitLoaded(3);
        assertEquals(List.of("beta-gce", "beta-gce-copy"), cells(robot, "labs-col-name"));
        assertFalse(fx.store.exists("alpha-local"));

        // cancelling deletes nothing
        select(robot, "beta-gce-copy");
        robot.clickOn("#labs-delete");
        press(robot, dialog(robot), ButtonType.CANCEL);
        Thread.sleep(300);
        assertTrue(fx.store.exists("beta-gce-copy"));
    }

    @Test
    void deleteLabListsTheLabelledResourcesThenDeletesThem(FxRobot robot) throws Exception {
        open();
        // another lab's VM in the same project must survive
        fx.vm("fl-other-monitor", "other", java.time.Instant.now());
        select(robot, "beta-gce");
        robot.clickOn("#labs-destroy");
        DialogPane d = dialog(robot);
        String text = FxWait.onFx(() -> ((TextArea) d.getContent()).getText());
        assertTrue(text.contains("instance fl-beta-gce-monitor (us-central1-a, RUNNING)"), text);
        assertTrue(text.contains("instance fl-beta-gce-node2"), text);
        assertTrue(text.contains("firewall rule beta-gce-allow-ssh"), text);
        assertFalse(text.contains("fl-other"), text);
        press(robot, d, ButtonType.OK);
        FxWait.until(20, () -> !window.results().isEmpty() && window.loads() >= 2 && !window.busyProperty().get(),
                () -> "results " + window.results());
        assertEquals("Lab beta-gce: 4 resource(s) deleted.", FxWait.onFx(() -> window.results().get(0)));
        assertEquals(List.of("fl-other-monitor"), fx.gcloud.instances());
        assertEquals(List.of(), fx.gcloud.firewallRules());
        assertEquals("no VMs", cells(robot, "labs-col-state").get(1));
        assertTrue(fx.store.exists("beta-gce"), "the profile stays");
    }

    @Test
    void openHandsTheLabToTheConsole(FxRobot robot) throws Exception {
        open();
        select(robot, "alpha-local");
        robot.clickOn("#labs-open");
        FxWait.until(5, () -> !opened.isEmpty(), () -> "not opened");
        assertEquals("alpha-local", opened.get(0).name);
        assertFalse(FxWait.onFx(() -> window.stage().isShowing()));
    }
}
