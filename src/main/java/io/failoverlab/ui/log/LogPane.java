package io.failoverlab.ui.log;

import io.failoverlab.ui.app.Messages;
import io.failoverlab.ui.app.Styles;
import io.failoverlab.lab.LogLine;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The bottom log viewer: a tab per source plus "All" (tabs pick the source; one virtualised
 * ListView moves into the selected tab), level and text filters, follow-tail, copy and save.
 */
public final class LogPane {
    private final LogViewModel model;
    private final Messages m;
    private final Supplier<Window> owner;
    private final java.util.concurrent.Executor background;
    private ListView<LogLine> list;

    public LogPane(LogViewModel model, Messages m, Supplier<Window> owner, java.util.concurrent.Executor background) {
        this.model = model;
        this.m = m;
        this.owner = owner;
        this.background = background;
    }

    public Region build() {
        list = new ListView<>(model.visible());
        list.setId("log-list");
        list.getStyleClass().add("log-list");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new LogCell());
        list.setOnKeyPressed(e -> {
            if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e)) copy();
        });
        VBox box = new VBox(toolbar(), tabs());
        VBox.setVgrow(box.getChildren().get(1), Priority.ALWAYS);
        box.getStyleClass().add("log-pane");
        return box;
    }

    /** After each drain: keep the newest line in view when following the tail. */
    public void afterDrain() {
        if (list == null || !model.followTailProperty().get() || model.visible().isEmpty()) return;
        int last = model.visible().size() - 1;
        // The flow itself scrolls just far enough for the last line to show. ListView.scrollTo puts the
        // line at the top and lets the flow pull it back down: in software rendering that second move
        // repainted the whole window after every batch of lines.
        if (list.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) flow.scrollTo(last);
        else list.scrollTo(last);
    }

    private TabPane tabs() {
        TabPane tabs = new TabPane();
        tabs.setId("log-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().add(tab(null));
        model.sources().forEach(s -> tabs.getTabs().add(tab(s)));
        model.sources().addListener((ListChangeListener<String>) c -> {
            while (c.next()) c.getAddedSubList().forEach(s -> tabs.getTabs().add(tab(s)));
        });
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> select(b));
        Tab current = tabs.getTabs().stream().filter(t -> java.util.Objects.equals(t.getUserData(), model.sourceProperty().get()))
                .findFirst().orElse(tabs.getTabs().get(0));
        tabs.getSelectionModel().select(current);
        select(current);
        return tabs;
    }

    private Tab tab(String source) {
        Tab t = new Tab(source == null ? m.tr("log.all") : source);
        t.setUserData(source);
        t.setId("log-tab-" + (source == null ? "all" : source));
        return t;
    }

    private void select(Tab t) {
        if (t == null) return;
        t.getTabPane().getTabs().forEach(x -> x.setContent(null));
        t.setContent(list);
        model.sourceProperty().set((String) t.getUserData());
        afterDrain();
    }

    private javafx.scene.layout.Region toolbar() {
        CheckComboBox<LogLine.Level> levels = new CheckComboBox<>();
        levels.getItems().setAll(LogLine.Level.values());
        levels.setConverter(new StringConverter<>() {
            @Override
            public String toString(LogLine.Level l) { return l == null ? "" : m.tr("level." + l.name().toLowerCase(Locale.ROOT)); }

            @Override
            public LogLine.Level fromString(String s) { return null; }
        });
        levels.setTitle(m.tr("log.levels"));
        levels.setShowCheckedCount(true);
        for (LogLine.Level l : LogLine.Level.values()) if (model.levels().contains(l)) levels.getCheckModel().check(l);
        levels.getCheckModel().getCheckedItems().addListener((ListChangeListener<LogLine.Level>) c -> {
            List<LogLine.Level> now = new ArrayList<>(levels.getCheckModel().getCheckedItems());
            model.levels().retainAll(now);
            model.levels().addAll(now);
        });
        levels.setId("log-levels");

        TextField filter = new TextField(model.textProperty().get());
        filter.setPromptText(m.tr("log.filter"));
        filter.setId("log-filter");
        filter.textProperty().bindBidirectional(model.textProperty());

        ToggleButton follow = new ToggleButton(m.tr("log.follow"));
        follow.setId("log-follow");
        follow.selectedProperty().bindBidirectional(model.followTailProperty());
        Button copy = new Button(m.tr("log.copy"));
        copy.setId("log-copy");
        copy.setOnAction(e -> copy());
        Button save = new Button(m.tr("log.save"));
        save.setId("log-save");
        save.setOnAction(e -> save());
        Button clear = new Button(m.tr("log.clear"));
        clear.setOnAction(e -> model.clear());
        filter.setMinWidth(120);
        for (javafx.scene.control.Control c : List.of(levels, follow, copy, save, clear)) c.setMinWidth(Region.USE_PREF_SIZE);
        filter.setPrefColumnCount(14);
        // wraps onto a second line in a narrow window (presentation mode's big letters) rather than widening it
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(6, 4, levels, filter, follow, copy, save, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        bar.getStyleClass().add("log-toolbar");
        // presentation mode hides it by CSS (visibility): a hidden bar then gives its rows to the log lines
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    /** The selected lines, or every visible line when nothing is selected. */
    private List<LogLine> chosen() {
        List<LogLine> sel = new ArrayList<>(list.getSelectionModel().getSelectedItems());
        return sel.isEmpty() ? new ArrayList<>(model.visible()) : sel;
    }

    private void copy() {
        ClipboardContent c = new ClipboardContent();
        c.putString(model.visibleText(chosen()));
        Clipboard.getSystemClipboard().setContent(c);
    }

    private void save() {
        FileChooser fc = new FileChooser();
        fc.setTitle(m.tr("log.save"));
        fc.setInitialFileName("failover-lab.log");
        File f = fc.showSaveDialog(owner.get());
        if (f == null) return;
        List<LogLine> lines = new ArrayList<>(model.visible());
        background.execute(() -> {
            try {
                Files.writeString(f.toPath(), model.visibleText(lines), StandardCharsets.UTF_8);
            } catch (Exception e) {
                model.offer(LogLine.of("app", LogLine.Level.ERROR, "Could not save the log to " + f + ": " + e.getMessage()));
            }
        });
    }

    /** A line coloured by its level through :log-command, :log-warn, … (cells are re-used as the list scrolls). */
    private static final class LogCell extends ListCell<LogLine> {
        private static final java.util.Map<String, javafx.css.PseudoClass> LEVELS = java.util.Arrays.stream(LogLine.Level.values())
                .map(LogFormat::styleClass).collect(java.util.stream.Collectors.toUnmodifiableMap(c -> c, javafx.css.PseudoClass::getPseudoClass));

        LogCell() {
            getStyleClass().add("log-cell");
        }

        @Override
        protected void updateItem(LogLine l, boolean empty) {
            super.updateItem(l, empty);
            boolean none = empty || l == null;
            setText(none ? null : LogFormat.line(l));
            Styles.oneOf(this, LEVELS, none ? null : LogFormat.styleClass(l.level()));
        }
    }
}
