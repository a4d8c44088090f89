package io.failoverlab.ui;

import io.failoverlab.ui.actions.Actions;
import io.failoverlab.ui.console.ConsoleWindow;
import io.failoverlab.ui.session.LabSession;
import io.failoverlab.ui.labs.LabsContext;
import io.failoverlab.remote.SudoChannel;
import io.failoverlab.ui.app.Messages;
import io.failoverlab.ui.app.SudoDialog;
import io.failoverlab.ui.app.UiSettings;
import io.failoverlab.ui.app.UiSettingsStore;
import io.failoverlab.cli.LabOptions;
import javafx.application.Application;
import javafx.stage.Stage;

import java.util.List;
import java.util.Locale;

/**
 * The window's entry point (Main calls {@link #launchApp} when no verb is given). Takes the CLI's
 * common options (--lab, --data-dir, --monitor-port, --node-ports, --config-dir, --known-hosts,
 * --journal, --gcloud, --lang, …) and shows the lab they name.
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
        LabOptions.Window opts;
        try {
            opts = LabOptions.window(args.toArray(String[]::new));
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
        String lang = opts.lang();
        Locale locale = lang != null ? Locale.forLanguageTag(lang)
                : settings.language != null ? Locale.forLanguageTag(settings.language) : Locale.getDefault();
        // sudo's password, when a machine's sudo wants one: asked in this window, in its language
        SudoChannel.session().prompt(new SudoDialog(
                () -> window == null ? stage : window.stage(), () -> window == null ? Messages.of(locale) : window.messages()));
        session = new LabSession(opts.lab(), opts.paths());
        window = new ConsoleWindow(stage, session, Actions.standard(), store, settings, locale);
        window.labsContext(new LabsContext(opts.paths()));
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
        // closing waits on the network (feed, tunnels, shells): not on the FX thread
        if (session != null) io.failoverlab.engine.AppExecutor.closeLater("close-lab-" + session.lab().name, session);
    }
}
