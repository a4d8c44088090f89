package io.failoverlab.ui.labs;

import io.failoverlab.cloud.Fleet;
import io.failoverlab.cloud.Providers;
import io.failoverlab.lab.LabSpec;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.GridPane;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The labs window's class tools: create a class's worth of cloud labs cloned from the selected
 * one (count + name prefix), or delete every lab with a prefix, in parallel with one result
 * line per lab and its progress.
 */
final class ClassFleet {
    private final LabsWindow w;

    ClassFleet(LabsWindow w) { this.w = w; }

    /** A dialog for count + prefix; then Fleet in parallel, one result line per lab with its progress. */
    void create() {
        LabRow r = w.selected();
        if (r == null || !r.isCloud()) return;
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(w.stage());
        d.setTitle(w.m.tr("labs.fleet.create.title"));
        d.setHeaderText(w.m.tr("labs.fleet.create.text", r.name()));
        Spinner<Integer> count = new Spinner<>(1, 60, 3);
        count.setId("fleet-count");
        count.setEditable(true);
        TextField prefix = new TextField("student");
        prefix.setId("fleet-prefix");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label(w.m.tr("labs.fleet.count")), count);
        g.addRow(1, new Label(w.m.tr("labs.fleet.prefix")), prefix);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        if (d.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) return;
        String p = prefix.getText().trim();
        int n = count.getValue();
        if (p.isEmpty()) {
            w.status.set(w.m.tr("labs.fleet.noPrefix"));
            return;
        }
        List<LabSpec> labs = Fleet.clones(r.lab(), p, n);
        for (LabSpec l : labs) {
            if (w.store().exists(l.name)) {
                w.status.set(w.m.tr("labs.fleet.exists", l.name));
                return;
            }
        }
        double perHour = io.failoverlab.cloud.CostEstimate.of(r.lab().gce,
                r.lab().gce.layout == io.failoverlab.lab.Layout.SINGLE ? 1 : r.lab().instances().size()).perHour() * n;
        if (!w.confirm(w.m.tr("labs.fleet.create.title"), w.m.tr("labs.fleet.create.confirm", n, p + "-1", p + "-" + n,
                io.failoverlab.cloud.CostEstimate.usd(perHour)))) return;
        run(labs, w.m.tr("labs.fleet.creating", n), lab -> {
            String s = Providers.forLab(lab, w.ctx.options()).provision(lab, fleetProgress(lab)).summary();
            w.store().save(lab);
            return s;
        });
    }

    void delete() {
        TextInputDialog d = new TextInputDialog(Optional.ofNullable(w.selected()).map(r -> r.name().replaceFirst("-\\d+$", "")).orElse(""));
        d.initOwner(w.stage());
        d.setTitle(w.m.tr("labs.fleet.delete.title"));
        d.setHeaderText(w.m.tr("labs.fleet.delete.text"));
        Optional<String> prefix = d.showAndWait().map(String::trim).filter(s -> !s.isEmpty());
        if (prefix.isEmpty()) return;
        List<LabSpec> labs = new ArrayList<>();
        for (LabRow r : w.rows()) if (r.isCloud() && r.name().startsWith(prefix.get() + "-")) labs.add(r.lab());
        if (labs.isEmpty()) {
            w.status.set(w.m.tr("labs.fleet.none", prefix.get()));
            return;
        }
        if (!w.confirm(w.m.tr("labs.fleet.delete.title"), w.m.tr("labs.fleet.delete.confirm", labs.size(),
                String.join(", ", labs.stream().map(l -> l.name).toList())))) return;
        run(labs, w.m.tr("labs.fleet.deleting", labs.size()), lab -> {
            List<String> gone = w.gce(lab).destroy(lab, fleetProgress(lab));
            w.store().delete(lab.name);
            return w.m.tr("labs.fleet.deletedOne", gone.size());
        });
    }

    private final java.util.Map<String, Integer> fleetLine = new java.util.concurrent.ConcurrentHashMap<>();

    private io.failoverlab.cloud.Progress fleetProgress(LabSpec lab) {
        return io.failoverlab.cloud.Progress.ofMessages((t, f) -> Platform.runLater(() -> {
            Integer i = fleetLine.get(lab.name);
            if (i != null && i < w.results().size()) {
                w.results().set(i, String.format(Locale.ROOT, "… %-16s %3.0f%%  %s", lab.name, Math.max(0, f) * 100, w.m.msg(t)));
            }
        }));
    }

    private void run(List<LabSpec> labs, String what, Fleet.Action action) {
        w.results().clear();
        fleetLine.clear();
        for (int i = 0; i < labs.size(); i++) {
            fleetLine.put(labs.get(i).name, i);
            w.results().add("… " + labs.get(i).name);
        }
        w.background(what, () -> Fleet.run(labs, true, action), report -> {
            fleetLine.clear();
            w.results().clear();
            for (Fleet.Outcome o : report.outcomes()) {
                w.results().add(String.format(Locale.ROOT, "%s %-16s %6.1f s  %s", o.ok() ? "✔" : "✘", o.lab(), o.seconds(), o.message()));
            }
            w.results().add(w.m.tr("labs.fleet.summary", report.outcomes().size() - report.failed(), report.failed(),
                    String.format(Locale.ROOT, "%.1f", report.wall().toMillis() / 1000.0)));
            w.refresh();
        });
    }
}
