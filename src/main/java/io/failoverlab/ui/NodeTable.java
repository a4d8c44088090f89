package io.failoverlab.ui;

import io.failoverlab.lab.NodeState;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

import java.util.Locale;
import java.util.function.Function;

/** The centre table: one row per node, states coloured by meaning, in-flight transitions highlighted. */
final class NodeTable {
    private final ClusterViewModel model;
    private final Messages m;
    private final SecondsClock clock;

    NodeTable(ClusterViewModel model, Messages m, SecondsClock clock) {
        this.model = model;
        this.m = m;
        this.clock = clock;
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
        t.getColumns().add(since());
        t.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(NodeRow r, boolean empty) {
                super.updateItem(r, empty);
                pseudoClassStateChanged(Styles.TRANSITION, !empty && r != null && r.inTransition());
            }
        });
        Runnable stale = () -> Styles.replace(t, "stale"::equals,
                model.monitorProperty().get() == ClusterViewModel.Monitor.UNREACHABLE ? "stale" : null);
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

    /**
     * "Time in state": each cell re-reads its own text when the clock ticks (once a second),
     * rather than the whole table re-creating its cells.
     */
    private TableColumn<NodeRow, NodeRow> since() {
        TableColumn<NodeRow, NodeRow> c = new TableColumn<>(m.tr("col.since"));
        c.setPrefWidth(100);
        c.setId("col-since");
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            // weak: a table rebuilt by a language switch leaves its old cells to the collector
            private final javafx.beans.InvalidationListener tick = o -> show(getItem());

            {
                clock.seconds().addListener(new javafx.beans.WeakInvalidationListener(tick));
            }

            @Override
            protected void updateItem(NodeRow r, boolean empty) {
                super.updateItem(r, empty);
                show(empty ? null : r);
            }

            private void show(NodeRow r) { setText(r == null ? null : SecondsClock.elapsed(r.stateSince(), m)); }
        });
        return c;
    }

    /** A state column: the cell shows the state's colour as :state-&lt;category&gt;; the assigned one also :transition when it differs. */
    private TableColumn<NodeRow, NodeRow> state(String key, Function<NodeRow, NodeState> value, boolean assigned) {
        TableColumn<NodeRow, NodeRow> c = new TableColumn<>(m.tr(key));
        c.setPrefWidth(130);
        c.setId(key.replace('.', '-'));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            {
                getStyleClass().add("state-cell");
            }

            @Override
            protected void updateItem(NodeRow r, boolean empty) {
                super.updateItem(r, empty);
                NodeState s = empty || r == null ? null : value.apply(r);
                setText(s == null ? null : s.id());
                Styles.state(this, s, s != null && assigned && r.inTransition());
            }
        });
        return c;
    }
}
