package io.failoverlab.ui.wizard;

import io.failoverlab.cloud.machines.Preflight;
import io.failoverlab.ui.FxWait;
import io.failoverlab.ui.LayoutChecks;
import io.failoverlab.ui.app.Messages;
import io.failoverlab.ui.app.WindowSnapshot;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.Tag;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.LabStore;
import io.failoverlab.lab.LabValidator;
import io.failoverlab.lab.Layout;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
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

/** The New-lab wizard in a real window: provider cards → machines → versions → summary → Save. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
@ResourceLock("display")
class NewLabWizardTest {
    @TempDir
    Path dir;
    final List<LabSpec> saved = new ArrayList<>();

    @Start
    void start(Stage stage) { }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    private NewLabWizard open(LabStore store) {
        return FxWait.onFx(() -> {
            NewLabWizard w = new NewLabWizard(store, Messages.of(Locale.ENGLISH), null, saved::add);
            w.show();
            return w;
        });
    }

    private static void fire(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).queryAs(javafx.scene.control.ButtonBase.class).fire());
    }

    private static void type(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(text));
    }

    private static void shoot(FxRobot robot, Scene scene, String name) throws Exception {
        Path shot = Path.of("docs", "screenshots", name);
        robot.interact(() -> {
            try {
                WindowSnapshot.savePng(scene, shot);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(Files.size(shot) > 10_000);
    }

    @Test
    @SuppressWarnings("unchecked")
    void gceLabThroughEveryPage(FxRobot robot) throws Exception {
        LabStore store = new LabStore(dir.resolve("labs"));
        NewLabWizard w = open(store);
        assertEquals("Step 1 of 4: where the lab runs", robot.lookup("#wizard-page-title").queryAs(Label.class).getText());
        type(robot, "#wizard-name", "class-demo");
        fire(robot, "#wizard-card-gce");
        assertTrue(robot.lookup("#wizard-card-gce").queryAs(ToggleButton.class).isSelected());
        assertFalse(robot.lookup("#wizard-card-local").queryAs(ToggleButton.class).isSelected());
        shoot(robot, w.stage().getScene(), "new-lab.png");

        fire(robot, "#wizard-next");
        assertEquals(NewLabWizard.MACHINES, w.page());
        type(robot, "#wizard-gce-project", "my-lab-project");
        type(robot, "#wizard-gce-zone", "us-central1-b");
        robot.interact(() -> ((ChoiceBox<Layout>) robot.lookup("#wizard-gce-layout").queryAs(ChoiceBox.class)).setValue(Layout.PER_ROLE));
        fire(robot, "#wizard-next");
        assertEquals(NewLabWizard.VERSIONS, w.page());
        robot.interact(() -> ((ChoiceBox<Integer>) robot.lookup("#wizard-pg-major").queryAs(ChoiceBox.class)).setValue(16));
        fire(robot, "#wizard-next");
        assertEquals(NewLabWizard.SUMMARY, w.page());
        String json = robot.lookup("#wizard-json").queryAs(TextArea.class).getText();
        assertTrue(json.contains("\"provider\" : \"gce\"") && json.contains("\"project\" : \"my-lab-project\"")
                && json.contains("\"postgresMajor\" : 16") && json.contains("\"layout\" : \"per-role\""), json);
        assertTrue(robot.lookup("#wizard-cost").queryAs(Label.class).getText().startsWith("Estimated cost: $0.1237 per hour"),
                robot.lookup("#wizard-cost").queryAs(Label.class).getText());
        assertEquals(List.of(), FxWait.onFx(w::shownErrors));
        shoot(robot, w.stage().getScene(), "new-lab-summary.png");

        // back keeps what was typed
        fire(robot, "#wizard-back");
        fire(robot, "#wizard-back");
        assertEquals("my-lab-project", robot.lookup("#wizard-gce-project").queryAs(TextField.class).getText());
        fire(robot, "#wizard-next");
        fire(robot, "#wizard-next");

        fire(robot, "#wizard-save");
        FxWait.until(5, () -> !saved.isEmpty(), () -> "not saved: " + w.shownErrors());
        assertFalse(FxWait.onFx(() -> w.stage().isShowing()));
        LabSpec back = store.open("class-demo");
        assertEquals("gce", back.provider);
        assertEquals("us-central1-b", back.gce.zone);
        assertEquals(16, back.postgresMajor);
        assertEquals(List.of(), LabValidator.problems(back));
    }

    @Test
    @SuppressWarnings("unchecked")
    void machinesLabCardSavesAProfileTheMachinesProviderBuilds(FxRobot robot) throws Exception {
        LabStore store = new LabStore(dir.resolve("labs"));
        NewLabWizard w = open(store);
        type(robot, "#wizard-name", "machines-demo");
        fire(robot, "#wizard-card-machines");
        assertTrue(robot.lookup("#wizard-card-machines").queryAs(ToggleButton.class).isSelected());
        for (String card : List.of("local", "machines", "hosts", "gce")) {
            javafx.scene.Node n = robot.lookup("#wizard-card-" + card).query();
            assertTrue(FxWait.onFx(() -> LayoutChecks.inside(n, w.stage().getScene())), card + " card inside the wizard");
        }
        fire(robot, "#wizard-next");
        assertEquals(NewLabWizard.MACHINES, w.page());
        String ready = robot.lookup("#wizard-machines-ready").queryAs(Label.class).getText();
        // this test host has the packages (prepare-test-host.sh) and sudo, or runs as root
        assertEquals(Preflight.readiness().state() == Preflight.Readiness.State.READY,
                ready.startsWith("✔"), ready);
        robot.interact(() -> ((ChoiceBox<String>) robot.lookup("#wizard-machines-debian").queryAs(ChoiceBox.class)).setValue("12"));
        shoot(robot, w.stage().getScene(), "new-lab-machines.png");
        fire(robot, "#wizard-next");
        assertEquals("Debian 12 brings PostgreSQL 15 and pg_auto_failover 2.0 from its own archive, as on a cloud VM.",
                robot.lookup("#wizard-machines-versions").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#wizard-pg-major").tryQuery().isEmpty(), "the release decides the major");
        fire(robot, "#wizard-next");
        String json = robot.lookup("#wizard-json").queryAs(TextArea.class).getText();
        assertTrue(json.contains("\"provider\" : \"machines\"") && json.contains("\"debian\" : \"12\"")
                && json.contains("\"postgresMajor\" : 15") && json.contains("\"layout\" : \"per-role\""), json);
        assertEquals(List.of(), FxWait.onFx(w::shownErrors));
        fire(robot, "#wizard-save");
        FxWait.until(5, () -> !saved.isEmpty(), () -> "not saved: " + w.shownErrors());
        LabSpec back = store.open("machines-demo");
        assertTrue(back.runsOnMachines());
        assertEquals("12", back.machines.debian);
        assertEquals(Layout.PER_ROLE, back.machines.layout);
        assertEquals(15, back.postgresMajor);
        assertEquals(List.of(), LabValidator.problems(back));
    }

    @Test
    void localLabErrorsAreShownInlineAndNothingIsSaved(FxRobot robot) throws Exception {
        LabStore store = new LabStore(dir.resolve("labs"));
        NewLabWizard w = open(store);
        fire(robot, "#wizard-next");
        type(robot, "#wizard-port-node1", "80");
        type(robot, "#wizard-data-dir", "data here");
        fire(robot, "#wizard-next");
        fire(robot, "#wizard-next");
        fire(robot, "#wizard-save");
        List<String> errors = FxWait.onFx(w::shownErrors);
        assertEquals(List.of("✘ Give the lab a name.",
                "✘ Data folder 'data here' must be an absolute path without spaces.",
                "✘ Port 80 of 'node1' is out of range (1024-65535)."), errors);
        assertTrue(robot.lookup(".wizard-error").tryQuery().isPresent());
        assertTrue(FxWait.onFx(() -> w.stage().isShowing()));
        assertTrue(store.list().isEmpty());

        // fixed on the way back: saved
        fire(robot, "#wizard-back");
        fire(robot, "#wizard-back");
        type(robot, "#wizard-port-node1", "7001");
        type(robot, "#wizard-data-dir", dir.resolve("data").toString());
        fire(robot, "#wizard-back");
        type(robot, "#wizard-name", "my-local");
        fire(robot, "#wizard-next");
        fire(robot, "#wizard-next");
        fire(robot, "#wizard-next");
        fire(robot, "#wizard-save");
        FxWait.until(5, () -> !saved.isEmpty(), () -> "not saved: " + w.shownErrors());
        assertEquals(7001, store.open("my-local").node("node1").orElseThrow().port);
    }

    @Test
    void hostsPerRoleShowsOneRowPerRole(FxRobot robot) throws Exception {
        NewLabWizard w = open(new LabStore(dir.resolve("labs")));
        type(robot, "#wizard-name", "my-hosts");
        fire(robot, "#wizard-card-hosts");
        fire(robot, "#wizard-next");
        assertTrue(robot.lookup("#wizard-host-host-address").tryQuery().isPresent());
        fire(robot, "#wizard-hosts-per-role");
        for (String role : List.of("monitor", "node1", "node2")) {
            type(robot, "#wizard-host-" + role + "-address", "10.0.0." + (role.length()));
            type(robot, "#wizard-host-" + role + "-user", "student");
            type(robot, "#wizard-host-" + role + "-key", "/keys/id_ed25519");
        }
        type(robot, "#wizard-host-node2-port", "70000");
        fire(robot, "#wizard-next");
        fire(robot, "#wizard-next");
        assertEquals(List.of("✘ SSH port 70000 of host 'node2' is out of range."), FxWait.onFx(w::shownErrors));
        Button save = robot.lookup("#wizard-save").queryAs(Button.class);
        assertFalse(save.isDisabled());
    }
}
