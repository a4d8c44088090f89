package io.failoverlab.ui;

import io.failoverlab.lab.LogLine;
import io.failoverlab.report.JournalRecorder;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

/**
 * The window's pictures for the lab's journal: a snapshot of the scene after every checkpoint
 * (a step or an operation ended) and on demand (menu, Ctrl+Shift+S). The snapshot is taken on
 * the FX thread (it must be); turning it into PNG bytes and writing them happen in the background.
 */
final class JournalCapture {
    private JournalCapture() { }

    /** Hooks the session's journal: every checkpoint becomes a screenshot once the window has shown it. */
    static void install(ConsoleWindow w) {
        w.session().journal().onCheckpoint(cp -> Platform.runLater(() ->
                // one more pulse so the checklist and the table show what the step changed
                Platform.runLater(() -> capture(w, cp.step(), cp.id(), false))));
    }

    /** FX thread: the menu item and its shortcut. */
    static void captureNow(ConsoleWindow w) {
        capture(w, "screenshot", null, true);
    }

    static void capture(ConsoleWindow w, String checkpoint, Integer stepId, boolean tell) {
        if (w.scene() == null || !w.stage().isShowing()) return;
        WritableImage img;
        try {
            img = w.scene().snapshot(null);
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
                        Messages.of(w.settings().language == null ? null : java.util.Locale.forLanguageTag(w.settings().language))
                                .tr("report.shot.saved", f.getFileName())));
            } catch (Exception e) {
                w.session().log().offer(LogLine.of("app", LogLine.Level.WARN, "The screenshot could not be kept in the journal: " + e.getMessage()));
            }
        });
    }
}
