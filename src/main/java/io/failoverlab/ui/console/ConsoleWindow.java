package io.failoverlab.ui.console;

import io.failoverlab.ui.actions.ActionController;
import io.failoverlab.ui.actions.ActionToolBar;
import io.failoverlab.ui.actions.Actions;
import io.failoverlab.ui.labs.CostStatus;
import io.failoverlab.ui.report.JournalCapture;
import io.failoverlab.ui.steps.LabPanel;
import io.failoverlab.ui.session.LabSession;
import io.failoverlab.ui.labs.LabsContext;
import io.failoverlab.ui.labs.LabsWindow;
import io.failoverlab.ui.log.LogPane;
import io.failoverlab.ui.app.Messages;
import io.failoverlab.ui.wizard.NewLabWizard;
import io.failoverlab.ui.nodes.NodeRow;
import io.failoverlab.ui.nodes.NodeTable;
import io.failoverlab.ui.nodes.RoleNotifier;
import io.failoverlab.ui.app.SecondsClock;
import io.failoverlab.ui.app.Styles;
import io.failoverlab.ui.app.UiSettings;
import io.failoverlab.ui.app.UiSettingsStore;
import io.failoverlab.ui.app.WindowIcon;
import io.failoverlab.ui.app.WindowSnapshot;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;

import java.io.File;
import java.util.Locale;

/**
 * The console window: lab panel (left), node table over the log (centre), actions on top, status
 * below. Views are rebuilt from the session's view models on a language switch; the models,
 * the engine and the monitor feed stay.
 */
public final class ConsoleWindow {
    /** How often the log takes in what arrived (see show). */
    static final Duration LOG_TICK = Duration.millis(250);
    private final Stage stage;
    private final LabSession session;
    private final Actions actions;
    private final UiSettingsStore store;
    private final UiSettings settings;
    private final ActionController controller;
    /** volatile: the log renders app notes with it off the FX thread */
    private volatile Messages messages;
    private Scene scene;
    private LogPane logPane;
    private TableView<NodeRow> table;
    private final SecondsClock clock = new SecondsClock();
    private Timeline ticks;
    private CentrePane centrePane;
    private RoleNotifier notifier;
    private NotificationPane notificationBar;
    /** Where File → Labs… finds the stored labs, and the gcloud it uses. */
    private LabsContext labsContext = LabsContext.standard();
    private CostStatus cost;
    /** Told when File → Labs… → Open replaced this window by one on another lab. */
    private java.util.function.Consumer<ConsoleWindow> onSwitch;

    public ConsoleWindow(Stage stage, LabSession session, Actions actions, UiSettingsStore store, UiSettings settings, Locale locale) {
        this.stage = stage;
        this.session = session;
        this.actions = actions;
        this.store = store;
        this.settings = settings;
        this.messages = Messages.of(locale, actions::groupOf);
        this.controller = new ActionController(session, () -> messages, () -> stage);
        session.notesIn(m -> messages.msg(m)); // read at each note: a language switch applies to the next one
    }

    public void show() {
        cost = new CostStatus(session.lab(), labsContext, session.background(), () -> messages, () -> stage);
        scene = new Scene(buildRoot(), settings.width, settings.height);
        scene.getStylesheets().add(ConsoleWindow.class.getResource(Styles.CSS).toExternalForm());
        stage.setScene(scene);
        afterFirstFrame(() -> stage.getIcons().setAll(WindowIcon.images())); // seven PNGs to decode: not before the window shows
        placeStage();
        stage.setOnCloseRequest(e -> rememberGeometry());
        // log lines are drained in batches (one list change per tick). Every drain repaints the whole log
        // area, which in software rendering (no GPU: VMs, remote desktops) costs tens of milliseconds that
        // delay the next frame: four times a second reads as live and leaves the renderer free for the table.
        ticks = new Timeline(new KeyFrame(LOG_TICK, e -> drainLog()));
        ticks.setCycleCount(Timeline.INDEFINITE);
        ticks.play();
        clock.start(); // "time in state", elapsed seconds of steps and actions
        stage.showingProperty().addListener((o, a, showing) -> {
            if (!showing) {
                session.live().removeRoleListener(notifier);
                notifier.stop();
                ticks.stop();
                clock.stop();
                cost.stop();
            }
        });
        notifier = new RoleNotifier(() -> notificationBar, () -> messages);
        session.live().onRoleChange(notifier);
        stage.show();
        JournalCapture.install(capture());
        session.probeAtStartup();
        cost.start();
    }

    /** Runs r on the FX thread once the first frame has been laid out (work the first frame does not need). */
    private void afterFirstFrame(Runnable r) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            javafx.application.Platform.runLater(r);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    private void drainLog() {
        if (session.log().drain() > 0 && logPane != null) logPane.afterDrain();
    }

    private Parent buildRoot() {
        stage.setTitle(messages.tr("app.title", session.lab().name));
        logPane = new LogPane(session.log(), messages, () -> stage, session.background());
        table = new NodeTable(session.cluster(), messages, clock).build();
        centrePane = new CentrePane(session, controller, actions, messages);
        SplitPane centre = centrePane.build(table, logPane.build());
        notificationBar = new NotificationPane(centre);
        notificationBar.setId("notification-bar");
        notificationBar.setShowFromTop(true);
        SplitPane main = new SplitPane(new LabPanel(session.steps(), messages, clock).build(), notificationBar);
        main.setDividerPositions(0.19);
        SplitPane.setResizableWithParent(main.getItems().get(0), false);
        BorderPane root = new BorderPane(main);
        root.setTop(new VBox(new ConsoleMenu(this, messages).build(), new ActionToolBar(actions, controller, messages).build()));
        root.setBottom(new StatusBar(session, controller, messages, cost.textProperty(), clock).build());
        root.setId("console-root");
        root.getStyleClass().add("console");
        applyLook(root);
        return root;
    }

    private void applyLook(Parent root) {
        root.getStyleClass().removeAll("theme-light", "theme-dark", "presentation");
        root.getStyleClass().add(settings.dark ? "theme-dark" : "theme-light");
        if (settings.presentation) root.getStyleClass().add("presentation");
        if (notificationBar != null) {
            Styles.replace(notificationBar, NotificationPane.STYLE_CLASS_DARK::equals, settings.dark ? NotificationPane.STYLE_CLASS_DARK : null);
        }
    }

    public void setLanguage(Locale l) {
        messages = Messages.of(l, actions::groupOf);
        settings.language = messages.locale().getLanguage();
        scene.setRoot(buildRoot());
        saveSettings();
    }

    public void setDark(boolean dark) {
        settings.dark = dark;
        applyLook(scene.getRoot());
        saveSettings();
    }

    public void setPresentation(boolean on) {
        settings.presentation = on;
        applyLook(scene.getRoot());
        saveSettings();
    }

    private void placeStage() {
        if (settings.x != null && settings.y != null
                && !Screen.getScreensForRectangle(new Rectangle2D(settings.x, settings.y, 100, 100)).isEmpty()) {
            stage.setX(settings.x);
            stage.setY(settings.y);
        } else {
            stage.centerOnScreen();
        }
        fitIntoScreen();
        stage.setMaximized(settings.maximized);
    }

    /** A size remembered on a bigger screen (or projector) must not leave the window half off this one. */
    private void fitIntoScreen() {
        double x = Double.isNaN(stage.getX()) ? 0 : stage.getX();
        double y = Double.isNaN(stage.getY()) ? 0 : stage.getY();
        Rectangle2D vb = Screen.getScreensForRectangle(new Rectangle2D(x, y, 1, 1)).stream().findFirst()
                .orElse(Screen.getPrimary()).getVisualBounds();
        double w = Math.min(stage.getWidth() > 0 ? stage.getWidth() : settings.width, vb.getWidth());
        double h = Math.min(stage.getHeight() > 0 ? stage.getHeight() : settings.height, vb.getHeight());
        stage.setWidth(w);
        stage.setHeight(h);
        stage.setX(Math.max(vb.getMinX(), Math.min(x, vb.getMaxX() - w)));
        stage.setY(Math.max(vb.getMinY(), Math.min(y, vb.getMaxY() - h)));
    }

    public void rememberGeometry() {
        if (!stage.isMaximized() && !Double.isNaN(stage.getX())) {
            settings.x = stage.getX();
            settings.y = stage.getY();
            settings.width = stage.getWidth();
            settings.height = stage.getHeight();
        }
        settings.maximized = stage.isMaximized();
        saveSettings();
    }

    /** A few hundred bytes to a local file: written here so a closing window never loses it. */
    private void saveSettings() {
        store.save(settings);
    }

    void saveScreenshot() {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName("failover-lab.png");
        File f = fc.showSaveDialog(stage);
        if (f == null) return;
        try {
            WindowSnapshot.savePng(scene, f.toPath());
        } catch (Exception e) {
            session.log().offer(io.failoverlab.lab.LogLine.of("app", io.failoverlab.lab.LogLine.Level.ERROR,
                    "Could not save the screenshot: " + e.getMessage()));
        }
    }

    void quit() {
        rememberGeometry();
        stage.close();
    }

    /** What the journal's screenshots need of this window. */
    JournalCapture.Window capture() { return new JournalCapture.Window(session, stage, () -> messages); }

    public Actions actions() { return actions; }

    public ActionController controller() { return controller; }

    public Messages messages() { return messages; }

    public UiSettings settings() { return settings; }

    public Scene scene() { return scene; }

    public Stage stage() { return stage; }

    public LabSession session() { return session; }

    public RoleNotifier notifier() { return notifier; }

    public CostStatus cost() { return cost; }

    /** Before show(): the config folder (labs/, keys/, known_hosts) and gcloud of File → Labs…. */
    public void labsContext(LabsContext c) { this.labsContext = c; }

    public void onSwitch(java.util.function.Consumer<ConsoleWindow> c) { this.onSwitch = c; }

    /** File → Labs…. */
    public LabsWindow openLabsWindow() {
        LabsWindow w = new LabsWindow(labsContext, messages, stage, this::openLab);
        w.show();
        return w;
    }

    /** File → New lab…; the saved lab can be opened from File → Labs…. */
    public NewLabWizard openNewLabWizard() {
        NewLabWizard w = new NewLabWizard(labsContext.store(), messages, stage, lab ->
                session.log().offer(io.failoverlab.lab.LogLine.of("app", io.failoverlab.lab.LogLine.Level.INFO,
                        messages.tr("wizard.saved", lab.name, labsContext.store().file(lab.name)))));
        w.show();
        return w;
    }

    /**
     * Switches the console to another lab: a new window and session on it, then this one closes
     * (its session is closed off the FX thread: stopping the feed and engine may wait on the network).
     */
    ConsoleWindow openLab(io.failoverlab.lab.LabSpec lab) {
        rememberGeometry();
        ConsoleWindow next = new ConsoleWindow(new Stage(),
                new LabSession(lab, labsContext.pathsFor(lab)),
                actions, store, settings, messages.locale());
        next.labsContext(labsContext);
        next.onSwitch(onSwitch);
        next.show();
        stage.close();
        io.failoverlab.engine.AppExecutor.closeLater("close-lab-" + session.lab().name, session);
        if (onSwitch != null) onSwitch.accept(next);
        return next;
    }

    /** The timeline / data check / connections tabs of the scene shown now. */
    public javafx.scene.control.TabPane centreTabs() { return centrePane.tabs(); }
}
