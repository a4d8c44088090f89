package io.failoverlab.ui;

import io.failoverlab.ui.nodes.NodeRow;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.NodeStatus;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Display-latency benchmark: the time from the watcher's snapshot callback receiving a new
 * cluster state (right after the monitor's NOTIFY and the state query it triggers) to the pulse
 * whose layout shows that state in the table's cells (post-layout pulse listener; the frame is
 * rendered right after it in the same pulse).
 */
final class DisplayLatency {
    private final ConcurrentHashMap<String, Long> received = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, Integer> sources = new ConcurrentHashMap<>();
    private final List<Double> millis = new ArrayList<>();
    private volatile String lastReceived = "";
    private String lastShown = "";

    /** Any thread (LabSession tap). */
    void onSnapshot(ClusterSnapshot s) {
        if (!s.monitorReachable() || s.nodes().isEmpty()) return;
        String key = s.nodes().stream().sorted(Comparator.comparing(NodeStatus::name))
                .map(n -> n.name() + ":" + n.reportedState().id() + "/" + n.assignedState().id()).collect(Collectors.joining(" "));
        if (key.equals(lastReceived)) return;
        lastReceived = key;
        received.put(key, System.nanoTime()); // the latest arrival of this state counts
        sources.merge(Thread.currentThread().getName().replaceAll("-?\\d+$", ""), 1, Integer::sum);
    }

    /** FX thread, after each layout pass: what the table's cells show now. */
    void onPulse(TableView<NodeRow> t) {
        TreeMap<String, String> shown = new TreeMap<>();
        for (Node n : t.lookupAll(".table-row-cell")) {
            if (!(n instanceof TableRow<?> row) || !(row.getItem() instanceof NodeRow r) || row.isEmpty()) continue;
            List<String> states = new ArrayList<>();
            for (Node c : row.lookupAll(".state-cell")) if (c instanceof Labeled l && l.getText() != null) states.add(l.getText());
            if (states.size() != 2) return; // a row half laid out: look again next pulse
            shown.put(r.name(), r.name() + ":" + states.get(0) + "/" + states.get(1));
        }
        String key = String.join(" ", shown.values());
        if (key.isEmpty() || key.equals(lastShown)) return;
        lastShown = key;
        Long t0 = received.remove(key);
        if (t0 == null) return;
        millis.add((System.nanoTime() - t0) / 1e6);
        received.values().removeIf(at -> at < t0); // states received before this one were superseded unseen
    }

    /** FX thread. */
    String summary() {
        if (millis.isEmpty()) return "no state change measured";
        List<Double> s = new ArrayList<>(millis);
        s.sort(Double::compare);
        return String.format(java.util.Locale.ROOT, "%d state changes, median %.1f ms, p90 %.1f ms, max %.1f ms (snapshot threads %s)",
                s.size(), s.get(s.size() / 2), s.get((int) Math.min(s.size() - 1, Math.round(s.size() * 0.9))), s.get(s.size() - 1), sources);
    }

    int count() { return millis.size(); }
}
