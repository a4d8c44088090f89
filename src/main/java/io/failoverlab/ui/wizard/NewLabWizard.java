package io.failoverlab.ui.wizard;

import io.failoverlab.ui.app.Styles;
import io.failoverlab.ui.app.Messages;
import io.failoverlab.ui.app.WindowIcon;
import io.failoverlab.cloud.CostEstimate;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.LabStore;
import io.failoverlab.lab.MachinesSettings;
import io.failoverlab.lab.PackageSource;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;
import java.util.List;
import java.util.function.Consumer;

import static io.failoverlab.ui.wizard.FormFields.choice;
import static io.failoverlab.ui.wizard.FormFields.grid;
import static io.failoverlab.ui.wizard.FormFields.note;
import static io.failoverlab.ui.wizard.FormFields.number;
import static io.failoverlab.ui.wizard.FormFields.text;

/**
 * File → New lab…: provider cards → machines → versions → summary (the JSON profile that will be
 * saved, the cost per hour of a gce lab) → Save. Problems are shown on the summary page, one
 * sentence each; nothing is saved until there are none. Saving writes one local file.
 */
public final class NewLabWizard {
    static final int PROVIDER = 0, MACHINES = 1, VERSIONS = 2, SUMMARY = 3;

    private final NewLabForm form = new NewLabForm();
    private final LabStore store;
    private final Messages m;
    private final Window owner;
    private final Consumer<LabSpec> saved;
    private final Stage stage = new Stage();
    private final BorderPane root = new BorderPane();
    private final Label pageTitle = new Label();
    private final VBox errors = new VBox(4);
    private Button back;
    private Button next;
    private Button save;
    private int page;

    public NewLabWizard(LabStore store, Messages m, Window owner, Consumer<LabSpec> saved) {
        this.store = store;
        this.m = m;
        this.owner = owner;
        this.saved = saved;
    }

    NewLabForm form() { return form; }

    Stage stage() { return stage; }

    int page() { return page; }

    public void show() {
        stage.setTitle(m.tr("wizard.title"));
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        back = new Button(m.tr("wizard.back"));
        back.setId("wizard-back");
        back.setOnAction(e -> go(page - 1));
        next = new Button(m.tr("wizard.next"));
        next.setId("wizard-next");
        next.setDefaultButton(true);
        next.setOnAction(e -> go(page + 1));
        save = new Button(m.tr("wizard.save"));
        save.setId("wizard-save");
        save.setOnAction(e -> save());
        Button cancel = new Button(m.tr("wizard.cancel"));
        cancel.setId("wizard-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, cancel, gap, back, next, save);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        pageTitle.getStyleClass().add("wizard-title");
        pageTitle.setId("wizard-page-title");
        root.setTop(pageTitle);
        BorderPane.setMargin(pageTitle, new Insets(0, 0, 10, 0));
        root.setBottom(buttons);
        BorderPane.setMargin(buttons, new Insets(10, 0, 0, 0));
        root.setPadding(new Insets(14));
        root.setId("wizard-root");
        root.getStyleClass().addAll("console", "wizard");
        Scene scene = new Scene(root, 760, 560);
        scene.getStylesheets().add(NewLabWizard.class.getResource(Styles.CSS).toExternalForm());
        stage.setScene(scene);
        stage.getIcons().setAll(WindowIcon.images());
        go(PROVIDER);
        stage.show();
    }

    /** Shows page i (pages are rebuilt from the form, so going back keeps what was typed). */
    void go(int i) {
        page = Math.max(PROVIDER, Math.min(SUMMARY, i));
        pageTitle.setText(m.tr("wizard.step", page + 1, 4, m.tr("wizard.page." + pageKey())));
        Node content = switch (page) {
            case PROVIDER -> providerPage();
            case MACHINES -> machinesPage();
            case VERSIONS -> versionsPage();
            default -> summaryPage();
        };
        root.setCenter(content);
        back.setDisable(page == PROVIDER);
        next.setDisable(page == SUMMARY);
        save.setDisable(page != SUMMARY);
        save.setDefaultButton(page == SUMMARY);
        next.setDefaultButton(page != SUMMARY);
    }

    private String pageKey() {
        return switch (page) {
            case PROVIDER -> "provider";
            case MACHINES -> "machines";
            case VERSIONS -> "versions";
            default -> "summary";
        };
    }

    /** Saves when the form has no problem; otherwise shows them on the summary page. Returns whether it saved. */
    boolean save() {
        if (page != SUMMARY) go(SUMMARY);
        List<String> p = form.problems(store, m);
        showErrors(p);
        if (!p.isEmpty()) return false;
        LabSpec lab = form.build();
        try {
            store.save(lab);
        } catch (LabException | java.io.UncheckedIOException e) {
            showErrors(List.of(e.getMessage()));
            return false;
        }
        stage.close();
        if (saved != null) saved.accept(lab);
        return true;
    }

    List<String> shownErrors() {
        return errors.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    private void showErrors(List<String> p) {
        errors.getChildren().clear();
        for (String s : p) {
            Label l = new Label("✘ " + s);
            l.setWrapText(true);
            l.getStyleClass().add("wizard-error");
            errors.getChildren().add(l);
        }
    }

    // --- pages ---------------------------------------------------------------------------------

    private Node providerPage() {
        TextField name = text("wizard-name", form.name, v -> form.name = v);
        name.setPromptText(m.tr("wizard.name.prompt"));
        HBox nameRow = new HBox(8, new Label(m.tr("wizard.name")), name);
        nameRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(name, Priority.ALWAYS);
        ToggleGroup g = new ToggleGroup();
        GridPane cards = new GridPane(); // two by two: four cards fit the 760 px wizard
        cards.setHgap(12);
        cards.setVgap(12);
        int at = 0;
        for (String p : NewLabForm.PROVIDERS) {
            Label title = new Label(m.tr("wizard.provider." + p));
            title.getStyleClass().add("card-title");
            title.setWrapText(true);
            Label text = new Label(m.tr("wizard.provider." + p + ".text"));
            text.setWrapText(true);
            VBox body = new VBox(6, title, text);
            body.setAlignment(Pos.TOP_LEFT);
            ToggleButton card = new ToggleButton();
            card.setGraphic(body);
            card.setId("wizard-card-" + p);
            card.getStyleClass().add("provider-card");
            card.setToggleGroup(g);
            card.setPrefSize(350, 130);
            card.setAlignment(Pos.TOP_LEFT);
            card.setSelected(p.equals(form.provider));
            card.setOnAction(e -> {
                if (!card.isSelected()) card.setSelected(true); // a card stays chosen
                form.provider = p;
            });
            cards.add(card, at % 2, at / 2);
            at++;
        }
        VBox page = new VBox(14, nameRow, new Label(m.tr("wizard.provider.choose")), cards);
        return page;
    }

    private Node machinesPage() {
        GridPane g = grid();
        int r = 0;
        switch (form.provider) {
            case "hosts" -> {
                CheckBox perRole = new CheckBox(m.tr("wizard.hosts.perRole"));
                perRole.setId("wizard-hosts-per-role");
                perRole.setSelected(form.hostPerRole);
                perRole.setOnAction(e -> {
                    form.hostPerRole = perRole.isSelected();
                    go(MACHINES);
                });
                g.add(perRole, 0, r++, 5, 1);
                g.addRow(r++, new Label(""), header("wizard.hosts.address"), header("wizard.hosts.sshPort"),
                        header("wizard.hosts.user"), header("wizard.hosts.key"));
                int n = form.hostPerRole ? NewLabForm.ROLES.size() : 1;
                for (int i = 0; i < n; i++) {
                    NewLabForm.Host h = form.hosts.get(i);
                    String id = form.hostPerRole ? NewLabForm.ROLES.get(i) : "host";
                    TextField address = text("wizard-host-" + id + "-address", h.address, v -> h.address = v);
                    address.setPromptText("203.0.113.10");
                    TextField port = number("wizard-host-" + id + "-port", h.sshPort, v -> h.sshPort = v);
                    port.setPrefColumnCount(5);
                    TextField user = text("wizard-host-" + id + "-user", h.user, v -> h.user = v);
                    user.setPromptText("student");
                    TextField key = text("wizard-host-" + id + "-key", h.keyFile, v -> h.keyFile = v);
                    key.setPromptText("~/.ssh/id_ed25519");
                    Button browse = new Button("…");
                    browse.setOnAction(e -> {
                        FileChooser fc = new FileChooser();
                        fc.setTitle(m.tr("wizard.hosts.key"));
                        File f = fc.showOpenDialog(stage);
                        if (f != null) key.setText(f.getAbsolutePath());
                    });
                    HBox keyBox = new HBox(4, key, browse);
                    HBox.setHgrow(key, Priority.ALWAYS);
                    g.addRow(r++, new Label(form.hostPerRole ? id : m.tr("wizard.hosts.all")), address, port, user, keyBox);
                }
                g.add(note(m.tr("wizard.hosts.note")), 0, r++, 5, 1);
                r = ports(g, r);
            }
            case "gce" -> r = ProviderFields.gce(g, r, form.gce, m);
            case "machines" -> r = ProviderFields.machines(g, r, form.machines, m);
            default -> {
                r = ports(g, r);
            }
        }
        return g;
    }

    /** Ports of the three instances and the data folder (the local machine's, or each host's). */
    private int ports(GridPane g, int r) {
        HBox ports = new HBox(6,
                number("wizard-port-monitor", form.monitorPort, v -> form.monitorPort = v),
                number("wizard-port-node1", form.node1Port, v -> form.node1Port = v),
                number("wizard-port-node2", form.node2Port, v -> form.node2Port = v));
        g.add(new Label(m.tr("wizard.ports")), 0, r);
        g.add(ports, 1, r++, 4, 1);
        TextField dir = text("wizard-data-dir", form.dataDir, v -> form.dataDir = v);
        g.add(new Label(m.tr("wizard.dataDir")), 0, r);
        g.add(dir, 1, r++, 4, 1);
        return r;
    }

    private Node versionsPage() {
        GridPane g = grid();
        if ("machines".equals(form.provider)) return machinesVersions(g);
        ChoiceBox<Integer> major = new ChoiceBox<>();
        major.getItems().setAll(NewLabForm.POSTGRES_MAJORS);
        major.setValue(form.postgresMajor);
        major.setId("wizard-pg-major");
        major.valueProperty().addListener((o, a, b) -> form.postgresMajor = b);
        ChoiceBox<PackageSource> source = choice("wizard-source", List.of(PackageSource.values()), form.packageSource,
                p -> m.tr("wizard.source." + p.id()), v -> form.packageSource = v);
        ChoiceBox<String> timing = timingChoice();
        g.addRow(0, new Label(m.tr("wizard.pgMajor")), major);
        g.addRow(1, new Label(m.tr("wizard.source")), source);
        g.addRow(2, new Label(m.tr("wizard.timing")), timing);
        g.add(note(m.tr("wizard.versions.note")), 0, 3, 2, 1);
        return g;
    }

    /** A machines lab installs what its Debian release carries: nothing to choose but the timing. */
    private Node machinesVersions(GridPane g) {
        MachinesSettings.Release rel = form.machines.release();
        Label fixed = new Label(rel == null ? "" : m.tr("wizard.machines.versions", form.machines.debian, rel.postgresMajor(), rel.pgafVersion()));
        fixed.setId("wizard-machines-versions");
        fixed.setWrapText(true);
        g.add(fixed, 0, 0, 2, 1);
        g.addRow(1, new Label(m.tr("wizard.timing")), timingChoice());
        return g;
    }

    private ChoiceBox<String> timingChoice() {
        ChoiceBox<String> timing = new ChoiceBox<>();
        timing.getItems().setAll(NewLabForm.TIMING_PROFILES);
        timing.setValue(form.timingProfile);
        timing.setId("wizard-timing");
        timing.valueProperty().addListener((o, a, b) -> form.timingProfile = b);
        return timing;
    }

    private Node summaryPage() {
        TextArea json = new TextArea(form.json());
        json.setEditable(false);
        json.setId("wizard-json");
        json.getStyleClass().add("conn-text");
        VBox.setVgrow(json, Priority.ALWAYS);
        VBox page = new VBox(8);
        Label where = new Label(m.tr("wizard.summary.where", store.file(form.build().name.isEmpty() ? "lab" : form.build().name).getFileName()));
        page.getChildren().add(where);
        CostEstimate c = form.cost();
        if (c != null) {
            Label cost = new Label(m.tr("wizard.summary.cost", CostEstimate.usd(c.perHour()), c.note()));
            cost.setId("wizard-cost");
            cost.getStyleClass().add("wizard-cost");
            cost.setWrapText(true);
            page.getChildren().add(cost);
        }
        page.getChildren().addAll(json, errors);
        showErrors(form.problems(store, m));
        return page;
    }

    // --- small controls ---------------------------------------------------------------------------

    private Label header(String key) {
        Label l = new Label(m.tr(key));
        l.getStyleClass().add("section-title");
        return l;
    }
}
