package io.failoverlab.ui.steps;

import io.failoverlab.lab.StepIds;
import io.failoverlab.ui.app.Messages;
import io.failoverlab.ui.app.SecondsClock;
import io.failoverlab.ui.app.Styles;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The left panel: the lab's steps as a checklist (state, progress, reason) and the last action's steps. */
public final class LabPanel {
    private final StepChecklist model;
    private final Messages m;
    private final SecondsClock clock;

    public LabPanel(StepChecklist model, Messages m, SecondsClock clock) {
        this.model = model;
        this.m = m;
        this.clock = clock;
    }

    public Region build() {
        VBox labBox = new VBox(6);
        VBox actionBox = new VBox(6);
        bindRows(model.labSteps(), labBox);
        bindRows(model.actionSteps(), actionBox);
        Label title = heading(m.tr("lab.steps"));
        Label actionTitle = heading(m.tr("lab.lastAction"));
        actionTitle.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.actionSteps()));
        actionTitle.managedProperty().bind(actionTitle.visibleProperty());
        VBox content = new VBox(8, title, labBox, actionTitle, actionBox);
        content.setPadding(new Insets(10));
        content.getStyleClass().add("lab-panel");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("lab-panel-scroll"); // its min width follows the font (console.css)
        scroll.setId("lab-panel");
        return scroll;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("panel-heading");
        l.setWrapText(true);
        return l;
    }

    private void bindRows(ObservableList<StepItem> items, VBox box) {
        Runnable fill = () -> box.getChildren().setAll(items.stream().map(this::row).toList());
        items.addListener((ListChangeListener<StepItem>) c -> fill.run());
        fill.run();
    }

    private Region row(StepItem s) {
        Label mark = new Label();
        mark.getStyleClass().add("step-mark");
        Label name = new Label();
        name.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                s.titleProperty().get() != null ? s.titleProperty().get() : stepName(s.name()), s.titleProperty()));
        name.getStyleClass().add("step-name");
        name.setWrapText(true);
        Label state = new Label();
        state.setMinWidth(Region.USE_PREF_SIZE);
        state.getStyleClass().add("step-state");
        HBox head = new HBox(6, mark, name, new Region(), state);
        HBox.setHgrow(head.getChildren().get(2), Priority.ALWAYS);
        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(s.progressProperty());
        Label detail = new Label();
        detail.setWrapText(true);
        detail.getStyleClass().add("step-detail");
        // long absolute paths shortened to their last part on screen (and in screenshots); the tooltip has them whole
        javafx.beans.binding.StringBinding shown = javafx.beans.binding.Bindings.createStringBinding(() ->
                s.msgProperty().get() != null ? m.msg(s.msgProperty().get()) : s.detail(), s.detailProperty(), s.msgProperty());
        detail.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> shortPaths(shown.get()), shown));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(shown);
        tip.setWrapText(true);
        tip.setMaxWidth(500);
        VBox row = new VBox(3, head, bar, detail);
        row.getStyleClass().add("step-row");
        row.setId("step-" + s.name().replaceAll("[^A-Za-z0-9_-]", "_"));
        Tooltip.install(row, tip);
        // a running step counts its seconds (no busy animation: see SecondsClock)
        java.time.Instant[] runningSince = {s.state() == StepState.RUNNING ? java.time.Instant.now() : null};
        s.stateProperty().addListener((o, a, b) -> runningSince[0] = b == StepState.RUNNING ? java.time.Instant.now() : null);
        state.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            String text = m.tr("step.state." + s.state().name().toLowerCase(java.util.Locale.ROOT));
            return runningSince[0] == null ? text : text + " · " + SecondsClock.elapsed(runningSince[0], m);
        }, s.stateProperty(), clock.seconds()));
        Runnable show = () -> {
            StepState st = s.state();
            Styles.replace(row, c -> c.startsWith("step-") && !c.equals("step-row"), st.styleClass());
            mark.setText(switch (st) {
                case NOT_YET -> "○";
                case RUNNING -> "◔";
                case PASSED -> "✔";
                case FAILED -> "✘";
            });
            // an unknown amount (-1) would be an endless animation: the bar shows only real progress
            bar.setVisible(st == StepState.RUNNING && s.progressProperty().get() >= 0 || st == StepState.FAILED);
            bar.setManaged(bar.isVisible());
            detail.setVisible(!s.detail().isEmpty());
            detail.setManaged(detail.isVisible());
        };
        s.stateProperty().addListener((o, a, b) -> show.run());
        s.detailProperty().addListener((o, a, b) -> show.run());
        s.progressProperty().addListener((o, a, b) -> {
            if ((a.doubleValue() < 0) != (b.doubleValue() < 0)) show.run();
        });
        show.run();
        return row;
    }

    /** "/tmp/failoverlab-x-123/lab" → "…/lab": absolute paths of three or more parts keep their last one. */
    public static String shortPaths(String text) {
        return text == null ? "" : text.replaceAll("(?<![\\w.~])/(?:[^\\s/;,:]+/){2,}([^\\s/;,:]+)", "…/$1");
    }

    /** Known steps get a translated name; node names and unknown steps show as the engine says them. */
    private String stepName(String step) {
        return switch (step) {
            case StepIds.PROVISION, StepIds.PREFLIGHT, StepIds.INSTALL, StepIds.MONITOR, StepIds.VERIFY -> m.tr("step." + step);
            default -> step;
        };
    }
}
