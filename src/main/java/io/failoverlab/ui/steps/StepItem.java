package io.failoverlab.ui.steps;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One step of the checklist: its engine name, state, progress (0..1, -1 = unknown) and last message. */
public final class StepItem {
    private final String name;
    private final ObjectProperty<StepState> state = new SimpleObjectProperty<>(StepState.NOT_YET);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty detail = new SimpleStringProperty("");
    /** The detail as data, shown in the window's language when set (else detail as the engine said it). */
    private final ObjectProperty<io.failoverlab.lab.Msg> msg = new SimpleObjectProperty<>();
    /** How the window names an action's step ("Switchover"); null: by its engine name. */
    private final StringProperty title = new SimpleStringProperty();

    public StepItem(String name) { this.name = name; }

    public String name() { return name; }

    public ObjectProperty<StepState> stateProperty() { return state; }

    public StepState state() { return state.get(); }

    public DoubleProperty progressProperty() { return progress; }

    public StringProperty detailProperty() { return detail; }

    public String detail() { return detail.get(); }

    public ObjectProperty<io.failoverlab.lab.Msg> msgProperty() { return msg; }

    public StringProperty titleProperty() { return title; }

    void reset() {
        state.set(StepState.NOT_YET);
        progress.set(0);
        detail.set("");
        msg.set(null);
    }
}
