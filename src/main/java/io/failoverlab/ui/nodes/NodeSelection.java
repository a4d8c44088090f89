package io.failoverlab.ui.nodes;

import javafx.collections.ListChangeListener;
import javafx.scene.control.TableView;

/**
 * Keeps the node picked in the table across snapshots: every snapshot replaces the rows (and
 * with them the table's selection), so the name is kept in the model and selected again.
 */
public final class NodeSelection {
    private NodeSelection() { }

    public static void keep(TableView<NodeRow> t, ClusterViewModel model) {
        t.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && !b.name().equals(model.selectedNode())) model.selectNode(b.name());
        });
        t.getItems().addListener((ListChangeListener<NodeRow>) c -> reselect(t, model));
        reselect(t, model);
    }

    private static void reselect(TableView<NodeRow> t, ClusterViewModel model) {
        String sel = model.selectedNode();
        if (sel == null) return;
        NodeRow now = t.getSelectionModel().getSelectedItem();
        if (now != null && now.name().equals(sel)) return;
        for (int i = 0; i < t.getItems().size(); i++) {
            if (t.getItems().get(i).name().equals(sel)) {
                t.getSelectionModel().select(i);
                return;
            }
        }
    }
}
