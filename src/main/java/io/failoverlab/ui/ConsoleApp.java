package io.failoverlab.ui;

import io.failoverlab.lab.LabProfiles;
import io.failoverlab.lab.LabSpec;
import javafx.application.Application;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The window's entry point (Main calls {@link #launchApp} when no verb is given). Opens the
 * local lab, or the profile given with --lab FILE; --lang en|ru picks the language.
 */
public class ConsoleApp extends Application {
    private ConsoleWindow window;
    private LabSession session;

    public static void launchApp(String[] args) {
        Application.launch(ConsoleApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        long t0 = System.nanoTime();
        List<String> args = getParameters().getRaw();
        String labFile = option(args, "--lab");
        LabSpec lab;
        try {
            lab = labFile == null ? LabSpec.localDefault() : LabProfiles.load(Path.of(labFile));
            io.failoverlab.lab.LabValidator.check(lab);
        } catch (io.failoverlab.lab.LabException e) {
            // one clear sentence instead of a stack trace, as the CLI does
            javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR, e.getMessage());
            a.setHeaderText(null);
            a.showAndWait();
            javafx.application.Platform.exit();
            return;
        }
        UiSettingsStore store = UiSettingsStore.standard();
        UiSettings settings = store.load();
        String lang = option(args, "--lang");
        Locale locale = lang != null ? Locale.forLanguageTag(lang)
                : settings.language != null ? Locale.forLanguageTag(settings.language) : Locale.getDefault();
        session = new LabSession(lab);
        window = new ConsoleWindow(stage, session, Actions.standard(), store, settings, locale);
        String configDir = option(args, "--config-dir");
        window.labsContext(new LabsContext(configDir == null ? LabProfiles.configDir() : Path.of(configDir), option(args, "--gcloud")));
        window.onSwitch(w -> {
            window = w;
            session = w.session();
        });
        window.show();
        if (Boolean.getBoolean("failoverlab.timing")) {
            // the first pulse that lays the scene out is the one that renders the first frame
            javafx.scene.Scene sc = stage.getScene();
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                sc.removePostLayoutPulseListener(once[0]);
                System.err.printf("first frame after %.0f ms (JVM start → %.0f ms)%n", (System.nanoTime() - t0) / 1e6,
                        (double) (System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()));
            };
            if (sc != null) sc.addPostLayoutPulseListener(once[0]);
        }
    }

    @Override
    public void stop() {
        if (window != null) window.rememberGeometry();
        if (session != null) session.close();
    }

    static String option(List<String> args, String name) {
        for (int i = 0; i < args.size() - 1; i++) {
            if (args.get(i).equals(name)) return args.get(i + 1);
        }
        for (String a : args) {
            if (a.startsWith(name + "=")) return a.substring(name.length() + 1);
        }
        return null;
    }
}
