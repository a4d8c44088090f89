package io.failoverlab.ui.topology;

import javafx.beans.value.ObservableObjectValue;
import io.failoverlab.ui.app.Messages;
import io.failoverlab.ui.app.NodePool;
import io.failoverlab.ui.nodes.NodeRow;
import io.failoverlab.ui.app.Styles;
import javafx.animation.Animation;
import javafx.animation.FadeTransition;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.ScaleTransition;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.transform.Scale;
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
public final class TopologyView {
    private static final Duration MOVE = Duration.millis(650);
    /** The lab's topology, replaced as a whole on every snapshot (LiveModels.topologyProperty). */
    private final ObservableObjectValue<TopologyModel> topology;
    private final Messages m;
    /** Room around the picture (the boxes' shadow included), between the standbys, and for the replication arrow. */
    private static final double MARGIN = 8, GAP = 14, ARROW = 48;
    private final Pane pane = new Pane();
    /** Everything drawn, scaled down as one when the pane is smaller than the picture needs. */
    private final Pane content = new Pane();
    private final Scale fit = new Scale(1, 1, 0, 0);
    private final ChangeListener<Number> replace = (o, a, b) -> place(false);
    private final NodePool<Line> monitorLinks = new NodePool<>(Line::new, "topo-monitor-link");
    private final NodePool<Line> edges = new NodePool<>(Line::new, "topo-edge");
    private final NodePool<Polygon> heads = new NodePool<>(Polygon::new, "topo-arrow");
    private final StackPane monitor = new StackPane();
    /** lost / back / replaced under the monitor's name; hidden when there is nothing to say. */
    private final Label monitorNote = new Label();
    private final Map<String, NodeBox> boxes = new HashMap<>();
    private final Label empty = new Label();

    private record NodeBox(StackPane box, Label name, Label state, Label where, NodeRow.Role[] role) { }

    public TopologyView(ObservableObjectValue<TopologyModel> topology, Messages m) {
        this.topology = topology;
        this.m = m;
    }

    public Region build() {
        pane.setId("topology");
        pane.getStyleClass().add("topology");
        // narrow windows shrink the picture (see place), but not below a size whose text stays readable
        pane.setMinSize(180, 0);
        pane.setPrefSize(380, 200);
        Label ml = new Label(m.tr("topology.monitor"));
        ml.getStyleClass().add("topo-title");
        monitorNote.getStyleClass().add("topo-note");
        monitorNote.setId("topo-monitor-note");
        javafx.scene.layout.VBox title = new javafx.scene.layout.VBox(ml, monitorNote);
        title.setAlignment(javafx.geometry.Pos.CENTER);
        monitor.getChildren().add(title);
        monitor.getStyleClass().add("topo-monitor");
        monitor.setId("topo-monitor");
        empty.setText(m.tr("topology.empty"));
        empty.getStyleClass().add("topo-empty");
        content.setManaged(false);
        content.getTransforms().add(fit);
        pane.getChildren().add(content);
        content.getChildren().addAll(monitorLinks.layer(), edges.layer(), heads.layer(), monitor, empty);
        ChangeListener<TopologyModel> onModel = (o, a, b) -> update(b, true);
        topology.addListener(onModel);
        // a rebuilt scene (language switch) makes a new view: the old one stops listening
        pane.sceneProperty().addListener((o, a, s) -> {
            if (s == null) topology.removeListener(onModel);
        });
        pane.widthProperty().addListener((o, a, b) -> place(false));
        monitor.widthProperty().addListener(replace);
        pane.heightProperty().addListener((o, a, b) -> place(false));
        update(topology.get(), false);
        return pane;
    }

    private void update(TopologyModel t, boolean animate) {
        String mark = t.monitor() == TopologyModel.MonitorMark.NONE ? null : "topo-" + t.monitor().name().toLowerCase(Locale.ROOT);
        Styles.replace(monitor, c -> c.equals("topo-up") || c.equals("topo-down") || c.equals("topo-lost") || c.equals("topo-back")
                || c.equals("topo-replaced"), t.monitorUp() ? "topo-up" : "topo-down", mark);
        monitorNote.setText(mark == null ? "" : m.tr("topology.monitor." + t.monitor().name().toLowerCase(Locale.ROOT)));
        monitorNote.setVisible(mark != null);
        monitorNote.setManaged(mark != null);
        boxes.keySet().removeIf(name -> {
            if (t.node(name).isPresent()) return false;
            content.getChildren().remove(boxes.get(name).box());
            return true;
        });
        for (TopologyModel.Node n : t.nodes()) {
            NodeBox b = boxes.computeIfAbsent(n.name(), this::newBox);
            b.name().setText(n.name());
            b.state().setText(n.inTransition() ? n.reported().id() + " → " + n.assigned().id() : n.reported().id());
            b.where().setText(n.machineOff() ? m.tr("topology.machineOff") : n.hostPort());
            Styles.replace(b.box(), c -> c.startsWith("state-") || c.equals("transition") || c.startsWith("role-") || c.equals("machine-off"),
                    n.styleClass(), "role-" + n.role().name().toLowerCase(Locale.ROOT), n.inTransition() ? "transition" : null,
                    n.machineOff() ? "machine-off" : null);
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
        // a box gets its real size once styled (and again when its text changes): place the picture again
        box.widthProperty().addListener(replace);
        box.heightProperty().addListener(replace);
        content.getChildren().add(box);
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

    /**
     * Where each shape goes: monitor top centre, primary left, the others in a column on the right.
     * The picture is laid out at least as large as its boxes need and scaled down to fit the pane,
     * so a narrow window (or presentation mode's bigger letters) shrinks the diagram rather than
     * cutting boxes off or piling them on each other.
     */
    private void place(boolean animate) {
        double w = pane.getWidth(), h = pane.getHeight();
        if (w <= 0 || h <= 0) return;
        TopologyModel t = topology.get();
        monitor.autosize();
        empty.autosize();
        List<TopologyModel.Node> others = t.nodes().stream().filter(n -> n.role() != NodeRow.Role.PRIMARY).toList();
        boolean twoColumns = t.primary().isPresent();
        double leftW = 0, rightW = 0, rowW = 0, columnH = 0, rowH = 0;
        for (TopologyModel.Node n : t.nodes()) {
            NodeBox b = boxes.get(n.name());
            if (b == null) continue;
            b.box().autosize();
            double bw = b.box().getWidth(), bh = b.box().getHeight();
            if (n.role() == NodeRow.Role.PRIMARY) {
                leftW = Math.max(leftW, bw);
                rowH = Math.max(rowH, bh);
            } else {
                rightW = Math.max(rightW, bw);
                columnH += bh + GAP;
                rowW += bw + GAP;
                rowH = Math.max(rowH, bh);
            }
        }
        double top = monitor.getHeight() + 24;
        double needW = twoColumns ? MARGIN + leftW + ARROW + rightW + MARGIN : Math.max(monitor.getWidth(), rowW) + 2 * MARGIN;
        double needH = top + Math.max(twoColumns ? columnH : rowH + GAP, rowH) + MARGIN;
        double cw = Math.max(w, needW), ch = Math.max(h, needH);
        double scale = Math.min(w / cw, h / ch);
        fit.setX(scale);
        fit.setY(scale);
        content.relocate((w - cw * scale) / 2, 0);
        monitor.relocate((cw - monitor.getWidth()) / 2, 6);
        empty.relocate((cw - empty.getWidth()) / 2, ch / 2);
        double bottom = ch - MARGIN;
        double rowX = (cw - Math.max(0, rowW - GAP)) / 2;
        for (TopologyModel.Node n : t.nodes()) {
            NodeBox b = boxes.get(n.name());
            if (b == null) continue;
            Region box = b.box();
            double bw = box.getWidth(), bh = box.getHeight(), x, y;
            if (n.role() == NodeRow.Role.PRIMARY) {
                x = Math.max(MARGIN, cw * 0.25 - bw / 2);
                y = (top + bottom) / 2 - bh / 2;
            } else if (twoColumns) {
                int i = others.indexOf(n);
                double slot = (bottom - top) / Math.max(1, others.size());
                x = Math.min(cw - MARGIN - bw, Math.max(MARGIN + leftW + ARROW, cw * 0.74 - bw / 2));
                y = top + slot * (i + 0.5) - bh / 2;
            } else { // no primary: one row, side by side in their order, centred
                x = rowX;
                rowX += bw + GAP;
                y = (top + bottom) / 2 - bh / 2;
            }
            boolean placed = box.getProperties().containsKey("placed");
            // a glide under way when the picture changes again (a box grew, the pane shrank) heads for the new place
            Timeline gliding = (Timeline) box.getProperties().remove("glide");
            boolean wasGliding = gliding != null && gliding.getStatus() == Animation.Status.RUNNING;
            if (gliding != null) gliding.stop();
            if ((animate || wasGliding) && placed && (Math.abs(box.getLayoutX() - x) > 1 || Math.abs(box.getLayoutY() - y) > 1)) {
                Timeline move = new Timeline(new KeyFrame(MOVE,
                        new KeyValue(box.layoutXProperty(), x, Interpolator.EASE_BOTH),
                        new KeyValue(box.layoutYProperty(), y, Interpolator.EASE_BOTH)));
                box.getProperties().put("glide", move);
                move.play();
            } else {
                box.relocate(x, y);
            }
            box.getProperties().put("placed", true);
        }
        drawLinks();
    }

    /** Lines follow the boxes as they glide (called on every move): the shapes are re-used, only their ends move. */
    private void drawLinks() {
        TopologyModel t = topology.get();
        monitorLinks.begin();
        edges.begin();
        heads.begin();
        double mx = monitor.getLayoutX() + monitor.getWidth() / 2, my = monitor.getLayoutY() + monitor.getHeight();
        for (TopologyModel.Node n : t.nodes()) {
            NodeBox b = boxes.get(n.name());
            if (b == null) continue;
            Region r = b.box();
            Line l = monitorLinks.take();
            NodePool.setEnds(l, mx, my, r.getLayoutX() + r.getWidth() / 2, r.getLayoutY());
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
            String kind = e.streaming() ? "streaming" : "catching-up";
            Line line = edges.take();
            NodePool.setEnds(line, x1, y1, x2, y2);
            Styles.replace(line, c -> c.equals("streaming") || c.equals("catching-up"), kind);
            double ang = Math.atan2(y2 - y1, x2 - x1), len = 11, spread = 0.45;
            Polygon head = heads.take();
            head.getPoints().setAll(x2, y2,
                    x2 - len * Math.cos(ang - spread), y2 - len * Math.sin(ang - spread),
                    x2 - len * Math.cos(ang + spread), y2 - len * Math.sin(ang + spread));
            Styles.replace(head, c -> c.equals("streaming") || c.equals("catching-up"), kind);
        }
        monitorLinks.end();
        edges.end();
        heads.end();
    }
}
