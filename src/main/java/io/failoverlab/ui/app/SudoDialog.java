package io.failoverlab.ui.app;

import io.failoverlab.lab.Msg;
import io.failoverlab.remote.Sudo;
import io.failoverlab.remote.SudoPrompt;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The window's side of the sudo channel: a masked field in the window's language that says why
 * and for which machine. Asked from an engine thread (sudo itself never runs on the FX thread),
 * which waits for the answer. A PasswordField copies nothing to the clipboard; the field is
 * emptied as soon as it has been read.
 */
public final class SudoDialog implements SudoPrompt {
    private final Supplier<Window> owner;
    private final Supplier<Messages> messages;

    public SudoDialog(Supplier<Window> owner, Supplier<Messages> messages) {
        this.owner = owner;
        this.messages = messages;
    }

    @Override
    public char[] ask(Question q) {
        if (Platform.isFxApplicationThread()) throw new IllegalStateException("sudo is asked from the FX thread");
        CompletableFuture<char[]> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(show(q));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** FX thread: the dialog; null when cancelled. */
    private char[] show(Question q) {
        Messages m = messages.get();
        Msg where = q.local() ? Msg.of("sudo.thisComputer") : Msg.of("sudo.host", q.machine());
        Dialog<ButtonType> d = new Dialog<>();
        Window w = owner.get();
        if (w != null) {
            d.initOwner(w);
            d.initModality(Modality.WINDOW_MODAL);
        }
        String title = m.msg(Msg.of("sudo.title"));
        d.setTitle(title);
        d.setHeaderText(title + " — " + m.msg(where));
        Label why = new Label(m.msg(Msg.of("sudo.why", where, q.login())));
        why.setWrapText(true);
        why.setId("sudo-why");
        PasswordField field = new PasswordField();
        field.setId("sudo-password");
        field.setPromptText(m.msg(Msg.of("sudo.prompt", q.login(), where)).strip());
        VBox box = new VBox(10, why);
        if (q.again()) {
            Label wrong = new Label(m.msg(Msg.of("sudo.wrong", q.attempt(), Sudo.TRIES)));
            wrong.setId("sudo-wrong");
            wrong.getStyleClass().add("sudo-wrong");
            wrong.setWrapText(true);
            box.getChildren().add(wrong);
        }
        box.getChildren().add(field);
        box.setPrefWidth(580);
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) d.getDialogPane().lookupButton(ButtonType.OK);
        ok.setText(m.tr("dialog.ok"));
        ok.setId("sudo-ok");
        Button cancel = (Button) d.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setText(m.tr("dialog.cancel"));
        cancel.setId("sudo-cancel");
        d.getDialogPane().setId("sudo-dialog");
        Styles.likeOwner(d.getDialogPane(), w);
        Platform.runLater(field::requestFocus);
        boolean given = d.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK;
        char[] pw = given ? field.getText().toCharArray() : null;
        field.clear();
        return pw;
    }
}
