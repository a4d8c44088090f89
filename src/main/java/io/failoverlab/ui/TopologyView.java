package io.failoverlab.ui;

import javafx.animation.FadeTransition;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.ScaleTransition;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.util.Duration;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The topology diagram: the monitor on top, the primary on the left, the standbys in a column on
 * the right, a replication arrow from the primary to each standby, and a dotted line from the
 * monitor to every node. Colours are the table's state classes. When a node's role changes it
 * glides to its new place and flashes. Draws only what the TopologyModel (a snapshot) says.
 */
final class TopologyView {
    private static final Duration MOVE = Duration.millis(650);
    private final LiveModels live;
    private final Messages m;
    private final Pane pane = new Pane();
    private final Group links = new Group();
    private final StackPane monitor = new StackPane();
    private final Map<String, NodeBox> boxes = new HashMap<>();
    private final Label empty = new Label();

    private record NodeBox(StackPane box, Label name, Label state, Label where, NodeRow.Role[] role) { }

    TopologyView(LiveModels live, Messages m) {
        this.live = live;
        this.m = m;
    }

    Region build() {
        pane.setId("topology");
        pane.getStyleClass().add("topology");
        pane.setMinSize(0, 0);
        pane.setPrefSize(380, 200);
        Label ml = new Label(m.tr("topology.monitor"));
        ml.getStyleClass().add("topo-title");
        monitor.getChildren().add(ml);
        monitor.getStyleClass().add("topo-monitor");
        monitor.setId("topo-monitor");
        empty.setText(m.tr("topology.empty"));
        empty.getStyleClass().add("topo-empty");
        pane.getChildren().addAll(links, monitor, empty);
        ChangeListener<TopologyModel> onModel = (o, a, b) -> update(b, true);
        live.topologyProperty().addListener(onModel);
        // a rebuilt scene (language switch) makes a new view: the old one stops listening
        pane.sceneProperty().addListener((o, a, s) -> {
            if (s == null) live.topologyProperty().removeListener(onModel);
        });
        pane.widthProperty().addListener((o, a, b) -> place(false));
        pane.heightProperty().addListener((o, a, b) -> place(false));
        update(live.topologyProperty().get(), false);
        return pane;
    }

    private void update(TopologyModel t, boolean animate) {
        monitor.getStyleClass().removeAll("topo-up", "topo-down");
        monitor.getStyleClass().add(t.monitorUp() ? "topo-up" : "topo-down");
        boxes.keySet().removeIf(name -> {
            if (t.node(name).isPresent()) return false;
            pane.getChildren().remove(boxes.get(name).box());
            return true;
        });
        for (TopologyModel.Node n : t.nodes()) {
            NodeBox b = boxes.computeIfAbsent(n.name(), this::newBox);
            b.name().setText(n.name());
            b.state().setText(n.inTransition() ? n.reported().id() + " → " + n.assigned().id() : n.reported().id());
            b.where().setText(n.hostPort());
            b.box().getStyleClass().removeIf(c -> c.startsWith("state-") || c.equals("transition") || c.startsWith("role-"));
            b.box().getStyleClass().addAll(n.styleClass(), "role-" + n.role().name().toLowerCase(Locale.ROOT));
            if (n.inTransition()) b.box().getStyleClass().add("transition");
            NodeRow.Role before = b.role()[0];
            b.role()[0] = n.role();
            if (animate && before != null && before != n.role()) flash(b.box());
        }
        empty.setVisible(t.nodes().isEmpty());
        place(animate);
    }

    private NodeBox newBox(String name) {
        Label n = new Label(name);
        n.getStyleClass().add("topo-name");
        Label s = new Label();
        s.getStyleClass().add("topo-state");
        Label w = new Label();
        w.getStyleClass().add("topo-where");
        VBox v = new VBox(1, n, s, w);
        v.setAlignment(Pos.CENTER);
        StackPane box = new StackPane(v);
        box.getStyleClass().add("topo-node");
        box.setId("topo-" + name.replaceAll("[^A-Za-z0-9_-]", "_"));
        box.setOpacity(0);
        FadeTransition in = new FadeTransition(MOVE, box);
        in.setToValue(1);
        in.play();
        ChangeListener<Number> relink = (o, a, b) -> drawLinks();
        box.layoutXProperty().addListener(relink);
        box.layoutYProperty().addListener(relink);
        box.widthProperty().addListener(relink);
        pane.getChildren().add(box);
        return new NodeBox(box, n, s, w, new NodeRow.Role[1]);
    }

    private static void flash(Region r) {
        FadeTransition f = new FadeTransition(MOVE, r);
        f.setFromValue(0.25);
        f.setToValue(1);
        ScaleTransition s = new ScaleTransition(MOVE, r);
        s.setFromX(1.18);
        s.setFromY(1.18);
        s.setToX(1);
        s.setToY(1);
        f.play();
        s.play();
    }

    /** Where each shape goes: monitor top centre, primary left, the others in a column on the right. */
    private void place(boolean animate) {
        double w = pane.getWidth(), h = pane.getHeight();
        if (w <= 0 || h <= 0) return;
        monitor.autosize();
        monitor.relocate((w - monitor.getWidth()) / 2, 6);
        empty.autosize();
        empty.relocate((w - empty.getWidth()) / 2, h / 2);
        TopologyModel t = live.topologyProperty().get();
        List<TopologyModel.Node> others = t.nodes().stream().filter(n -> n.role() != NodeRow.Role.PRIMARY).toList();
        double top = monitor.getHeight() + 24, bottom = h - 6;
        for (TopologyModel.Node n : t.nodes()) {
            NodeBox b = boxes.get(n.name());
            if (b == null) continue;
            Region box = b.box();
            box.autosize();
            double cx, cy;
            if (n.role() == NodeRow.Role.PRIMARY) {
                cx = w * 0.25;
                cy = (top + bottom) / 2;
            } else {
                int i = others.indexOf(n);
                double slot = (bottom - top) / Math.max(1, others.size());
                cx = t.primary().isPresent() ? w * 0.74 : w * (i + 1) / (others.size() + 1.0);
                cy = t.primary().isPresent() ? top + slot * (i + 0.5) : (top + bottom) / 2;
            }
            // kept inside a narrow diagram: the boxes may touch, never leave the pane
            double x = Math.max(4, Math.min(w - box.getWidth() - 4, cx - box.getWidth() / 2)), y = cy - box.getHeight() / 2;
            boolean placed = box.getProperties().containsKey("placed");
            if (animate && placed && (Math.abs(box.getLayoutX() - x) > 1 || Math.abs(box.getLayoutY() - y) > 1)) {
                Timeline move = new Timeline(new KeyFrame(MOVE,
                        new KeyValue(box.layoutXProperty(), x, Interpolator.EASE_BOTH),
                        new KeyValue(box.layoutYProperty(), y, Interpolator.EASE_BOTH)));
                move.play();
            } else {
                box.relocate(x, y);
            }
            box.getProperties().put("placed", true);
        }
        drawLinks();
    }

    private void drawLinks() {
        links.getChildren().clear();
        TopologyModel t = live.topologyProperty().get();
        double mx = monitor.getLayoutX() + monitor.getWidth() / 2, my = monitor.getLayoutY() + monitor.getHeight();
        for (TopologyModel.Node n : t.nodes()) {
            NodeBox b = boxes.get(n.name());
            if (b == null) continue;
            Region r = b.box();
            Line l = new Line(mx, my, r.getLayoutX() + r.getWidth() / 2, r.getLayoutY());
            l.getStyleClass().add("topo-monitor-link");
            links.getChildren().add(l);
        }
        for (TopologyModel.Edge e : t.edges()) {
            NodeBox from = boxes.get(e.from()), to = boxes.get(e.to());
            if (from == null || to == null) continue;
            Region a = from.box(), b = to.box();
            double x1 = a.getLayoutX() + a.getWidth(), y1 = a.getLayoutY() + a.getHeight() / 2;
            double x2 = b.getLayoutX(), y2 = b.getLayoutY() + b.getHeight() / 2;
            if (x2 < x1) { // side by side or moving: link centre to centre
                x1 = a.getLayoutX() + a.getWidth() / 2;
                x2 = b.getLayoutX() + b.getWidth() / 2;
            }
            Line line = new Line(x1, y1, x2, y2);
            line.getStyleClass().addAll("topo-edge", e.streaming() ? "streaming" : "catching-up");
            double ang = Math.atan2(y2 - y1, x2 - x1), len = 11, spread = 0.45;
            Polygon head = new Polygon(x2, y2,
                    x2 - len * Math.cos(ang - spread), y2 - len * Math.sin(ang - spread),
                    x2 - len * Math.cos(ang + spread), y2 - len * Math.sin(ang + spread));
            head.getStyleClass().addAll("topo-arrow", e.streaming() ? "streaming" : "catching-up");
            links.getChildren().addAll(line, head);
        }
    }
}
