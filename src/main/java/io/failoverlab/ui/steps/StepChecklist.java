package io.failoverlab.ui.steps;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.StepIds;
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
        List<String> names = new ArrayList<>(List.of(StepIds.PREFLIGHT, StepIds.INSTALL, StepIds.MONITOR));
        for (InstanceSpec n : lab.nodes) names.add(n.name);
        names.add(StepIds.VERIFY);
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

    /** As beginAction; the operation's step (engine name opName) shows as title, the window's name of the action. */
    public void beginAction(boolean resetLab, String opName, String title) {
        beginAction(resetLab);
        if (labStep(opName).isEmpty()) item(opName).titleProperty().set(title);
    }

    /** The action's step gets another title once its outcome tells what it was (a fault with the monitor down…). */
    public void retitle(String opName, String title) {
        actionSteps.stream().filter(s -> s.name().equals(opName)).findFirst().ifPresent(s -> s.titleProperty().set(title));
    }

    /** The operation's outcome as data, once it ended: its step shows that rather than the English text. */
    public void explain(String opName, io.failoverlab.lab.Msg msg) {
        if (msg != null) actionSteps.stream().filter(s -> s.name().equals(opName)).findFirst().ifPresent(s -> s.msgProperty().set(msg));
    }

    /** The lab was found up without building it now: every checklist step holds, each saying what of it stands. */
    public void markLabUp(LabSpec lab, ClusterSnapshot s) {
        for (StepItem step : labSteps) {
            // a lab found mid-failover or with a node down is up, but not verified
            boolean holds = !StepIds.VERIFY.equals(step.name()) || s.converged();
            step.stateProperty().set(holds ? StepState.PASSED : StepState.FAILED);
            step.progressProperty().set(1);
            Msg m = foundUp(step.name(), lab, s);
            step.msgProperty().set(m);
            step.detailProperty().set(m.english());
        }
    }

    static Msg foundUp(String step, LabSpec lab, ClusterSnapshot s) {
        switch (step) {
            case StepIds.PREFLIGHT: return Msg.of("step.found.preflight");
            case StepIds.INSTALL: return Msg.of("step.found.install");
            case StepIds.MONITOR: return Msg.of("step.found.monitor", lab.monitor.port);
            case StepIds.VERIFY: return Msg.of(s.converged() ? "step.found.verify" : "step.found.unsettled", s.summary());
            default:
                int port = lab.node(step).map(n -> n.port).orElse(0);
                String state = s.node(step).map(n -> n.reportedState().id()).orElse("—");
                return Msg.of("step.found.node", step, port, state);
        }
    }

    public void started(String name) {
        StepItem s = item(name);
        s.stateProperty().set(StepState.RUNNING);
        s.progressProperty().set(-1);
        s.detailProperty().set("");
        s.msgProperty().set(null);
    }

    public void progress(String name, double fraction, String text) {
        StepItem s = item(name);
        if (s.state() != StepState.RUNNING) s.stateProperty().set(StepState.RUNNING);
        s.progressProperty().set(fraction < 0 ? -1 : Math.min(1, fraction));
        if (text != null) {
            s.detailProperty().set(text);
            s.msgProperty().set(null);
        }
    }

    /** As progress, the line as data: shown in the window's language. */
    public void progress(String name, double fraction, Msg text) {
        progress(name, fraction, text == null ? null : text.english());
        if (text != null) item(name).msgProperty().set(text);
    }

    public void finished(StepResult r) {
        StepItem s = item(r.name());
        s.stateProperty().set(r.ok() ? StepState.PASSED : StepState.FAILED);
        s.progressProperty().set(r.ok() ? 1 : Math.max(0, s.progressProperty().get()));
        s.detailProperty().set(r.message() == null ? "" : r.message());
        s.msgProperty().set(r.msg());
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
