package io.failoverlab.ui.report;

import io.failoverlab.ui.session.LabSession;
import io.failoverlab.ui.app.Messages;
import io.failoverlab.lab.LogLine;
import io.failoverlab.report.JournalRecorder;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The window's pictures for the lab's journal: a snapshot of the scene after every checkpoint
 * (a step or an operation ended) and on demand (menu, Ctrl+Shift+S). The snapshot is taken on
 * the FX thread (it must be); turning it into PNG bytes and writing them happen in the background.
 */
public final class JournalCapture {
    private JournalCapture() { }

    /** The console window as the capture sees it: its session, its stage, its words (they change with the language). */
    public record Window(LabSession session, Stage stage, Supplier<Messages> messages) { }

    /** Hooks the session's journal: every checkpoint becomes a screenshot once the window has shown it. */
    public static void install(Window w) {
        w.session().journal().onCheckpoint(cp -> Platform.runLater(() ->
                // one more pulse so the checklist and the table show what the step changed
                Platform.runLater(() -> capture(w, cp.step(), cp.id(), false))));
    }

    /** FX thread: the menu item and its shortcut. */
    public static void captureNow(Window w) {
        capture(w, "screenshot", null, true);
    }

    static void capture(Window w, String checkpoint, Integer stepId, boolean tell) {
        if (w.stage().getScene() == null || !w.stage().isShowing()) return;
        WritableImage img;
        try {
            img = w.stage().getScene().snapshot(null);
        } catch (RuntimeException e) {
            return;
        }
        JournalRecorder journal = w.session().journal();
        w.session().background().execute(() -> {
            try {
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", png);
                Path f = journal.screenshot(png.toByteArray(), checkpoint, stepId);
                if (tell) w.session().log().offer(LogLine.of("app", LogLine.Level.INFO,
                        w.messages().get().tr("report.shot.saved", f.getFileName())));
            } catch (Exception e) {
                w.session().log().offer(LogLine.of("app", LogLine.Level.WARN, "The screenshot could not be kept in the journal: " + e.getMessage()));
            }
        });
    }
}
