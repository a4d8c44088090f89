package io.failoverlab.ui.nodes;

import io.failoverlab.ui.app.Messages;
import io.failoverlab.ui.app.SecondsClock;
import io.failoverlab.ui.app.Styles;
import io.failoverlab.lab.NodeState;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The centre table: one row per node, states coloured by meaning, in-flight transitions
 * highlighted. Columns that do not fit the width give way, the least important first (see
 * ColumnFit); a row's tooltip has every column's value, a state cell's what the state means.
 */
public final class NodeTable {
    /** Column keys, most important first: the last ones are hidden first in a narrow window. */
    // candidate priority and quorum decide whom the monitor promotes and whether writes block: kept before host and lag
    public static final List<String> PRIORITY = List.of("col.name", "col.reported", "col.assigned", "col.role", "col.since",
            "col.priority", "col.quorum", "col.hostPort", "col.lag", "col.health", "col.connection", "col.nodeId", "col.tliLsn");
    private final ClusterViewModel model;
    private final Messages m;
    private final SecondsClock clock;
    private final Map<String, ColumnFit.Col> cols = new LinkedHashMap<>();

    public NodeTable(ClusterViewModel model, Messages m, SecondsClock clock) {
        this.model = model;
        this.m = m;
        this.clock = clock;
    }

    public TableView<NodeRow> build() {
        TableView<NodeRow> t = new TableView<>(model.rows());
        t.setId("node-table");
        t.getStyleClass().add("node-table");
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Label placeholder = new Label(m.tr("table.empty"));
        placeholder.setWrapText(true);
        t.setPlaceholder(placeholder);
        text("col.name", NodeRow::name);
        text("col.nodeId", r -> String.valueOf(r.nodeId()));
        text("col.hostPort", NodeRow::hostPort);
        text("col.role", r -> m.tr("role." + r.role().name().toLowerCase(Locale.ROOT)));
        state("col.reported", NodeRow::reported, false);
        state("col.assigned", NodeRow::assigned, true);
        text("col.health", r -> m.tr("health." + r.health()));
        text("col.tliLsn", NodeRow::tliLsn);
        text("col.lag", NodeRow::lagText);
        text("col.priority", r -> String.valueOf(r.candidatePriority()));
        text("col.quorum", r -> m.tr(r.quorum() ? "yes" : "no"));
        text("col.connection", r -> m.tr("conn." + r.connection().name().toLowerCase(Locale.ROOT)));
        since();
        cols.values().forEach(c -> t.getColumns().add(c.column()));
        t.setRowFactory(tv -> new TableRow<>() {
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(NodeRow r, boolean empty) {
                super.updateItem(r, empty);
                pseudoClassStateChanged(Styles.TRANSITION, !empty && r != null && r.inTransition());
                if (empty || r == null) {
                    setTooltip(null);
                } else {
                    tip.setText(everything(r));
                    setTooltip(tip);
                }
            }
        });
        Runnable stale = () -> Styles.replace(t, "stale"::equals,
                model.monitorProperty().get() == ClusterViewModel.Monitor.UNREACHABLE ? "stale" : null);
        model.monitorProperty().addListener((o, a, b) -> stale.run());
        stale.run();
        ColumnFit fit = new ColumnFit(t, PRIORITY.stream().map(cols::get).toList());
        Runnable afterLayout = fit::fit;
        t.sceneProperty().addListener((o, a, s) -> {
            if (a != null) a.removePostLayoutPulseListener(afterLayout);
            if (s != null) s.addPostLayoutPulseListener(afterLayout);
        });
        return t;
    }

    /** Every column's name and value, hidden ones included: the row's tooltip. */
    private String everything(NodeRow r) {
        StringBuilder sb = new StringBuilder();
        for (String key : PRIORITY) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(m.tr(key + ".tip")).append(": ").append(String.join(" → ", cols.get(key).texts().apply(r)));
        }
        return sb.toString();
    }

    private <T> TableColumn<NodeRow, T> column(String key) {
        TableColumn<NodeRow, T> c = new TableColumn<>();
        Label title = new Label(m.tr(key));
        title.getStyleClass().add("col-title");
        Tooltip.install(title, new Tooltip(m.tr(key + ".tip")));
        c.setGraphic(title);
        c.setId(key.replace('.', '-'));
        return c;
    }

    private void text(String key, Function<NodeRow, String> value) {
        TableColumn<NodeRow, String> c = column(key);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        cols.put(key, new ColumnFit.Col(c, m.tr(key), r -> List.of(value.apply(r)), false));
    }

    /**
     * "Time in state": each cell re-reads its own text when the clock ticks (once a second),
     * rather than the whole table re-creating its cells. Sized for the longest it says.
     */
    private void since() {
        TableColumn<NodeRow, NodeRow> c = column("col.since");
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
        List<String> longest = List.of(m.tr("age.ms", 59, 59), m.tr("age.hm", 23, 59));
        cols.put("col.since", new ColumnFit.Col(c, m.tr("col.since"), r -> {
            List<String> l = new ArrayList<>(longest);
            l.add(0, SecondsClock.elapsed(r.stateSince(), m));
            return l;
        }, false));
    }

    /** A state column: the cell shows the state's colour as :state-&lt;category&gt;; the assigned one also :transition when it differs. */
    private void state(String key, Function<NodeRow, NodeState> value, boolean assigned) {
        TableColumn<NodeRow, NodeRow> c = column(key);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            {
                getStyleClass().add("state-cell");
                tip.setWrapText(true);
                tip.setMaxWidth(480);
            }

            @Override
            protected void updateItem(NodeRow r, boolean empty) {
                super.updateItem(r, empty);
                NodeState s = empty || r == null ? null : value.apply(r);
                setText(s == null ? null : s.id());
                Styles.state(this, s, s != null && assigned && r.inTransition());
                if (s == null) {
                    setTooltip(null);
                } else {
                    tip.setText(s.id() + " — " + m.tr("state." + s.id()));
                    setTooltip(tip);
                }
            }
        });
        cols.put(key, new ColumnFit.Col(c, m.tr(key), r -> List.of(value.apply(r).id()), true));
    }
}
