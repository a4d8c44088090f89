package io.failoverlab.ui.labs;

import io.failoverlab.ui.app.FxTask;
import io.failoverlab.ui.app.Messages;
import io.failoverlab.cloud.CloudLab;
import io.failoverlab.cloud.CostEstimate;
import io.failoverlab.lab.LabSpec;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The status bar's cost of the open gce lab: per hour and the running total since its VMs were
 * created, asked from gcloud off the FX thread every minute; once the lab has run past its
 * reminder threshold, one non-blocking notification (students forget VMs). Empty for other labs.
 */
public final class CostStatus {
    private final LabSpec lab;
    private final LabsContext ctx;
    private final Executor background;
    private final Supplier<Messages> messages;
    private final Supplier<Window> owner;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private Timeline timer;
    private boolean reminded;
    private int refreshes;

    public CostStatus(LabSpec lab, LabsContext ctx, Executor background, Supplier<Messages> messages, Supplier<Window> owner) {
        this.lab = lab;
        this.ctx = ctx;
        this.background = background;
        this.messages = messages;
        this.owner = owner;
    }

    public ReadOnlyStringProperty textProperty() { return text.getReadOnlyProperty(); }

    boolean reminded() { return reminded; }

    int refreshes() { return refreshes; }

    /** Starts the minute timer (gce labs only). FX thread. */
    public void start() {
        if (!lab.isCloud() || lab.gce == null) return;
        text.set(messages.get().tr("status.cost.loading"));
        timer = new Timeline(new KeyFrame(Duration.minutes(1), e -> refresh()));
        timer.setCycleCount(Timeline.INDEFINITE);
        timer.play();
        refresh();
    }

    public void stop() {
        if (timer != null) timer.stop();
    }

    void refresh() {
        FxTask.of(() -> LabRows.find(ctx, lab)).onSuccess(this::apply)
                .onError(e -> text.set(messages.get().tr("status.cost.unknown"))).start(background);
    }

    /** FX thread. */
    void apply(CloudLab c) {
        refreshes++;
        Messages m = messages.get();
        if (c == null) {
            text.set(m.tr("status.cost.none"));
            return;
        }
        text.set(m.tr("status.cost", CostEstimate.usd(c.perHour()), CostEstimate.usd(c.totalSoFar())));
        if (c.reminderDue() && !reminded) {
            reminded = true;
            Window w = owner.get();
            if (w == null || !w.isShowing()) return;
            Notifications.create()
                    .title(m.tr("reminder.title"))
                    .text(m.tr("reminder.text", lab.name, LabRow.hours(lab.gce.reminderHours), CostEstimate.usd(c.totalSoFar())))
                    .owner(w)
                    .position(Pos.TOP_RIGHT)
                    .hideAfter(Duration.seconds(20))
                    .showWarning();
        }
    }
}
