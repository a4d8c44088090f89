package io.failoverlab.ui.app;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A PNG of the window's scene as it is rendered now (for reports and the README). FX thread. */
public final class WindowSnapshot {
    private WindowSnapshot() { }

    public static void savePng(Scene scene, Path file) throws IOException {
        WritableImage img = scene.snapshot(null);
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
    }
}
