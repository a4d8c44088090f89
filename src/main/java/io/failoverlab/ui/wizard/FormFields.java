package io.failoverlab.ui.wizard;

import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/** The wizard's field makers: each field writes what is typed or chosen straight into the form. */
final class FormFields {
    private FormFields() { }

    /** A choice among items, shown through label, with what is chosen written back through into. */
    static <T> ChoiceBox<T> choice(String id, List<T> items, T value, java.util.function.Function<T, String> label, Consumer<T> into) {
        ChoiceBox<T> c = new ChoiceBox<>();
        c.getItems().setAll(items);
        c.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : label.apply(t); }
            @Override public T fromString(String text) { return null; }
        });
        c.setValue(value);
        c.setId(id);
        c.valueProperty().addListener((o, a, b) -> into.accept(b));
        return c;
    }

    static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(10);
        return g;
    }


    static TextField text(String id, String value, Consumer<String> into) {
        TextField t = new TextField(value == null ? "" : value);
        t.setId(id);
        t.textProperty().addListener((o, a, b) -> into.accept(b));
        return t;
    }

    /** A number field; what is not a number becomes -1, which the validator names. */
    static TextField number(String id, int value, IntConsumer into) {
        TextField t = new TextField(String.valueOf(value));
        t.setId(id);
        t.setPrefColumnCount(6);
        t.textProperty().addListener((o, a, b) -> {
            try {
                into.accept(Integer.parseInt(b.trim()));
            } catch (NumberFormatException e) {
                into.accept(-1);
            }
        });
        return t;
    }

    /** A wrapped note under a page's fields. */
    static Label note(String text) {
        Label note = new Label(text);
        note.setWrapText(true);
        note.getStyleClass().add("labs-note");
        return note;
    }
}
