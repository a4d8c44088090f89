package io.failoverlab.ui;

import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.StepResult;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lab panel's model. The lab's own steps (preflight, install, monitor, each node, verify)
 * are a fixed checklist; any other step the engine reports (an operation, "stop node1"…) goes to
 * the list of the last action, which each new action clears. Call on the FX thread.
 */
public final class StepChecklist {
    private final ObservableList<StepItem> labSteps = FXCollections.observableArrayList();
    private final ObservableList<StepItem> actionSteps = FXCollections.observableArrayList();

    public StepChecklist(List<String> labStepNames) {
        labStepNames.forEach(n -> labSteps.add(new StepItem(n)));
    }

    /** The steps ClusterBuilder.up() reports, in its order. */
    public static List<String> stepsOf(LabSpec lab) {
        List<String> names = new ArrayList<>(List.of("preflight", "install", "monitor"));
        for (InstanceSpec n : lab.nodes) names.add(n.name);
        names.add("verify");
        return names;
    }

    public ObservableList<StepItem> labSteps() { return labSteps; }

    public ObservableList<StepItem> actionSteps() { return actionSteps; }

    public Optional<StepItem> labStep(String name) {
        return labSteps.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** A new action begins: its own steps start afresh; with resetLab the checklist too (a new build). */
    public void beginAction(boolean resetLab) {
        actionSteps.clear();
        if (resetLab) labSteps.forEach(StepItem::reset);
    }

    /** The lab was found up without building it now: every checklist step holds. */
    public void markLabUp(String detail) {
        for (StepItem s : labSteps) {
            s.stateProperty().set(StepState.PASSED);
            s.progressProperty().set(1);
            s.detailProperty().set(detail);
        }
    }

    public void started(String name) {
        StepItem s = item(name);
        s.stateProperty().set(StepState.RUNNING);
        s.progressProperty().set(-1);
        s.detailProperty().set("");
    }

    public void progress(String name, double fraction, String text) {
        StepItem s = item(name);
        if (s.state() != StepState.RUNNING) s.stateProperty().set(StepState.RUNNING);
        s.progressProperty().set(fraction < 0 ? -1 : Math.min(1, fraction));
        if (text != null) s.detailProperty().set(text);
    }

    public void finished(StepResult r) {
        StepItem s = item(r.name());
        s.stateProperty().set(r.ok() ? StepState.PASSED : StepState.FAILED);
        s.progressProperty().set(r.ok() ? 1 : Math.max(0, s.progressProperty().get()));
        s.detailProperty().set(r.message() == null ? "" : r.message());
    }

    private StepItem item(String name) {
        return labStep(name).orElseGet(() -> actionSteps.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseGet(() -> {
                    StepItem s = new StepItem(name);
                    actionSteps.add(s);
                    return s;
                }));
    }
}
