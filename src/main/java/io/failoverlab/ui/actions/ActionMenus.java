package io.failoverlab.ui.actions;

import io.failoverlab.ui.app.Messages;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.VBox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Menu entries for actions: the action's name and, under it, its one-line explanation (&lt;label key&gt;.hint). */
public final class ActionMenus {
    private ActionMenus() { }

    /** An entry whose content node has the id action-&lt;id&gt; (TestFX clicks it). */
    static MenuItem item(ConsoleAction a, ActionController controller, Messages m) {
        Label name = new Label(m.tr(a.labelKey()));
        name.getStyleClass().add("action-item-name");
        VBox box = new VBox(1, name);
        String hintKey = a.labelKey() + ".hint";
        if (m.has(hintKey)) {
            Label hint = new Label(m.tr(hintKey));
            hint.getStyleClass().add("action-item-hint");
            hint.setWrapText(true);
            hint.setMaxWidth(460);
            box.getChildren().add(hint);
        }
        box.setId(Actions.nodeId(a.id()));
        box.getStyleClass().add("action-item");
        CustomMenuItem item = new CustomMenuItem(box, true);
        item.setId("menu-" + a.id());
        item.disableProperty().bind(controller.busyProperty());
        item.setOnAction(e -> controller.run(a));
        return item;
    }

    /** The Actions menu: plain actions as items, grouped ones in a submenu per group. */
    public static List<MenuItem> menu(Actions actions, ActionController controller, Messages m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ConsoleAction a : actions.all()) {
            String g = a.group();
            if (g == null) {
                MenuItem i = new MenuItem(m.tr(a.labelKey()));
                i.disableProperty().bind(controller.busyProperty());
                i.setOnAction(e -> controller.run(a));
                out.put(a.id(), i);
            } else {
                Menu sub = (Menu) out.computeIfAbsent("group:" + g, k -> new Menu(m.tr("actiongroup." + g)));
                MenuItem i = new MenuItem(m.tr(a.labelKey()));
                i.disableProperty().bind(controller.busyProperty());
                i.setOnAction(e -> controller.run(a));
                sub.getItems().add(i);
            }
        }
        return out.values().stream().map(o -> (MenuItem) o).toList();
    }
}
