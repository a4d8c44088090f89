package io.failoverlab.ui.app;

import io.failoverlab.lab.NodeState;
import javafx.collections.ListChangeListener;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Style changes cost the CSS engine only when something changes (no window needed). */
class StylesTest {

    @Test
    void replaceTouchesTheClassListOnlyWhenItDiffers() {
        Region r = new Region();
        r.getStyleClass().addAll("topo-node", "state-primary", "role-primary");
        AtomicInteger changes = new AtomicInteger();
        r.getStyleClass().addListener((ListChangeListener<String>) c -> changes.incrementAndGet());

        Styles.replace(r, c -> c.startsWith("state-") || c.startsWith("role-"), "state-primary", "role-primary", null);
        assertEquals(0, changes.get(), "the same classes again: no change, no CSS pass");

        Styles.replace(r, c -> c.startsWith("state-") || c.startsWith("role-"), "state-secondary", "role-standby");
        assertEquals(1, changes.get(), "one change for a new pair");
        assertEquals(List.of("topo-node", "state-secondary", "role-standby"), r.getStyleClass());

        Styles.replace(r, c -> c.startsWith("state-") || c.startsWith("role-"));
        assertEquals(List.of("topo-node"), r.getStyleClass(), "classes it does not own stay");
    }

    @Test
    void stateShowsExactlyOneCategoryAndTheTransitionFlag() {
        Region cell = new Region();
        Styles.state(cell, NodeState.PRIMARY, false);
        assertTrue(Styles.showsState(cell, NodeState.PRIMARY));
        assertTrue(Styles.showsState(cell, NodeState.SINGLE), "single is coloured as primary");
        assertFalse(Styles.showsState(cell, NodeState.SECONDARY));
        assertFalse(cell.getPseudoClassStates().contains(Styles.TRANSITION));

        Styles.state(cell, NodeState.CATCHINGUP, true);
        assertEquals(2, cell.getPseudoClassStates().size(), cell.getPseudoClassStates()::toString);
        assertTrue(Styles.showsState(cell, NodeState.CATCHINGUP));
        assertTrue(cell.getPseudoClassStates().contains(Styles.TRANSITION));

        Styles.state(cell, null, false);
        assertTrue(cell.getPseudoClassStates().isEmpty(), "an empty cell shows no state");
    }
}
