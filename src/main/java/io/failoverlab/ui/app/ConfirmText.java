package io.failoverlab.ui.app;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Modality;
import javafx.stage.Window;

/** A yes/no question whose text is long (lists of VMs, paths): shown in a read-only, wrapped, selectable box. */
public final class ConfirmText {
    private ConfirmText() { }

    public static boolean ask(Window owner, String title, String text) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.initOwner(owner);
        a.initModality(Modality.WINDOW_MODAL);
        a.setTitle(title);
        a.setHeaderText(title);
        TextArea body = new TextArea(text);
        body.setEditable(false);
        body.setWrapText(true);
        body.setPrefRowCount(Math.min(12, text.split("\n").length + 1));
        body.setId("labs-confirm-text");
        a.getDialogPane().setContent(body);
        Styles.likeOwner(a.getDialogPane(), owner);
        return a.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK;
    }
}
