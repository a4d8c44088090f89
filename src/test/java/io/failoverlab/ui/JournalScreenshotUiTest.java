package io.failoverlab.ui;

import io.failoverlab.ui.console.ConsoleWindow;
import io.failoverlab.ui.session.LabSession;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.Tag;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.StepResult;
import io.failoverlab.report.Journal;
import io.failoverlab.report.JournalEntry;
import io.failoverlab.testing.TestLabs;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real window under Xvfb: a checkpoint (a step that ended) and Ctrl+Shift+S each put a
 * screenshot of the window into the lab's journal; Make report writes the report with them.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
@ResourceLock("display")
class JournalScreenshotUiTest {
    LabSpec lab;
    LabSession session;
    ConsoleWindow window;
    Path root;

    @Start
    void start(Stage stage) throws Exception {
        lab = TestLabs.localLab("ui-journal");
        root = Path.of(lab.dataDir).getParent();
        session = new LabSession(lab, null, root.resolve("journal"));
        window = TestWindows.console(stage, session, root.resolve("console.json"), 1200, 760);
        window.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
        TestLabs.deleteTree(root);
    }

    @Test
    void checkpointAndShortcutScreenshotsLandInTheJournalAndTheReport(FxRobot robot) throws Exception {
        Journal journal = session.journal().journal();
        // a step ends as the engine would report it: the window captures itself
        session.journal().stepStarted("preflight");
        session.journal().stepFinished(StepResult.passed("preflight", 0.2, "1 host(s) reachable"));
        Path checkpoint = awaitShot(journal, "preflight");
        assertRealScreenshot(checkpoint);

        robot.clickOn("#console-root");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        Path onDemand = awaitShot(journal, "screenshot");
        assertRealScreenshot(onDemand);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        FxWait.until(10, () -> robot.lookup("#report-make").tryQuery().isPresent()
                && !robot.lookup("#report-conclusion").queryAs(TextArea.class).isDisabled(), () -> "no Make report dialog");
        Path out = root.resolve("report");
        robot.interact(() -> {
            robot.lookup("#report-folder").queryAs(TextField.class).setText(out.toString());
            robot.lookup("#report-conclusion").queryAs(TextArea.class).setText("My own conclusion: the window kept its pictures.");
        });
        robot.clickOn("#report-make");
        FxWait.until(30, () -> robot.lookup("#report-status").queryAs(Label.class).getText().startsWith("Report written"),
                () -> robot.lookup("#report-status").queryAs(Label.class).getText());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("My own conclusion"), md);
        assertTrue(md.contains("](images/" + checkpoint.getFileName() + ")"), md);
        assertTrue(md.contains("](images/" + onDemand.getFileName() + ")"), md);
        assertTrue(Files.readString(journal.conclusion()).contains("My own conclusion"));
        assertTrue(Files.readString(out.resolve("report.html")).contains("data:image/png;base64,"));
    }

    private static Path awaitShot(Journal journal, String step) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<JournalEntry> all = journal.read();
            Optional<JournalEntry> shot = all.stream().filter(e -> "shot".equals(e.type()) && step.equals(e.step())).findFirst();
            if (shot.isPresent()) return journal.dir().resolve(shot.get().file());
            Thread.sleep(200);
        }
        throw new AssertionError("no screenshot for " + step + " in " + journal.read());
    }

    private static void assertRealScreenshot(Path png) throws Exception {
        assertTrue(Files.size(png) > 10_000, png + " is " + Files.size(png) + " bytes");
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img.getWidth() >= 1000 && img.getHeight() >= 600, img.getWidth() + "x" + img.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 4) for (int x = 0; x < img.getWidth(); x += 4) colours.add(img.getRGB(x, y));
        assertTrue(colours.size() > 20, png + " has " + colours.size() + " colours");
    }
}
