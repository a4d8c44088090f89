package io.failoverlab.ui;

import io.failoverlab.lab.NodeState;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;

/** The centre table: one row per node, states coloured by meaning, in-flight transitions highlighted. */
final class NodeTable {
    private final ClusterViewModel model;
    private final Messages m;

    NodeTable(ClusterViewModel model, Messages m) {
        this.model = model;
        this.m = m;
    }

    TableView<NodeRow> build() {
        TableView<NodeRow> t = new TableView<>(model.rows());
        t.setId("node-table");
        t.getStyleClass().add("node-table");
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label(m.tr("table.empty")));
        t.getColumns().add(text("col.name", NodeRow::name, 90));
        t.getColumns().add(text("col.nodeId", r -> String.valueOf(r.nodeId()), 75));
        t.getColumns().add(text("col.hostPort", NodeRow::hostPort, 140));
        t.getColumns().add(text("col.role", r -> m.tr("role." + r.role().name().toLowerCase(Locale.ROOT)), 90));
        t.getColumns().add(state("col.reported", NodeRow::reported, false));
        t.getColumns().add(state("col.assigned", NodeRow::assigned, true));
        t.getColumns().add(text("col.health", r -> m.tr("health." + r.health()), 70));
        t.getColumns().add(text("col.tliLsn", NodeRow::tliLsn, 110));
        t.getColumns().add(text("col.lag", NodeRow::lagText, 80));
        t.getColumns().add(text("col.priority", r -> String.valueOf(r.candidatePriority()), 70));
        t.getColumns().add(text("col.quorum", r -> m.tr(r.quorum() ? "yes" : "no"), 70));
        t.getColumns().add(text("col.connection", r -> m.tr("conn." + r.connection().name().toLowerCase(Locale.ROOT)), 110));
        t.getColumns().add(text("col.since", r -> age(r.stateSince(), m), 100));
        t.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(NodeRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove("row-transition");
                if (!empty && r != null && r.inTransition()) getStyleClass().add("row-transition");
            }
        });
        Runnable stale = () -> {
            t.getStyleClass().remove("stale");
            if (model.monitorProperty().get() == ClusterViewModel.Monitor.UNREACHABLE) t.getStyleClass().add("stale");
        };
        model.monitorProperty().addListener((o, a, b) -> stale.run());
        stale.run();
        return t;
    }

    private TableColumn<NodeRow, String> text(String key, Function<NodeRow, String> value, double width) {
        TableColumn<NodeRow, String> c = new TableColumn<>(m.tr(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setId(key.replace('.', '-'));
        return c;
    }

    /** A state column: the cell carries state-&lt;category&gt;; the assigned one also "transition" when it differs. */
    private TableColumn<NodeRow, NodeRow> state(String key, Function<NodeRow, NodeState> value, boolean assigned) {
        TableColumn<NodeRow, NodeRow> c = new TableColumn<>(m.tr(key));
        c.setPrefWidth(130);
        c.setId(key.replace('.', '-'));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(NodeRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().removeIf(s -> s.startsWith("state-") || s.equals("transition"));
                if (empty || r == null) {
                    setText(null);
                    return;
                }
                NodeState s = value.apply(r);
                setText(s.id());
                getStyleClass().add("state-cell");
                getStyleClass().add(NodeRow.styleClass(s));
                if (assigned && r.inTransition()) getStyleClass().add("transition");
            }
        });
        return c;
    }

    static String age(Instant since, Messages m) {
        if (since == null) return "";
        long s = Math.max(0, Duration.between(since, Instant.now()).getSeconds());
        if (s < 60) return m.tr("age.s", s);
        if (s < 3600) return m.tr("age.ms", s / 60, s % 60);
        return m.tr("age.hm", s / 3600, s % 3600 / 60);
    }
}
