package io.failoverlab.ui.report;

import io.failoverlab.ui.session.LabSession;
import io.failoverlab.ui.app.FxTask;
import io.failoverlab.ui.app.Messages;
import io.failoverlab.report.Journal;
import io.failoverlab.report.ReportWriter;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;

import java.io.File;
import java.nio.file.Path;

/**
 * "Make report": the conclusion (conclusion.md in the lab's journal folder) in a text area the
 * student edits, the language and the folder; the report is written in the background.
 */
public final class ReportDialog {
    private final LabSession session;
    private final Messages m;
    private final Journal journal;
    private final javafx.stage.Window owner;

    public ReportDialog(LabSession session, javafx.stage.Window owner, Messages m) {
        this.session = session;
        this.owner = owner;
        this.m = m;
        this.journal = session.journal().journal();
    }

    public void show() {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(m.tr("report.dialog.title"));

        TextArea conclusion = new TextArea();
        conclusion.setId("report-conclusion");
        conclusion.setWrapText(true);
        conclusion.setPrefRowCount(14);
        ChoiceBox<String> lang = new ChoiceBox<>();
        lang.getItems().addAll("en", "ru");
        lang.setValue(m.locale().getLanguage().equals("ru") ? "ru" : "en");
        lang.setId("report-language");
        TextField folder = new TextField(Path.of(System.getProperty("user.home"), "failover-lab-reports",
                journal.dir().getFileName().toString()).toString());
        folder.setId("report-folder");
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = new Button(m.tr("report.dialog.choose"));
        choose.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            File f = dc.showDialog(stage);
            if (f != null) folder.setText(f.getAbsolutePath());
        });
        CheckBox redact = new CheckBox(m.tr("report.dialog.redact"));
        redact.setId("report-redact");
        Label status = new Label();
        status.setId("report-status");
        status.setWrapText(true);
        Button save = new Button(m.tr("report.dialog.save"));
        Button make = new Button(m.tr("report.dialog.make"));
        make.setId("report-make");
        make.setDefaultButton(true);
        Button close = new Button(m.tr("report.dialog.close"));
        close.setOnAction(e -> stage.close());

        conclusion.setDisable(true);
        String draftLang = lang.getValue(); // read here: a control is the FX thread's alone
        FxTask.of(() -> {
            String text = journal.readConclusion();
            return text != null ? text : new ReportWriter(journal, new ReportWriter.Options(draftLang, false), null).draftConclusion();
        }).onSuccess(conclusion::setText).onError(e -> conclusion.setText(""))
                .onFinally(() -> conclusion.setDisable(false)).start(session.background());
        save.setOnAction(e -> {
            String text = conclusion.getText();
            FxTask.of(() -> {
                journal.writeConclusion(text);
                return m.tr("report.dialog.saved", journal.conclusion());
            }).onSuccess(status::setText).onError(ex -> status.setText(m.tr("report.dialog.failed", m.error(ex))))
                    .start(session.background());
        });
        make.setOnAction(e -> {
            String text = conclusion.getText();
            String l = lang.getValue();
            Path out = Path.of(folder.getText().strip());
            boolean hide = redact.isSelected();
            make.setDisable(true);
            status.setText(m.tr("report.dialog.working"));
            FxTask.of(() -> {
                journal.writeConclusion(text);
                ReportWriter.Result r = new ReportWriter(journal, new ReportWriter.Options(l, hide),
                        session.journal().secrets()).write(out);
                return m.tr("report.dialog.done", r.markdown(), r.html(), r.passed(), r.checkpoints());
            }).onSuccess(status::setText).onError(ex -> status.setText(m.tr("report.dialog.failed", m.error(ex))))
                    .onFinally(() -> make.setDisable(false)).start(session.background());
        });

        VBox root = new VBox(8, new Label(m.tr("report.dialog.conclusion")), conclusion,
                new HBox(8, new Label(m.tr("report.dialog.language")), lang),
                new HBox(8, new Label(m.tr("report.dialog.folder")), folder, choose), redact,
                new HBox(8, make, save, close), status);
        root.setPadding(new Insets(12));
        VBox.setVgrow(conclusion, Priority.ALWAYS);
        stage.setScene(new Scene(root, 760, 560));
        stage.show();
    }
}
