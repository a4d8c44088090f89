package io.failoverlab.ui.data;

import io.failoverlab.lab.LabSpec;
import io.failoverlab.ui.app.Messages;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.control.ScrollPane;

/** The connection strings tab: the multi-host URI and a psql command per node, each one click to copy. */
public final class ConnectionsPane {
    private final LabSpec lab;
    private final Messages m;

    public ConnectionsPane(LabSpec lab, Messages m) {
        this.lab = lab;
        this.m = m;
    }

    public Region build() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.setPadding(new Insets(8));
        g.getColumnConstraints().addAll(new ColumnConstraints(), colGrow(), new ColumnConstraints());
        Label copied = new Label();
        copied.setId("conn-copied");
        copied.getStyleClass().add("result-ok");
        int row = 0;
        row = line(g, row, "conn-uri", m.tr("conn.uri"), ConnectionStrings.multiHostUri(lab), copied);
        row = line(g, row, "conn-psql-primary", m.tr("conn.psqlPrimary"), ConnectionStrings.psqlPrimary(lab), copied);
        for (ConnectionStrings.NodeCommand c : ConnectionStrings.psqlCommands(lab)) {
            row = line(g, row, "conn-psql-" + c.node().replaceAll("[^A-Za-z0-9_-]", "_"), m.tr("conn.psqlNode", c.node()), c.psql(), copied);
        }
        Label note = new Label(m.tr("conn.note"));
        note.getStyleClass().add("step-detail");
        note.setWrapText(true);
        g.add(note, 0, row, 3, 1);
        g.add(copied, 0, row + 1, 3, 1);
        ScrollPane sp = new ScrollPane(g);
        sp.setFitToWidth(true);
        sp.setId("connections-pane");
        return sp;
    }

    private int line(GridPane g, int row, String id, String label, String text, Label copied) {
        Label l = new Label(label);
        l.getStyleClass().add("step-name");
        TextField f = new TextField(text);
        f.setEditable(false);
        f.setId(id);
        f.getStyleClass().add("conn-text");
        Button b = new Button(m.tr("conn.copy"));
        b.setId(id + "-copy");
        b.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(text);
            Clipboard.getSystemClipboard().setContent(c);
            copied.setText(m.tr("conn.copied", label));
        });
        g.addRow(row, l, f, b);
        return row + 1;
    }

    private static ColumnConstraints colGrow() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        return c;
    }
}
