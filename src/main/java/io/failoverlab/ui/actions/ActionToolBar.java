package io.failoverlab.ui.actions;

import io.failoverlab.ui.app.Messages;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A button per registered action, grouped actions ("kill-node") in a menu button per group; all
 * disabled while one runs. What does not fit the window's width goes into a "More" menu at the
 * end, so every action stays reachable on a projector's narrow screen or with big letters.
 */
public final class ActionToolBar {
    private final Actions actions;
    private final ActionController controller;
    private final Messages m;
    /** Toolbar node → the actions it offers (one for a button, the group's for a menu button). */
    private final Map<Node, List<ConsoleAction>> offers = new LinkedHashMap<>();
    private final MenuButton more = new MenuButton();
    private int fitting = -1;

    public ActionToolBar(Actions actions, ActionController controller, Messages m) {
        this.actions = actions;
        this.controller = controller;
        this.m = m;
    }

    public Region build() {
        HBox bar = new HBox(6) {
            @Override
            protected void layoutChildren() {
                overflow(this);
                super.layoutChildren();
            }
        };
        bar.setId("actions");
        bar.getStyleClass().add("tool-bar");
        bar.setMinWidth(0);
        Map<String, MenuButton> groups = new LinkedHashMap<>();
        for (ConsoleAction a : actions.all()) {
            String group = a.group();
            if (group != null) {
                MenuButton mb = groups.computeIfAbsent(group, g -> {
                    MenuButton b = new MenuButton(m.tr("actiongroup." + g));
                    b.setId("group-" + g);
                    b.getStyleClass().add("action-button");
                    b.disableProperty().bind(controller.busyProperty());
                    offers.put(b, new ArrayList<>());
                    return b;
                });
                mb.getItems().add(ActionMenus.item(a, controller, m));
                offers.get(mb).add(a);
                continue;
            }
            Button b = new Button(m.tr(a.labelKey()));
            b.setId("action-" + a.id());
            b.getStyleClass().add("action-button");
            if (a.confirmation() instanceof InstallCheck || a.rebuildsLab()) b.getStyleClass().add("primary-action");
            b.disableProperty().bind(controller.busyProperty());
            b.setOnAction(e -> controller.run(a));
            offers.put(b, List.of(a));
        }
        more.setText(m.tr("actions.more"));
        more.setId("actions-more");
        more.getStyleClass().add("action-button");
        bar.getChildren().addAll(offers.keySet());
        bar.getChildren().add(more);
        for (Node n : bar.getChildren()) ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
        return bar;
    }

    /** Shows the buttons that fit, the rest (and "More") only when some do not. */
    private void overflow(HBox bar) {
        double room = bar.getWidth() - bar.snappedLeftInset() - bar.snappedRightInset();
        if (room <= 0) return;
        List<Node> items = new ArrayList<>(offers.keySet());
        double total = 0;
        for (Node n : items) total += n.prefWidth(-1) + bar.getSpacing();
        int fit = items.size();
        if (total - bar.getSpacing() > room) {
            double x = more.prefWidth(-1);
            fit = 0;
            while (fit < items.size() && x + bar.getSpacing() + items.get(fit).prefWidth(-1) <= room) {
                x += bar.getSpacing() + items.get(fit).prefWidth(-1);
                fit++;
            }
        }
        if (fit == fitting) return;
        fitting = fit;
        for (int i = 0; i < items.size(); i++) {
            items.get(i).setVisible(i < fit);
            items.get(i).setManaged(i < fit);
        }
        more.setVisible(fit < items.size());
        more.setManaged(fit < items.size());
        more.getItems().setAll(items.subList(fit, items.size()).stream().map(this::entry).toList());
    }

    /** The "More" menu's entry for a toolbar node: an item for a button, a submenu for a group. */
    private MenuItem entry(Node n) {
        List<ConsoleAction> as = offers.get(n);
        if (n instanceof MenuButton mb) {
            Menu sub = new Menu(mb.getText());
            sub.setId("more-" + mb.getId());
            as.forEach(a -> sub.getItems().add(item(a)));
            return sub;
        }
        return item(as.get(0));
    }

    private MenuItem item(ConsoleAction a) {
        MenuItem i = new MenuItem(m.tr(a.labelKey()));
        i.setId("more-" + a.id());
        i.disableProperty().bind(controller.busyProperty());
        i.setOnAction(e -> controller.run(a));
        return i;
    }
}
