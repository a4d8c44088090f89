package io.failoverlab.ui.actions;

import io.failoverlab.ui.app.FxTask;
import io.failoverlab.ui.session.LabSession;
import io.failoverlab.ui.app.Messages;
import io.failoverlab.ui.app.Styles;
import io.failoverlab.ui.app.Question;
import io.failoverlab.lab.MonitorCheckpoint;
import io.failoverlab.ops.OperationResult;
import io.failoverlab.ops.OperationRunner;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.util.function.Supplier;

/**
 * Runs a ConsoleAction: asks its confirmation (checked in the background, asked on the FX
 * thread), submits its operation on the lab's runner, and keeps every action disabled until it
 * ends. The table keeps updating meanwhile: nothing here waits on the FX thread.
 */
public final class ActionController {
    private final LabSession session;
    private final Supplier<Messages> messages;
    private final Supplier<Window> owner;
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObjectProperty<ConsoleAction> running = new SimpleObjectProperty<>();
    private final ObjectProperty<OperationResult> lastResult = new SimpleObjectProperty<>();
    /** The action whose result lastResult is (set just before it). */
    private final ObjectProperty<ConsoleAction> lastAction = new SimpleObjectProperty<>();

    public ActionController(LabSession session, Supplier<Messages> messages, Supplier<Window> owner) {
        this.session = session;
        this.messages = messages;
        this.owner = owner;
    }

    public BooleanProperty busyProperty() { return busy; }

    public ObjectProperty<ConsoleAction> runningProperty() { return running; }

    public ObjectProperty<OperationResult> lastResultProperty() { return lastResult; }

    public ObjectProperty<ConsoleAction> lastActionProperty() { return lastAction; }

    /** FX thread. */
    public void run(ConsoleAction a) {
        if (busy.get()) return;
        busy.set(true);
        running.set(a);
        // the confirmation may look at the lab (is pg_autoctl installed?): asked off the FX thread
        FxTask.of(() -> a.confirmation().ask(session))
                .onError(e -> submit(a))
                .onSuccess(question -> {
                    if (question.isPresent() && !confirmed(question.get())) {
                        done();
                        return;
                    }
                    submit(a);
                })
                .start(session.background());
    }

    /** FX thread. Building the operation may refuse (no node selected, no gcloud): the action then ends at once. */
    private void submit(ConsoleAction a) {
        OperationRunner.Operation op;
        try {
            op = a.operation().apply(session);
        } catch (RuntimeException e) {
            ended(a, a.id(), OperationResult.failed(a.id(), 0, e));
            done();
            return;
        }
        session.steps().beginAction(a.rebuildsLab(), op.name(), messages.get().tr(a.labelKey()));
        session.live().actionStarted(messages.get().tr(a.labelKey()), a.fault());
        session.runner().submit(op).whenComplete((r, ex) -> {
            OperationResult result = r != null ? r
                    : OperationResult.failed(a.id(), 0, ex == null ? new IllegalStateException("no result") : ex);
            try {
                a.after().accept(session, result);
            } finally {
                Platform.runLater(() -> {
                    ended(a, op.name(), result);
                    if (a.rebuildsLab() && result.ok()) session.live().refreshProfile(session);
                    done();
                });
            }
        });
    }

    /** FX thread: shows how action a (its operation opName) ended — status bar, last action, timeline. */
    public void ended(ConsoleAction a, String opName, OperationResult result) {
        session.steps().explain(opName, result.msg());
        MonitorCheckpoint.of(result.name(), result.ok(), result.figures()).ifPresent(c ->
                session.steps().retitle(opName, messages.get().tr("checkpoint." + c.key(), messages.get().tr(a.labelKey()))));
        lastAction.set(a);
        lastResult.set(result);
        session.live().actionEnded(result, messages.get().tr(a.labelKey()), messages.get().result(result));
    }

    private void done() {
        running.set(null);
        busy.set(false);
    }

    private boolean confirmed(Question q) {
        Messages m = messages.get();
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, q.text(m), ButtonType.OK, ButtonType.CANCEL);
        alert.initOwner(owner.get());
        String title = q.title(m);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().getStyleClass().add("confirm-dialog");
        Styles.likeOwner(alert.getDialogPane(), owner.get());
        Button ok = (Button) alert.getDialogPane().lookupButton(ButtonType.OK);
        ok.setText(m.tr("dialog.ok"));
        ok.setId("confirm-ok");
        Button cancel = (Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setText(m.tr("dialog.cancel"));
        cancel.setId("confirm-cancel");
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }
}
