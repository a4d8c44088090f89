package io.failoverlab.ui;

import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;

/**
 * The centre of the window, top to bottom: the node table with the topology diagram beside it;
 * tabs for the failover timeline, the data check and the connection strings; the log.
 */
final class CentrePane {
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
        SplitPane top = new SplitPane(table, new TopologyView(session.live(), m).build());
        top.setDividerPositions(0.72);
        top.setId("table-and-diagram");
        tabs = new TabPane(
                tab("timeline", m.tr("tab.timeline"), () -> new TimelineView(session.live().timeline(), m).build()),
                tab("datacheck", m.tr("tab.datacheck"), () -> new DataCheckPane(session, controller, actions, m).build()),
                tab("connections", m.tr("tab.connections"), () -> new ConnectionsPane(session, m).build()));
        tabs.setId("centre-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane centre = new SplitPane(top, tabs, log);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.30, 0.62);
        return centre;
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
