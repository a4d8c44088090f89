package io.failoverlab.ui.nodes;

import io.failoverlab.ui.app.Messages;
import javafx.animation.PauseTransition;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A ControlsFX notification bar over the node table each time a node settles in a new role;
 * it hides itself after a few seconds. The changes of one failover share the bar ("node2 is now
 * primary · node1 is now secondary"). An in-window bar, not a pop-up window: opening a native
 * pop-up held the FX thread for ~100 ms, just when the table had a new state to show, and the
 * bar is in the window's own screenshots (lab report).
 */
public final class RoleNotifier implements java.util.function.Consumer<RoleChanges.Change> {
    static final Duration SHOWN_FOR = Duration.seconds(6);
    private final Supplier<NotificationPane> bar;
    private final Supplier<Messages> messages;
    private final PauseTransition hide = new PauseTransition(SHOWN_FOR);
    /** node → its latest change, while the bar shows. */
    private final Map<String, String> showing = new LinkedHashMap<>();
    private int shown;
    private String lastText = "";

    public RoleNotifier(Supplier<NotificationPane> bar, Supplier<Messages> messages) {
        this.bar = bar;
        this.messages = messages;
        hide.setOnFinished(e -> {
            NotificationPane p = bar.get();
            if (p != null) p.hide();
            showing.clear();
        });
    }

    /** FX thread (LiveModels calls it from apply). */
    @Override
    public void accept(RoleChanges.Change c) {
        NotificationPane p = bar.get();
        if (p == null || p.getScene() == null) return;
        Messages m = messages.get();
        if (!p.isShowing()) showing.clear();
        showing.remove(c.node()); // the newest change last
        showing.put(c.node(), c.to() == NodeRow.Role.PRIMARY ? m.tr("notify.primary", c.node()) : m.tr("notify.secondary", c.node()));
        lastText = String.join("   ·   ", showing.values());
        p.setText(lastText);
        if (!p.isShowing()) p.show();
        hide.playFromStart();
        shown++;
    }

    /** FX thread: the window closes. */
    public void stop() { hide.stop(); }

    public int shown() { return shown; }

    /** What the bar said last (it may have hidden since). */
    public String lastText() { return lastText; }
}
