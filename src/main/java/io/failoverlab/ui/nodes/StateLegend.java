package io.failoverlab.ui.nodes;

import io.failoverlab.ui.app.Messages;
import io.failoverlab.ui.app.Styles;
import io.failoverlab.lab.NodeState;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Under the node table: each state the table shows now, by pg_auto_failover's own name, with
 * its meaning in one line ("wait_primary — primary accepts writes without a synchronous standby").
 * primary and secondary, the settled states, are left out (a settled cluster leaves the room to
 * the table); every state cell has its meaning as a tooltip.
 */
public final class StateLegend {
    private final ClusterViewModel model;
    private final Messages m;

    public StateLegend(ClusterViewModel model, Messages m) {
        this.model = model;
        this.m = m;
    }

    public Region build() {
        VBox box = new VBox(2);
        box.setId("state-legend");
        box.getStyleClass().add("state-legend");
        Runnable fill = () -> {
            Set<NodeState> shown = new LinkedHashSet<>();
            for (NodeRow r : model.rows()) {
                shown.add(r.reported());
                shown.add(r.assigned());
            }
            shown.removeIf(s -> s == NodeState.PRIMARY || s == NodeState.SECONDARY);
            box.getChildren().setAll(shown.stream().map(this::line).toList());
            // a stopped node keeps its last states: say that they are not what it is doing
            if (model.rows().stream().anyMatch(NodeRow::down)) box.getChildren().add(0, downLine());
        };
        ListChangeListener<NodeRow> onRows = c -> fill.run();
        model.rows().addListener(onRows);
        // a rebuilt scene (language switch) makes a new legend: the old one stops listening
        box.sceneProperty().addListener((o, a, s) -> {
            if (s == null && a != null) model.rows().removeListener(onRows);
        });
        fill.run();
        return box;
    }

    private Label downLine() {
        Region chip = new Region();
        chip.getStyleClass().addAll("legend-chip", "state-down");
        Label l = new Label(m.tr("role.down") + " — " + m.tr("legend.down"), chip);
        l.getStyleClass().add("legend-line");
        l.setWrapText(true);
        l.setId("legend-down");
        return l;
    }

    private Label line(NodeState s) {
        Region chip = new Region();
        chip.getStyleClass().add("legend-chip");
        Styles.state(chip, s, false);
        Label l = new Label(s.id() + " — " + m.tr("state." + s.id()), chip);
        l.getStyleClass().add("legend-line");
        l.setWrapText(true);
        l.setId("legend-" + s.id());
        return l;
    }
}
