package io.failoverlab.ui.wizard;

import io.failoverlab.cloud.machines.Preflight;
import io.failoverlab.lab.GceSettings;
import io.failoverlab.lab.Layout;
import io.failoverlab.lab.MachinesSettings;
import io.failoverlab.ui.app.Messages;
import io.failoverlab.ui.labs.LabRow;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

import java.util.List;

import static io.failoverlab.ui.wizard.FormFields.choice;
import static io.failoverlab.ui.wizard.FormFields.note;
import static io.failoverlab.ui.wizard.FormFields.text;

/** The machines page's fields for a gce lab and for a machines lab (rows from r on; returns the next row). */
final class ProviderFields {
    private ProviderFields() { }

    /** Project, zone, machine type, image, layout and the cost reminder of a gce lab. */
    static int gce(GridPane g, int r, GceSettings s, Messages m) {
        TextField project = text("wizard-gce-project", s.project == null ? "" : s.project, v -> s.project = v);
        project.setPromptText(m.tr("wizard.gce.project.prompt"));
        g.addRow(r++, new Label(m.tr("wizard.gce.project")), project);
        TextField zone = text("wizard-gce-zone", s.zone, v -> s.zone = v);
        g.addRow(r++, new Label(m.tr("wizard.gce.zone")), zone);
        ComboBox<String> type = new ComboBox<>();
        type.getItems().setAll(NewLabForm.MACHINE_TYPES);
        type.setEditable(true);
        type.setValue(s.machineType);
        type.setId("wizard-gce-type");
        type.valueProperty().addListener((o, a, b) -> s.machineType = b);
        type.getEditor().textProperty().addListener((o, a, b) -> s.machineType = b);
        g.addRow(r++, new Label(m.tr("wizard.gce.machineType")), type);
        ChoiceBox<String> image = new ChoiceBox<>();
        image.getItems().setAll(List.of("debian-12", "ubuntu-2404-lts-amd64", "ubuntu-2204-lts"));
        image.setValue(s.image);
        image.setId("wizard-gce-image");
        image.valueProperty().addListener((o, a, b) -> s.image = b);
        g.addRow(r++, new Label(m.tr("wizard.gce.image")), image);
        ChoiceBox<Layout> layout = choice("wizard-gce-layout", List.of(Layout.values()), s.layout,
                l -> m.tr("wizard.layout." + l.id().replace("-", "")), v -> s.layout = v);
        g.addRow(r++, new Label(m.tr("wizard.gce.layout")), layout);
        TextField reminder = text("wizard-gce-reminder", LabRow.hours(s.reminderHours), v -> {
            try {
                s.reminderHours = Double.parseDouble(v.trim());
            } catch (NumberFormatException e) {
                s.reminderHours = 0;
            }
        });
        g.addRow(r++, new Label(m.tr("wizard.gce.reminder")), reminder);
        g.add(note(m.tr("wizard.gce.note")), 0, r++, 2, 1);
        return r;
    }

    /** Debian release and layout of a machines lab, and whether this computer can boot them now. */
    static int machines(GridPane g, int r, MachinesSettings s, Messages m) {
        ChoiceBox<String> debian = choice("wizard-machines-debian", List.of("13", "12"), s.debian,
                d -> m.tr("wizard.machines.debian." + d), v -> s.debian = v);
        g.addRow(r++, new Label(m.tr("wizard.machines.debian")), debian);
        ChoiceBox<Layout> layout = choice("wizard-machines-layout", List.of(Layout.PER_ROLE, Layout.SINGLE), s.layout,
                l -> m.tr("wizard.machines.layout." + l.id().replace("-", "")), v -> s.layout = v);
        g.addRow(r++, new Label(m.tr("wizard.machines.layout")), layout);
        Label ready = new Label(readiness(m));
        ready.setId("wizard-machines-ready");
        ready.setWrapText(true);
        g.add(ready, 0, r++, 2, 1);
        g.add(note(m.tr("wizard.machines.note")), 0, r++, 2, 1);
        return r;
    }

    /** What stands between this computer and booting machines, in one sentence (Preflight's own check). */
    static String readiness(Messages m) {
        Preflight.Readiness r = Preflight.readiness();
        return switch (r.state()) {
            case NOT_LINUX -> m.tr("wizard.machines.notLinux");
            case NO_SUDO -> m.msg(Preflight.noSudo());
            case MISSING_PACKAGES -> m.tr("wizard.machines.missing", String.join(", ", r.missing()), String.join(" ", r.missing()));
            case READY -> m.tr("wizard.machines.ready");
        };
    }
}
