package io.failoverlab.ui.console;

import io.failoverlab.ui.actions.ActionController;
import io.failoverlab.ui.nodes.ClusterViewModel;
import io.failoverlab.ui.actions.ConsoleAction;
import io.failoverlab.ui.session.LabSession;
import io.failoverlab.ui.app.Messages;
import io.failoverlab.ui.app.SecondsClock;
import io.failoverlab.ui.app.Styles;
import io.failoverlab.ops.OperationResult;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Bottom line: monitor connectivity, the lab's name, the operation running now, and how the last one ended. */
final class StatusBar {
    private final LabSession session;
    private final ActionController controller;
    private final Messages m;
    /** The open gce lab's cost (empty for other labs); null = no cost label. */
    private final javafx.beans.value.ObservableStringValue cost;

    private final SecondsClock clock;

    StatusBar(LabSession session, ActionController controller, Messages m, javafx.beans.value.ObservableStringValue cost, SecondsClock clock) {
        this.session = session;
        this.controller = controller;
        this.m = m;
        this.cost = cost;
        this.clock = clock;
    }

    Region build() {
        Label monitor = new Label();
        monitor.setId("status-monitor");
        ClusterViewModel c = session.cluster();
        monitor.textProperty().bind(Bindings.createStringBinding(() -> monitorText(c),
                c.monitorProperty(), c.monitorErrorProperty()));
        Runnable style = () -> {
            Styles.replace(monitor, s -> s.startsWith("monitor-"),
                    "monitor-" + c.monitorProperty().get().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        };
        c.monitorProperty().addListener((o, a, b) -> style.run());
        style.run();
        Tooltipped.set(monitor, Bindings.createStringBinding(() -> c.monitorProperty().get() == ClusterViewModel.Monitor.NOT_WATCHING
                ? m.tr("status.monitor.notWatching.tip") : c.monitorErrorProperty().get(), c.monitorProperty(), c.monitorErrorProperty()));

        Label lab = new Label(m.tr("status.lab", session.lab().name));
        lab.setId("status-lab");
        Label profile = new Label();
        profile.setId("status-profile");
        profile.textProperty().bind(Bindings.createStringBinding(() -> {
            String p = session.live().profileProperty().get();
            return p == null || p.isEmpty() ? m.tr("status.profile.unknown") : m.tr("status.profile", p);
        }, session.live().profileProperty()));

        // a still mark and the seconds counting, not a spinner (see SecondsClock)
        Label busyMark = new Label("◔");
        busyMark.getStyleClass().add("status-busy-mark");
        busyMark.visibleProperty().bind(controller.busyProperty());
        // a bar rebuilt by a language switch mid-action counts from then
        java.time.Instant[] since = {controller.runningProperty().get() == null ? null : java.time.Instant.now()};
        controller.runningProperty().addListener((o, a, b) -> since[0] = b == null ? null : java.time.Instant.now());
        Label elapsed = new Label();
        elapsed.setId("status-elapsed");
        elapsed.textProperty().bind(Bindings.createStringBinding(() -> controller.runningProperty().get() == null || since[0] == null ? ""
                : SecondsClock.elapsed(since[0], m), controller.runningProperty(), clock.seconds()));
        Label busy = new Label();
        busy.setId("status-busy");
        busy.textProperty().bind(Bindings.createStringBinding(() -> {
            ConsoleAction a = controller.runningProperty().get();
            return a == null ? m.tr("status.idle") : m.tr("status.busy", m.tr(a.labelKey()));
        }, controller.runningProperty()));

        Label last = new Label();
        last.setId("status-last");
        last.textProperty().bind(Bindings.createStringBinding(() -> {
            OperationResult r = controller.lastResultProperty().get();
            ConsoleAction a = controller.lastActionProperty().get();
            return r == null ? "" : (r.ok() ? "✔ " : "✘ ") + (a != null ? m.tr(a.labelKey()) : r.name()) + ": " + m.result(r);
        }, controller.lastResultProperty()));
        controller.lastResultProperty().addListener((o, a, r) -> {
            Styles.replace(last, s -> s.startsWith("result-"), r == null ? null : r.ok() ? "result-ok" : "result-failed");
        });
        HBox.setHgrow(last, Priority.ALWAYS);
        last.setMaxWidth(Double.MAX_VALUE);
        // the result may be a long explanation: cut to the line, whole in the tooltip (and in the lab panel's last action)
        last.setMinWidth(0);
        Tooltipped.set(last, last.textProperty());
        for (Label l : java.util.List.of(monitor, lab, profile, busyMark, busy, elapsed)) l.setMinWidth(Region.USE_PREF_SIZE);

        HBox bar = new HBox(10, monitor, new Separator(javafx.geometry.Orientation.VERTICAL), lab,
                new Separator(javafx.geometry.Orientation.VERTICAL), profile,
                new Separator(javafx.geometry.Orientation.VERTICAL), busyMark, busy, elapsed,
                new Separator(javafx.geometry.Orientation.VERTICAL), last);
        if (cost != null) {
            Label costLabel = new Label();
            costLabel.setId("status-cost");
            costLabel.textProperty().bind(cost);
            costLabel.visibleProperty().bind(Bindings.createBooleanBinding(() -> !cost.get().isEmpty(), cost));
            costLabel.managedProperty().bind(costLabel.visibleProperty());
            bar.getChildren().addAll(2, java.util.List.of(new Separator(javafx.geometry.Orientation.VERTICAL), costLabel));
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private String monitorText(ClusterViewModel c) {
        return switch (c.monitorProperty().get()) {
            case NOT_WATCHING -> m.tr("status.monitor.notWatching");
            case CONNECTING -> m.tr("status.monitor.connecting");
            case REACHABLE -> m.tr("status.monitor.reachable");
            case UNREACHABLE -> m.tr("status.monitor.unreachable");
        };
    }

    /** A tooltip that follows a text property and hides when it is empty. */
    static final class Tooltipped {
        private Tooltipped() { }

        static void set(Label l, javafx.beans.value.ObservableStringValue text) {
            javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
            tip.textProperty().bind(text);
            tip.setWrapText(true);
            tip.setMaxWidth(600);
            Runnable apply = () -> l.setTooltip(text.get() == null || text.get().isEmpty() ? null : tip);
            text.addListener((o, a, b) -> apply.run());
            apply.run();
        }
    }
}
