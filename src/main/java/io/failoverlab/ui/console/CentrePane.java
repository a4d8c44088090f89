package io.failoverlab.ui.console;

import io.failoverlab.ui.actions.ActionController;
import io.failoverlab.ui.actions.Actions;
import io.failoverlab.ui.data.ConnectionsPane;
import io.failoverlab.ui.data.DataCheckInputs;
import io.failoverlab.ui.data.DataCheckPane;
import io.failoverlab.ui.session.LiveModels;
import io.failoverlab.ui.session.LabSession;
import io.failoverlab.ui.app.Messages;
import io.failoverlab.ui.nodes.NodeRow;
import io.failoverlab.ui.nodes.NodeSelection;
import io.failoverlab.ui.nodes.FormationLine;
import io.failoverlab.ui.nodes.StateLegend;
import io.failoverlab.ui.timeline.TimelineView;
import io.failoverlab.ui.topology.TopologyView;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The centre of the window, top to bottom: the node table with the topology diagram beside it;
 * tabs for the failover timeline, the data check and the connection strings; the log.
 */
public final class CentrePane {
    private final LabSession session;
    private final ActionController controller;
    private final Actions actions;
    private final Messages m;
    private TabPane tabs;

    CentrePane(LabSession session, ActionController controller, Actions actions, Messages m) {
        this.session = session;
        this.controller = controller;
        this.actions = actions;
        this.m = m;
    }

    SplitPane build(TableView<NodeRow> table, Region log) {
        NodeSelection.keep(table, session.cluster());
        ScrollPane legend = new ScrollPane(new StateLegend(session.cluster(), m).build());
        legend.setFitToWidth(true);
        legend.getStyleClass().add("legend-scroll");
        VBox left = new VBox(4, table, new FormationLine(session.cluster(), m).build(), legend);
        VBox.setVgrow(legend, Priority.ALWAYS);
        SplitPane top = new SplitPane(left, new TopologyView(session.live().topologyProperty(), m).build());
        top.setDividerPositions(0.70);
        top.setId("table-and-diagram");
        tabs = new TabPane(
                tab("timeline", m.tr("tab.timeline"), () -> new TimelineView(session.live().timeline(), m).build()),
                tab("datacheck", m.tr("tab.datacheck"), () -> new DataCheckPane(dataCheckInputs(), m).build()),
                tab("connections", m.tr("tab.connections"), () -> new ConnectionsPane(session.lab(), m).build()));
        tabs.setId("centre-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane centre = new SplitPane(top, tabs, log);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.30, 0.62);
        Runnable fit = () -> fitTop(centre, left, table, legend, log);
        centre.sceneProperty().addListener((o, a, s) -> {
            if (a != null) a.removePostLayoutPulseListener(fit);
            if (s != null) s.addPostLayoutPulseListener(fit);
        });
        return centre;
    }

    private DataCheckInputs dataCheckInputs() {
        LiveModels live = session.live();
        Runnable run = actions.find("datacheck").<Runnable>map(a -> () -> controller.run(a)).orElse(null);
        return new DataCheckInputs(live.dataCheck(), live.dataCheckSummaryProperty(), live.dataCheckMsgProperty(), live.probe(),
                session.cluster().lastProperty()::get, run, controller.busyProperty());
    }

    private double fitted = -1;

    /**
     * The table with its legend gets the height it needs (the table exactly its rows, see
     * ColumnFit), between a fifth and a half of the centre, the timeline below it the height its
     * lanes need, the log the rest; set again only when the table's need changes, so a divider
     * the user moved stays where it is until then. The log always keeps logLines lines in sight.
     */
    private void fitTop(SplitPane centre, VBox left, TableView<NodeRow> table, ScrollPane legend, Region log) {
        double h = centre.getHeight();
        if (h <= 0 || left.getWidth() <= 0) return;
        double legendH = legend.getContent().prefHeight(left.getWidth() - 4) + 6;
        double need = table.prefHeight(-1) + left.getSpacing() + legendH + 4;
        double share = Math.max(0.2, Math.min(0.5, need / h));
        double[] d = centre.getDividerPositions();
        double was = d.length > 1 ? d[1] : 0.62;
        boolean shareChanged = Math.abs(share - fitted) >= 0.005;
        double rest = shareChanged ? share + timelineNeed() / h : was;
        rest = Math.min(rest, Math.min(0.88, 1 - logNeed(log) / h));
        if (!shareChanged && Math.abs(rest - was) < 0.005) return;
        fitted = share;
        centre.setDividerPositions(share, rest);
    }

    /** The centre tabs' headers plus what the timeline's lanes need (one per node). */
    private double timelineNeed() {
        javafx.scene.Node header = tabs.lookup(".tab-header-area");
        double head = header instanceof Region r ? r.getHeight() : 40;
        return head + 6 + TimelineView.neededHeight(session.cluster().rows().size());
    }

    /**
     * Lines of log always in sight: four; one in presentation mode, whose big letters on a
     * 720-pixel projector leave room for the whole failover timeline or the log, not both.
     */
    public static int logLines(boolean presentation) { return presentation ? 1 : 4; }

    /** The log's toolbar and tabs plus logLines lines of its list (0 before it is laid out). */
    private static double logNeed(Region log) {
        if (!(log.lookup("#log-list") instanceof javafx.scene.control.ListView<?> list) || log.getHeight() <= 0) return 0;
        boolean presentation = log.getScene() != null && log.getScene().getRoot().getStyleClass().contains("presentation");
        double header = log.getHeight() - list.getHeight();
        return header + (logLines(presentation) + 0.3) * list.getFixedCellSize();
    }

    /**
     * A tab whose content is built the first time it is shown: the window's first frame then
     * styles and lays out only the tab in front (start-up time).
     */
    private static Tab tab(String id, String text, java.util.function.Supplier<Region> content) {
        Tab t = new Tab(text);
        t.setId("tab-" + id);
        t.setUserData(id);
        Runnable fill = () -> {
            if (t.isSelected() && t.getContent() == null) t.setContent(content.get());
        };
        t.selectedProperty().addListener((o, was, is) -> fill.run());
        fill.run();
        return t;
    }

    TabPane tabs() { return tabs; }
}
