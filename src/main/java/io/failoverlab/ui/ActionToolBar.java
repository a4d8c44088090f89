package io.failoverlab.ui;

import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ToolBar;

import java.util.HashMap;
import java.util.Map;

/** A button per registered action, grouped actions ("kill-node") in a menu button per group; all disabled while one runs. */
final class ActionToolBar {
    private final Actions actions;
    private final ActionController controller;
    private final Messages m;

    ActionToolBar(Actions actions, ActionController controller, Messages m) {
        this.actions = actions;
        this.controller = controller;
        this.m = m;
    }

    ToolBar build() {
        ToolBar bar = new ToolBar();
        bar.setId("actions");
        Map<String, MenuButton> groups = new HashMap<>();
        for (ConsoleAction a : actions.all()) {
            String group = HaActions.group(a.id());
            if (group != null) {
                MenuButton mb = groups.computeIfAbsent(group, g -> {
                    MenuButton b = new MenuButton(m.tr("actiongroup." + g));
                    b.setId("group-" + g);
                    b.getStyleClass().add("action-button");
                    b.disableProperty().bind(controller.busyProperty());
                    bar.getItems().add(b);
                    return b;
                });
                mb.getItems().add(ActionMenus.item(a, controller, m));
                continue;
            }
            Button b = new Button(m.tr(a.labelKey()));
            b.setId("action-" + a.id());
            b.getStyleClass().add("action-button");
            if (a.confirmation() instanceof InstallCheck || a.rebuildsLab()) b.getStyleClass().add("primary-action");
            b.disableProperty().bind(controller.busyProperty());
            b.setOnAction(e -> controller.run(a));
            bar.getItems().add(b);
        }
        return bar;
    }
}
