package io.failoverlab.ui.nodes;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.FormationSettings;
import io.failoverlab.ui.app.Messages;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * Under the node table, the formation's settings as `pg_autoctl show settings` has them:
 * number_sync_standbys and the primary's synchronous_standby_names. With each node's candidate
 * priority and quorum (table columns) they decide whom the monitor promotes and whether writes block.
 */
public final class FormationLine {
    private final ClusterViewModel model;
    private final Messages m;

    public FormationLine(ClusterViewModel model, Messages m) {
        this.model = model;
        this.m = m;
    }

    public Label build() {
        Label l = new Label();
        l.setId("formation-settings");
        l.getStyleClass().add("formation-settings");
        l.setWrapText(true);
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(600);
        l.setTooltip(tip);
        Runnable fill = () -> {
            l.setText(text(model.lastProperty().get()));
            tip.setText(l.getText());
        };
        model.lastProperty().addListener((o, a, s) -> fill.run());
        fill.run();
        return l;
    }

    private String text(ClusterSnapshot s) {
        if (s == null || !s.monitorReachable() || !s.formation().known()) return "";
        FormationSettings f = s.formation();
        return m.tr("formation.settings", f.numberSyncStandbys(), f.synchronousStandbyNamesShown());
    }
}
