package io.failoverlab.ui.console;

import io.failoverlab.ui.actions.ActionMenus;
import io.failoverlab.ui.report.JournalCapture;
import io.failoverlab.ui.app.Messages;
import io.failoverlab.ui.report.ReportDialog;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;

import java.util.Locale;

/** The menu bar: file (screenshot, quit), the actions again, view (theme, presentation), language. */
final class ConsoleMenu {
    private final ConsoleWindow window;
    private final Messages m;

    ConsoleMenu(ConsoleWindow window, Messages m) {
        this.window = window;
        this.m = m;
    }

    MenuBar build() {
        MenuItem shot = new MenuItem(m.tr("menu.file.screenshot"));
        shot.setOnAction(e -> window.saveScreenshot());
        MenuItem quit = new MenuItem(m.tr("menu.file.quit"));
        quit.setOnAction(e -> window.quit());
        MenuItem journalShot = new MenuItem(m.tr("menu.file.journalShot"));
        journalShot.setId("menu-journal-shot");
        journalShot.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+S"));
        journalShot.setOnAction(e -> JournalCapture.captureNow(window.capture()));
        MenuItem report = new MenuItem(m.tr("menu.file.report"));
        report.setId("menu-report");
        report.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+R"));
        report.setOnAction(e -> new ReportDialog(window.session(), window.stage(), m).show());
        MenuItem labs = new MenuItem(m.tr("menu.file.labs"));
        labs.setId("menu-labs");
        labs.setOnAction(e -> window.openLabsWindow());
        MenuItem newLab = new MenuItem(m.tr("menu.file.newLab"));
        newLab.setId("menu-new-lab");
        newLab.setOnAction(e -> window.openNewLabWizard());
        Menu file = new Menu(m.tr("menu.file"), null, labs, newLab, new javafx.scene.control.SeparatorMenuItem(),
                shot, journalShot, report, quit);

        Menu actions = new Menu(m.tr("menu.actions"));
        actions.getItems().addAll(ActionMenus.menu(window.actions(), window.controller(), m));

        CheckMenuItem dark = new CheckMenuItem(m.tr("menu.view.dark"));
        dark.setId("menu-dark");
        dark.setSelected(window.settings().dark);
        dark.setOnAction(e -> window.setDark(dark.isSelected()));
        CheckMenuItem presentation = new CheckMenuItem(m.tr("menu.view.presentation"));
        presentation.setId("menu-presentation");
        presentation.setSelected(window.settings().presentation);
        presentation.setOnAction(e -> window.setPresentation(presentation.isSelected()));
        Menu view = new Menu(m.tr("menu.view"), null, dark, presentation);

        Menu language = new Menu(m.tr("menu.language"));
        ToggleGroup g = new ToggleGroup();
        for (Locale l : Messages.LANGUAGES) {
            RadioMenuItem i = new RadioMenuItem(m.tr("language." + l.getLanguage()));
            i.setToggleGroup(g);
            i.setSelected(l.getLanguage().equals(m.locale().getLanguage()));
            i.setOnAction(e -> window.setLanguage(l));
            language.getItems().add(i);
        }
        MenuBar bar = new MenuBar(file, actions, view, language);
        bar.setId("menu-bar");
        return bar;
    }
}
