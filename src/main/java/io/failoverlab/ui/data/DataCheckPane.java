package io.failoverlab.ui.data;

import io.failoverlab.ui.app.Messages;
import io.failoverlab.ui.app.Styles;
import io.failoverlab.check.ProbeStats;
import io.failoverlab.check.ProbeVerification;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The data-check tab: one click runs the lab's ha_test check (on the runner, like every
 * action), a grid per node (count, max(ser_id), read-only?, what the trial INSERT did — a
 * standby's read-only refusal shown as the expected result), and the write probe: a toggle,
 * live counters while it writes, and on stop the verify that no acknowledged write was lost.
 */
public final class DataCheckPane {
    private final DataCheckInputs in;
    private final Messages m;

    public DataCheckPane(DataCheckInputs in, Messages m) {
        this.in = in;
        this.m = m;
    }

    public Region build() {
        Button run = new Button(m.tr("datacheck.run", String.format(m.locale(), "%,d", DataCheckInputs.ROWS)));
        run.setId("datacheck-run");
        run.setMnemonicParsing(false); // "ha_test": the underscore is text, not a mnemonic
        if (in.runCheck() == null) run.setDisable(true);
        else run.disableProperty().bind(in.busy());
        run.setOnAction(e -> in.runCheck().run());
        Label summary = new Label();
        summary.setId("datacheck-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> in.summaryMsg().get() != null
                ? m.msg(in.summaryMsg().get()) : in.summary().get(), in.summary(), in.summaryMsg()));
        HBox head = new HBox(10, run, summary);
        head.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(summary, Priority.ALWAYS);

        TableView<DataCheckRow> grid = new TableView<>(in.rows());
        grid.setId("datacheck-grid");
        grid.getStyleClass().add("datacheck-grid");
        grid.setPlaceholder(new Label(m.tr("datacheck.empty")));
        grid.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        grid.getColumns().add(col("datacheck.col.node", DataCheckRow::node, 90));
        grid.getColumns().add(col("datacheck.col.role", r -> r.role().isEmpty() ? "" : m.tr("datacheck.role." + r.role()), 90));
        grid.getColumns().add(col("datacheck.col.count", DataCheckRow::countText, 110));
        grid.getColumns().add(col("datacheck.col.max", DataCheckRow::maxText, 110));
        grid.getColumns().add(col("datacheck.col.readOnly", r -> r.readOnly() == null ? "—" : m.tr(r.readOnly() ? "yes" : "no"), 90));
        TableColumn<DataCheckRow, DataCheckRow> write = new TableColumn<>(m.tr("datacheck.col.write"));
        write.setPrefWidth(420);
        write.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        write.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(DataCheckRow r, boolean empty) {
                super.updateItem(r, empty);
                setTooltip(null);
                Styles.replace(this, s -> s.startsWith("dc-"), empty || r == null ? null : r.writeStyleClass());
                if (empty || r == null) {
                    setText(null);
                    return;
                }
                setText(writeText(r));
                if (!r.writeMessage().isEmpty() || !r.error().isEmpty()) setTooltip(new Tooltip(r.error().isEmpty() ? r.writeMessage() : r.error()));
            }
        });
        grid.getColumns().add(write);
        grid.setPrefHeight(120);

        VBox box = new VBox(8, head, grid, probe());
        box.setPadding(new Insets(8));
        VBox.setVgrow(grid, Priority.ALWAYS);
        box.setId("datacheck-pane");
        return box;
    }

    public String writeText(DataCheckRow r) {
        return switch (r.write()) {
            case ACCEPTED -> m.tr("datacheck.write.accepted");
            case REFUSED_AS_EXPECTED -> m.tr("datacheck.write.expected", r.writeMessage());
            case FAILED -> m.tr("datacheck.write.failed", r.writeMessage());
            case NOT_TRIED -> r.reachable() ? m.tr("datacheck.write.notTried") : m.tr("datacheck.unreachable", r.error());
        };
    }

    private Region probe() {
        ProbeModel p = in.probe();
        ToggleButton toggle = new ToggleButton(m.tr("probe.toggle"));
        toggle.setId("probe-toggle");
        toggle.setSelected(p.running());
        toggle.setOnAction(e -> {
            if (toggle.isSelected()) p.start(in.lastSnapshot().get());
            else p.stop();
        });
        toggle.disableProperty().bind(Bindings.createBooleanBinding(() -> p.phaseProperty().get() == ProbeModel.Phase.VERIFYING
                || p.phaseProperty().get() == ProbeModel.Phase.STARTING, p.phaseProperty()));
        p.phaseProperty().addListener((o, a, b) -> toggle.setSelected(b == ProbeModel.Phase.RUNNING || b == ProbeModel.Phase.STARTING));
        Label hint = new Label(m.tr("probe.hint"));
        hint.getStyleClass().add("step-detail");
        hint.setWrapText(true);
        HBox head = new HBox(10, toggle, hint);
        head.setAlignment(Pos.CENTER_LEFT);

        GridPane counters = new GridPane();
        counters.setHgap(18);
        counters.setVgap(2);
        counters.setId("probe-counters");
        String[] keys = {"probe.acknowledged", "probe.failed", "probe.inDoubt", "probe.currentGap", "probe.longestGap", "probe.server"};
        Label[] values = new Label[keys.length];
        for (int i = 0; i < keys.length; i++) {
            Label k = new Label(m.tr(keys[i]));
            k.getStyleClass().add("probe-key");
            values[i] = new Label("—");
            values[i].getStyleClass().add("probe-value");
            values[i].setId("probe-" + keys[i].substring(6));
            counters.add(k, i, 0);
            counters.add(values[i], i, 1);
        }
        Label verify = new Label();
        verify.setId("probe-verify");
        verify.setWrapText(true);
        Runnable show = () -> {
            ProbeStats s = p.statsProperty().get();
            if (s != null) {
                values[0].setText(String.format(m.locale(), "%,d", s.acknowledged()));
                values[1].setText(String.format(m.locale(), "%,d", s.failed()));
                values[2].setText(String.format(m.locale(), "%,d", s.inDoubt()));
                values[3].setText(secs(s.currentGap()));
                values[4].setText(secs(s.longestGap()));
                values[5].setText(s.server() == null ? "—" : s.server());
            }
            verify.setText(verifyText(p));
            ProbeModel.Phase phase = p.phaseProperty().get();
            Styles.replace(verify, c -> c.startsWith("result-"), phase == ProbeModel.Phase.FAILED ? "result-failed"
                    : phase != ProbeModel.Phase.VERIFIED ? null : p.verificationProperty().get().noneLost() ? "result-ok" : "result-failed");
        };
        p.statsProperty().addListener((o, a, b) -> show.run());
        p.phaseProperty().addListener((o, a, b) -> show.run());
        show.run();
        Timeline tick = new Timeline(new KeyFrame(Duration.millis(250), e -> p.refresh()));
        tick.setCycleCount(Timeline.INDEFINITE);
        counters.sceneProperty().addListener((o, a, s) -> {
            if (s == null) tick.stop();
            else tick.play();
        });
        VBox v = new VBox(6, head, counters, verify);
        v.getStyleClass().add("probe-box");
        return v;
    }

    private String secs(java.time.Duration d) {
        return m.tr("timeline.seconds", String.format(m.locale(), "%.1f", d.toMillis() / 1000.0));
    }

    private String verifyText(ProbeModel p) {
        return switch (p.phaseProperty().get()) {
            case OFF -> "";
            case STARTING -> m.tr("probe.starting");
            case RUNNING -> m.tr("probe.running");
            case VERIFYING -> m.tr("probe.verifying");
            case FAILED -> m.tr("probe.error", p.errorProperty().get());
            case VERIFIED -> {
                ProbeVerification v = p.verificationProperty().get();
                long lost = v.nodes().stream().filter(ProbeVerification.NodeCheck::reachable).mapToLong(ProbeVerification.NodeCheck::lost).max().orElse(0);
                String per = v.nodes().stream().map(n -> n.node().name() + ": " + (n.reachable() ? m.tr("probe.lostOn", n.lost())
                        : m.tr("probe.unreachable"))).collect(Collectors.joining(", "));
                yield m.tr(v.noneLost() ? "probe.verified" : "probe.lost", v.acknowledged(), lost, v.inDoubt(), per);
            }
        };
    }

    private <T> TableColumn<DataCheckRow, String> col(String key, Function<DataCheckRow, String> value, double w) {
        TableColumn<DataCheckRow, String> c = new TableColumn<>(m.tr(key));
        c.setPrefWidth(w);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setId(key.replace('.', '-'));
        return c;
    }

    static String lower(Enum<?> e) { return e.name().toLowerCase(Locale.ROOT); }
}
