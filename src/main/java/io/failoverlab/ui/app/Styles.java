package io.failoverlab.ui.app;

import io.failoverlab.lab.NodeState;
import javafx.css.PseudoClass;
import javafx.scene.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Style changes at the least cost to the CSS engine. Any change to a node's style classes makes
 * JavaFX re-match the whole stylesheet for that node and everything below it; a pseudo-class
 * change only re-evaluates the rules that name it. Cells that change often (node table, log)
 * carry their state as pseudo-classes; elsewhere the class list is only touched when it differs.
 */
public final class Styles {
    /** The stylesheet of every window, beside the message bundles (resources stay in io/failoverlab/ui). */
    public static final String CSS = "/io/failoverlab/ui/console.css";
    /** :state-primary, :state-secondary, … — one per NodeState.category(). */
    private static final Map<String, PseudoClass> STATE = Stream.of(NodeState.values()).map(NodeState::category).distinct()
            .collect(Collectors.toUnmodifiableMap(c -> c, c -> PseudoClass.getPseudoClass("state-" + c)));
    public static final PseudoClass TRANSITION = PseudoClass.getPseudoClass("transition");

    private Styles() {}

    /** Shows a node state's colour as its pseudo-class (null: none), plus :transition when asked. */
    public static void state(Node n, NodeState s, boolean transition) {
        String wanted = s == null ? null : s.category();
        STATE.forEach((category, pc) -> n.pseudoClassStateChanged(pc, category.equals(wanted)));
        n.pseudoClassStateChanged(TRANSITION, transition);
    }

    /** True when the node shows this state's colour (tests and screenshots ask). */
    public static boolean showsState(Node n, NodeState s) {
        return n.getPseudoClassStates().contains(STATE.get(s.category()));
    }

    /** One pseudo-class out of a set: the one named on, the others off. */
    public static void oneOf(Node n, Map<String, PseudoClass> set, String on) {
        set.forEach((name, pc) -> n.pseudoClassStateChanged(pc, name.equals(on)));
    }

    /**
     * Replaces the node's style classes that {@code owned} accepts by {@code wanted}, leaving the
     * others; the list is not touched at all when it already holds exactly these.
     */
    public static void replace(Node n, Predicate<String> owned, String... wanted) {
        javafx.collections.ObservableList<String> current = n.getStyleClass();
        List<String> next = new ArrayList<>(current.size() + wanted.length);
        for (String c : current) if (!owned.test(c)) next.add(c);
        for (String w : wanted) if (w != null && !next.contains(w)) next.add(w);
        if (!next.equals(current)) current.setAll(next);
    }

    /**
     * A dialog looks like the window it belongs to: the console's style sheet and its look
     * classes (theme, presentation) on the dialog's pane, so a question asked on a projector is
     * as big as the window behind it.
     */
    public static void likeOwner(javafx.scene.control.DialogPane pane, javafx.stage.Window owner) {
        if (owner == null || owner.getScene() == null) return;
        javafx.scene.Scene scene = owner.getScene();
        for (String sheet : scene.getStylesheets()) if (!pane.getStylesheets().contains(sheet)) pane.getStylesheets().add(sheet);
        for (String c : scene.getRoot().getStyleClass()) {
            if ((c.equals("console") || c.equals("presentation") || c.startsWith("theme-")) && !pane.getStyleClass().contains(c)) {
                pane.getStyleClass().add(c);
            }
        }
    }
}
