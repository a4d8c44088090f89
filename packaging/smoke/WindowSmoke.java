import java.awt.image.BufferedImage;
import java.io.File;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Packaging smoke check, not part of the app: proves that a (jlinked) runtime has what a JavaFX
 * window needs. Opens a Stage with the app's icons (read from failover-lab.jar on the class path),
 * waits for its first rendered frame, snapshots the scene, writes it as PNG through
 * SwingFXUtils + ImageIO (the AWT path the report's screenshots use), checks a pixel and exits.
 * Prints "first-frame-ms=N" (from JVM process start) and exits 0, or exits 1 with a sentence.
 * Usage: java -cp SMOKE_CLASSES:APP/lib/* WindowSmoke [OUT.png]
 */
public final class WindowSmoke {
    static String out;

    public static void main(String[] args) {
        out = args.length > 0 ? args[0] : null;
        Thread watchdog = new Thread(() -> {
            try { Thread.sleep(60_000); } catch (InterruptedException e) { return; }
            System.err.println("No frame within 60 s.");
            Runtime.getRuntime().halt(1);
        });
        watchdog.setDaemon(true);
        watchdog.start();
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            Label label = new Label("Failover Lab: packaged runtime smoke test (Привет)");
            label.setStyle("-fx-text-fill: white; -fx-font-size: 18px;");
            StackPane root = new StackPane(label);
            root.setStyle("-fx-background-color: #1e2a38;");
            Scene scene = new Scene(root, 640, 360);
            int icons = 0;
            for (int s : new int[] {16, 24, 32, 48, 64, 128, 256}) {
                try (InputStream in = WindowSmoke.class.getResourceAsStream(
                        "/io/failoverlab/icons/failover-lab-" + s + ".png")) {
                    if (in != null) { stage.getIcons().add(new Image(in)); icons++; }
                } catch (Exception e) { fail("icon " + s + ": " + e); }
            }
            stage.setTitle("Failover Lab");
            stage.setScene(scene);
            stage.show();
            int iconCount = icons;
            new AnimationTimer() {
                int pulses;
                @Override public void handle(long now) {
                    if (++pulses < 2) return;   // the second pulse comes after the first frame
                    stop();
                    long ms = Duration.between(ProcessHandle.current().info().startInstant()
                            .orElse(Instant.now()), Instant.now()).toMillis();
                    WritableImage shot = scene.snapshot(null);
                    Color c = shot.getPixelReader().getColor(5, 5);
                    if (Math.abs(c.getRed() - 0x1e / 255.0) > 0.02 || Math.abs(c.getBlue() - 0x38 / 255.0) > 0.02)
                        fail("snapshot pixel is " + c + ", not the scene's background");
                    if (out != null) {
                        try {
                            BufferedImage img = SwingFXUtils.fromFXImage(shot, null);
                            ImageIO.write(img, "png", new File(out));
                        } catch (Exception e) { fail("writing " + out + ": " + e); }
                    }
                    System.out.println("first-frame-ms=" + ms + " icons=" + iconCount
                            + " snapshot=" + (int) shot.getWidth() + "x" + (int) shot.getHeight()
                            + " pipeline=" + com.sun.prism.GraphicsPipeline.getPipeline().getClass().getSimpleName()
                            + " java=" + System.getProperty("java.home"));
                    Platform.exit();
                }
            }.start();
        }
    }

    static void fail(String sentence) {
        System.err.println("Window smoke test failed: " + sentence);
        Runtime.getRuntime().halt(1);
    }
}
