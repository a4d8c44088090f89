package io.failoverlab.ui;

import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

import java.util.function.Consumer;
import java.util.function.Supplier;

/** A ControlsFX notification (non-blocking, fades away) each time a node settles in a new role. */
final class RoleNotifier implements Consumer<RoleChanges.Change> {
    private final Supplier<Messages> messages;
    private final Supplier<Window> owner;
    private final Supplier<Boolean> dark;
    private int shown;

    RoleNotifier(Supplier<Messages> messages, Supplier<Window> owner, Supplier<Boolean> dark) {
        this.messages = messages;
        this.owner = owner;
        this.dark = dark;
    }

    /** FX thread (LiveModels calls it from apply). */
    @Override
    public void accept(RoleChanges.Change c) {
        Window w = owner.get();
        if (w == null || !w.isShowing()) return;
        Messages m = messages.get();
        String text = c.to() == NodeRow.Role.PRIMARY ? m.tr("notify.primary", c.node()) : m.tr("notify.secondary", c.node());
        Notifications n = Notifications.create()
                .title(m.tr("notify.title"))
                .text(text)
                .owner(w)
                .position(Pos.TOP_RIGHT)
                .hideAfter(Duration.seconds(6));
        if (Boolean.TRUE.equals(dark.get())) n = n.darkStyle();
        n.showInformation();
        shown++;
    }

    int shown() { return shown; }
}
