package io.failoverlab.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.Region;

/** Diagnostics: which parts of the scene need how much width (printed, never asserted). */
final class MinWidths {
    private MinWidths() { }

    static void print(Node n, int depth) {
        if (depth > 12 || !(n instanceof Region r)) return;
        double min = r.minWidth(-1);
        if (min < 250) return;
        System.out.printf("MINW %s%s#%s %s min=%.0f w=%.0f%n", "  ".repeat(depth), n.getClass().getSimpleName(), n.getId(),
                n.getStyleClass(), min, r.getWidth());
        for (Node c : ((Parent) n).getChildrenUnmodifiable()) print(c, depth + 1);
    }
}
