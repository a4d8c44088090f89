package io.failoverlab.ui;

import javafx.scene.control.Button;
import javafx.scene.control.ToolBar;

/** A button per registered action; all disabled while one runs. */
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
        for (ConsoleAction a : actions.all()) {
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
