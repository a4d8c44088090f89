package io.failoverlab.ui.labs;

import io.failoverlab.ui.app.FxTask;
import io.failoverlab.ui.app.Styles;
import io.failoverlab.ui.session.LabSession;
import io.failoverlab.ui.app.ConfirmText;
import io.failoverlab.ui.app.Messages;
import io.failoverlab.ui.app.WindowIcon;
import io.failoverlab.cloud.GceProvider;
import io.failoverlab.cloud.machines.MachinesProvider;
import io.failoverlab.cloud.Progress;
import io.failoverlab.cloud.Provider;
import io.failoverlab.cloud.Providers;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.LabStore;
import io.failoverlab.lab.LabValidator;
import io.failoverlab.lab.Msg;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * File → Labs…: the stored labs with provider, layout, state, cost per hour, the running total and
 * a reminder badge; open / duplicate / delete a profile; delete a gce lab's VMs and firewall rules
 * (listed first); create or delete a class's worth of labs. gcloud runs on a background thread,
 * with a spinner; the FX thread only shows results.
 */
public final class LabsWindow {
    final LabsContext ctx;
    final Messages m;
    private final Window owner;
    private final Consumer<LabSpec> opener;
    private final ObservableList<LabRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> results = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    final StringProperty status = new SimpleStringProperty("");
    private final ExecutorService background = Executors.newCachedThreadPool(LabSession.daemon("labs-window"));
    private final Stage stage = new Stage();
    private TableView<LabRow> table;
    private final ClassFleet classFleet = new ClassFleet(this);
    /** Rows loaded so far (tests wait for it). */
    private int loads;

    /** opener: switches the console to the chosen lab (null: no Open button). */
    public LabsWindow(LabsContext ctx, Messages m, Window owner, Consumer<LabSpec> opener) {
        this.ctx = ctx;
        this.m = m;
        this.owner = owner;
        this.opener = opener;
    }

    Stage stage() { return stage; }

    ObservableList<LabRow> rows() { return rows; }

    ObservableList<String> results() { return results; }

    BooleanProperty busyProperty() { return busy; }

    int loads() { return loads; }

    public void show() {
        stage.setTitle(m.tr("labs.title"));
        if (owner != null) stage.initOwner(owner);
        Scene scene = new Scene(build(), 1060, 560);
        scene.getStylesheets().add(LabsWindow.class.getResource(Styles.CSS).toExternalForm());
        stage.setScene(scene);
        stage.getIcons().setAll(WindowIcon.images());
        stage.setOnHidden(e -> background.shutdownNow());
        stage.show();
        refresh();
    }

    private Region build() {
        table = new TableView<>(rows);
        table.setId("labs-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label(m.tr("labs.empty")));
        table.getColumns().add(column("labs-col-name", m.tr("labs.col.name"), LabRow::name, 140));
        table.getColumns().add(column("labs-col-provider", m.tr("labs.col.provider"), LabRow::provider, 70));
        table.getColumns().add(column("labs-col-layout", m.tr("labs.col.layout"), LabRow::layout, 70));
        table.getColumns().add(column("labs-col-state", m.tr("labs.col.state"), r -> r.stateText(m), 130));
        table.getColumns().add(column("labs-col-hour", m.tr("labs.col.perHour"), LabRow::perHourText, 80));
        table.getColumns().add(column("labs-col-total", m.tr("labs.col.total"), LabRow::totalText, 80));
        TableColumn<LabRow, LabRow> reminder = new TableColumn<>(m.tr("labs.col.reminder"));
        reminder.setId("labs-col-reminder");
        reminder.setPrefWidth(230);
        reminder.setCellValueFactory(c -> new javafx.beans.property.SimpleObjectProperty<>(c.getValue()));
        reminder.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(LabRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(null);
                setTooltip(null);
                if (empty || r == null || r.reminderText(m).isEmpty()) {
                    setGraphic(null);
                } else {
                    Label badge = new Label(r.reminderText(m));
                    badge.getStyleClass().add("reminder-badge");
                    setGraphic(badge);
                }
                if (r != null && r.state() == LabRow.State.UNKNOWN) setTooltip(new javafx.scene.control.Tooltip(r.cloudState()));
            }
        });
        table.getColumns().add(reminder);
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<LabRow> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && opener != null) open();
            });
            return row;
        });

        var selected = table.getSelectionModel().selectedItemProperty();
        var none = selected.isNull();
        var notCloud = Bindings.createBooleanBinding(() -> selected.get() == null || !selected.get().isCloud(), selected);
        var notProvisioned = Bindings.createBooleanBinding(() -> selected.get() == null || !selected.get().lab().isProvisioned(), selected);
        Button open = button("labs-open", "labs.open", this::open);
        open.disableProperty().bind(none.or(busy));
        open.setVisible(opener != null);
        open.setManaged(opener != null);
        Button duplicate = button("labs-duplicate", "labs.duplicate", this::duplicate);
        duplicate.disableProperty().bind(none.or(busy));
        Button delete = button("labs-delete", "labs.delete", this::deleteProfile);
        delete.disableProperty().bind(none.or(busy));
        Button destroy = button("labs-destroy", "labs.destroy", this::destroy);
        destroy.disableProperty().bind(notProvisioned.or(busy));
        destroy.getStyleClass().add("danger");
        Button fleet = button("labs-fleet-create", "labs.fleet.create", classFleet::create);
        fleet.disableProperty().bind(notCloud.or(busy));
        Button fleetDelete = button("labs-fleet-delete", "labs.fleet.delete", classFleet::delete);
        fleetDelete.disableProperty().bind(busy);
        Button refresh = button("labs-refresh", "labs.refresh", this::refresh);
        refresh.disableProperty().bind(busy);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("labs-progress");
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(busy);
        Label statusLabel = new Label();
        statusLabel.setId("labs-status");
        statusLabel.textProperty().bind(status);
        statusLabel.setWrapText(true);
        HBox.setHgrow(statusLabel, Priority.ALWAYS);
        statusLabel.setMaxWidth(Double.MAX_VALUE);

        HBox buttons = new HBox(8, open, duplicate, delete, destroy, new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL),
                fleet, fleetDelete, new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL), refresh);
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox statusLine = new HBox(8, spinner, statusLabel);
        statusLine.setAlignment(Pos.CENTER_LEFT);

        ListView<String> resultList = new ListView<>(results);
        resultList.setId("labs-results");
        resultList.setPrefHeight(110);
        resultList.setPlaceholder(new Label(m.tr("labs.results.empty")));
        Label resultsTitle = new Label(m.tr("labs.results"));
        resultsTitle.getStyleClass().add("section-title");

        VBox bottom = new VBox(8, buttons, statusLine, resultsTitle, resultList);
        Label note = new Label(m.tr("labs.priceNote", io.failoverlab.cloud.PriceTable.DATE, io.failoverlab.cloud.PriceTable.REGION));
        note.getStyleClass().add("labs-note");
        BorderPane root = new BorderPane(table);
        root.setTop(note);
        BorderPane.setMargin(note, new Insets(0, 0, 6, 0));
        root.setBottom(bottom);
        BorderPane.setMargin(bottom, new Insets(8, 0, 0, 0));
        root.setPadding(new Insets(10));
        root.setId("labs-root");
        root.getStyleClass().addAll("console", "labs-window");
        return root;
    }

    private static TableColumn<LabRow, String> column(String id, String title, Function<LabRow, String> text, double width) {
        TableColumn<LabRow, String> c = new TableColumn<>(title);
        c.setId(id);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new SimpleStringProperty(text.apply(d.getValue())));
        return c;
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(m.tr(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    // --- background work ----------------------------------------------------------------------

    /** Runs work off the FX thread with the spinner on; done (or the error's sentence) back on the FX thread. */
    <T> void background(String what, Callable<T> work, Consumer<T> done) {
        busy.set(true);
        status.set(what);
        FxTask.of(work).onSuccess(r -> {
            busy.set(false);
            status.set("");
            done.accept(r); // may start the next background step, so busy is cleared before
        }).onError(e -> {
            busy.set(false);
            status.set(m.tr("labs.failed", Objects.requireNonNullElse(e.getMessage(), e.toString())));
        }).start(background);
    }

    private void progress(double f, String text) {
        Platform.runLater(() -> status.set(f >= 0 ? String.format(Locale.ROOT, "%3.0f%% %s", f * 100, text) : text));
    }

    void refresh() {
        String selectedName = Optional.ofNullable(table.getSelectionModel().getSelectedItem()).map(LabRow::name).orElse(null);
        background(m.tr("labs.loading"), () -> LabRows.load(ctx), loaded -> {
            rows.setAll(loaded);
            loads++;
            if (selectedName != null) {
                for (LabRow r : rows) if (r.name().equals(selectedName)) table.getSelectionModel().select(r);
            }
        });
    }

    LabRow selected() { return table.getSelectionModel().getSelectedItem(); }

    LabStore store() { return ctx.store(); }

    // --- profile actions (local files: quick) -------------------------------------------------

    private void open() {
        LabRow r = selected();
        if (r == null || opener == null) return;
        if (r.lab().isProvisioned() && r.lab().hosts.isEmpty()) {
            provisionThenOpen(r.lab());
            return;
        }
        openLab(r);
    }

    /**
     * A gce lab without VMs: one click creates them (the provider's single create call, firewall,
     * host keys, SSH wait), saves the hosts into the profile and opens the lab, whose Build lab
     * then installs and creates the cluster.
     */
    private void provisionThenOpen(LabSpec lab) {
        String kind = lab.runsOnMachines() ? "labs.provision.machines" : "labs.provision";
        if (!confirm(m.tr(kind + ".title", lab.name), m.tr(kind + ".text", lab.name))) return;
        background(m.tr(kind + ".working", lab.name), () -> {
            String summary = Providers.forLab(lab, ctx.options()).provision(lab,
                    Progress.ofMessages((t, f) -> Platform.runLater(() -> status.set(String.format(Locale.ROOT, "%s %3.0f%%  %s", lab.name,
                            Math.max(0, f) * 100, m.msg(t))))))
                    .summary();
            store().save(lab);
            return summary;
        }, summary -> {
            results.add(0, m.tr("labs.provisioned", lab.name, summary));
            openLab(new LabRow(lab, LabRow.State.CLOUD, null, Double.NaN, Double.NaN, false));
        });
    }

    private void openLab(LabRow r) {
        List<Msg> p = LabValidator.messages(r.lab());
        if (!p.isEmpty()) {
            status.set(m.tr("labs.cannotOpen", r.name(), m.msg(LabValidator.sentences(p))));
            return;
        }
        try {
            opener.accept(r.lab());
        } catch (LabException e) {
            status.set(m.tr("labs.cannotOpen", r.name(), m.error(e)));
            return;
        }
        stage.close();
    }

    private void duplicate() {
        LabRow r = selected();
        if (r == null) return;
        TextInputDialog d = new TextInputDialog(r.name() + "-copy");
        d.initOwner(stage);
        d.setTitle(m.tr("labs.duplicate.title"));
        d.setHeaderText(m.tr("labs.duplicate.text", r.name()));
        d.getEditor().setId("labs-duplicate-name");
        d.showAndWait().map(String::trim).filter(s -> !s.isEmpty()).ifPresent(name -> {
            try {
                store().duplicate(r.name(), name);
                results.add(0, m.tr("labs.duplicated", r.name(), name));
                refresh();
            } catch (LabException e) {
                status.set(e.getMessage());
            }
        });
    }

    private void deleteProfile() {
        LabRow r = selected();
        if (r == null) return;
        String text = m.tr("labs.delete.text", r.name()) + (r.isCloud() && r.state() == LabRow.State.CLOUD ? "\n\n" + m.tr("labs.delete.vmsStay") : "");
        if (!confirm(m.tr("labs.delete.title"), text)) return;
        try {
            store().delete(r.name());
            results.add(0, m.tr("labs.deleted", r.name()));
        } catch (LabException e) {
            status.set(e.getMessage());
        }
        refresh();
    }

    // --- cloud actions (gcloud: background) ---------------------------------------------------

    /**
     * `down --destroy`: lists what the provider made for the lab (VMs under its label, or its
     * machines, namespaces and bridge), asks, then deletes exactly that. A machines lab then offers
     * to delete the cached Debian images too (they are kept for the next lab otherwise).
     */
    private void destroy() {
        LabRow r = selected();
        if (r == null || !r.lab().isProvisioned()) return;
        LabSpec lab = r.lab();
        Provider provider = Providers.forLab(lab, ctx.options());
        background(m.tr("labs.destroy.listing", lab.name), () -> provider.resources(lab), what -> {
            String list = what.isEmpty() ? m.tr("labs.destroy.nothing") : "• " + String.join("\n• ", what);
            String text = lab.runsOnMachines() ? m.tr("labs.destroy.machines.text", lab.name) : m.tr("labs.destroy.text", lab.name, lab.labId());
            String kind = lab.runsOnMachines() ? "labs.destroy.machines" : "labs.destroy";
            if (!confirm(m.tr(kind + ".title", lab.name), text + "\n\n" + list)) return;
            background(m.tr(kind + ".running", lab.name), () -> {
                List<String> gone = provider.destroy(lab, this::progress);
                store().save(lab); // its hosts are gone with the machines
                return gone;
            }, gone -> {
                results.add(0, m.tr("labs.destroy.done", lab.name, gone.size()));
                refresh();
                if (lab.runsOnMachines()) offerToDeleteImages(lab);
            });
        });
    }

    /** The cached Debian image of a destroyed machines lab: kept unless the user says to delete it. */
    private void offerToDeleteImages(LabSpec lab) {
        io.failoverlab.lab.MachinesSettings s = MachinesProvider.settings(lab);
        io.failoverlab.cloud.machines.DebianImage images = MachinesProvider.images(s);
        if (s.release() == null || !images.cached(s.release())) return;
        String where = images.dir(s.release()).toString();
        if (!confirm(m.tr("labs.images.title"), m.tr("labs.images.text", s.debian, s.release().codename(), where))) return;
        background(m.tr("labs.images.deleting", where), () -> images.delete(s.release()),
                deleted -> results.add(0, m.tr("labs.images.deleted", s.debian, where)));
    }

    GceProvider gce(LabSpec lab) {
        Provider p = Providers.forLab(lab, ctx.options());
        if (!(p instanceof GceProvider g)) throw new LabException("Lab '" + lab.name + "' is not a gce lab.");
        return g;
    }

    boolean confirm(String title, String text) { return ConfirmText.ask(stage, title, text); }
}
