package io.failoverlab.ui.app;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.Line;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Shapes of one kind for a picture that is redrawn often (timeline, topology links): a redraw
 * takes them in order and the ones it did not take are removed. Redrawing the same picture
 * again creates no nodes, so the CSS engine has nothing new to style; each kind lives in its own
 * layer, which keeps the drawing order whatever order the nodes were first made in.
 */
public final class NodePool<T extends Node> {
    private final Group layer = new Group();
    private final Supplier<T> make;
    private final String styleClass;
    private final List<T> nodes = new ArrayList<>();
    private int used;

    /** make: a new shape of this kind; styleClass: the class every one of them carries. */
    public NodePool(Supplier<T> make, String styleClass) {
        this.make = make;
        this.styleClass = styleClass;
        layer.setManaged(false);
    }

    /** Moves a re-used line's ends (all a redrawn line changes). */
    public static void setEnds(Line l, double x1, double y1, double x2, double y2) {
        l.setStartX(x1);
        l.setStartY(y1);
        l.setEndX(x2);
        l.setEndY(y2);
    }

    /** The layer to add to the picture once. */
    public Group layer() { return layer; }

    /** Starts a redraw. */
    public void begin() { used = 0; }

    /** The next shape of this redraw: a re-used one where there is one. */
    public T take() {
        if (used == nodes.size()) {
            T n = make.get();
            n.getStyleClass().add(styleClass);
            nodes.add(n);
            layer.getChildren().add(n);
        }
        return nodes.get(used++);
    }

    /** Ends a redraw: the shapes not taken this time leave the picture. */
    public void end() {
        if (used == nodes.size()) return;
        List<T> extra = nodes.subList(used, nodes.size());
        layer.getChildren().removeAll(extra);
        extra.clear();
    }
}
