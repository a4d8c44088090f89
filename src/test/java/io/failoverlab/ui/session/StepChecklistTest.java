package io.failoverlab.ui.session;

import io.failoverlab.ui.log.LogViewModel;
import io.failoverlab.ui.app.Messages;
import io.failoverlab.ui.Snapshots;
import io.failoverlab.ui.steps.StepChecklist;
import io.failoverlab.ui.steps.StepItem;
import io.failoverlab.ui.steps.StepState;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.StepResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EngineListener calls → checklist, log and snapshots, as the window's listener routes them. */
class StepChecklistTest {
    final LabSpec lab = LabSpec.local("/tmp/x", 7000, 7001, 7002);
    final StepChecklist steps = new StepChecklist(StepChecklist.stepsOf(lab));
    final LogViewModel log = new LogViewModel(100, List.of("local"));
    final List<ClusterSnapshot> snapshots = new ArrayList<>();
    final FxEngineListener listener = new FxEngineListener(Runnable::run, steps, log, snapshots::add);

    @Test
    void labStepsComeFromTheLab() {
        assertEquals(List.of("preflight", "install", "monitor", "node1", "node2", "verify"),
                steps.labSteps().stream().map(StepItem::name).toList());
        assertTrue(steps.labSteps().stream().allMatch(s -> s.state() == StepState.NOT_YET));
    }

    @Test
    void engineEventsMoveStepsThroughTheirStates() {
        listener.stepStarted("install");
        StepItem install = steps.labStep("install").orElseThrow();
        assertEquals(StepState.RUNNING, install.state());
        assertEquals(-1, install.progressProperty().get(), "indeterminate until a fraction arrives");
        listener.stepProgress("install", 0.42, "installing packages on this machine");
        assertEquals(0.42, install.progressProperty().get(), 1e-9);
        assertEquals("installing packages on this machine", install.detail());
        listener.stepFinished(StepResult.passed("install", 12.5, "pg_auto_failover 2.0 (installed now)"));
        assertEquals(StepState.PASSED, install.state());
        assertEquals(1.0, install.progressProperty().get(), 1e-9);

        listener.stepStarted("node2");
        listener.stepFinished(StepResult.failed("node2", 3, "port 7002 is in use"));
        StepItem node2 = steps.labStep("node2").orElseThrow();
        assertEquals(StepState.FAILED, node2.state());
        assertEquals("port 7002 is in use", node2.detail());
        assertEquals("step-failed", node2.state().styleClass());
    }

    @Test
    void otherStepsGoToTheLastActionAndANewBuildResets() {
        listener.stepStarted("preflight");
        listener.stepFinished(StepResult.passed("preflight", 1, "ok"));
        listener.stepStarted("switchover");
        assertEquals(List.of("switchover"), steps.actionSteps().stream().map(StepItem::name).toList());
        steps.beginAction(false);
        assertTrue(steps.actionSteps().isEmpty());
        assertEquals(StepState.PASSED, steps.labStep("preflight").orElseThrow().state());
        steps.beginAction(true);
        assertEquals(StepState.NOT_YET, steps.labStep("preflight").orElseThrow().state());
    }

    @Test
    void aLabFoundUpGivesEachStepItsOwnDetail() {
        steps.markLabUp(lab, Snapshots.of(java.time.Instant.now(),
                Snapshots.node("node1", 1, 7001, io.failoverlab.lab.NodeState.SECONDARY, io.failoverlab.lab.NodeState.SECONDARY),
                Snapshots.node("node2", 2, 7002, io.failoverlab.lab.NodeState.PRIMARY, io.failoverlab.lab.NodeState.PRIMARY)));
        List<String> details = steps.labSteps().stream().map(StepItem::detail).toList();
        assertEquals(details.size(), new java.util.HashSet<>(details).size(), "one shared line: " + details);
        Messages ru = Messages.of(java.util.Locale.forLanguageTag("ru"));
        assertEquals("монитор на порту 7000", ru.msg(steps.labStep("monitor").orElseThrow().msgProperty().get()));
        assertEquals("узел node1 на порту 7001, сейчас secondary", ru.msg(steps.labStep("node1").orElseThrow().msgProperty().get()));
        assertEquals("node node2 on port 7002, now primary", steps.labStep("node2").orElseThrow().detail());
    }

    @Test
    void aLabFoundMidFailoverIsUpButNotVerified() {
        steps.markLabUp(lab, Snapshots.of(java.time.Instant.now(),
                Snapshots.node("node1", 1, 7001, io.failoverlab.lab.NodeState.PRIMARY, io.failoverlab.lab.NodeState.DEMOTED),
                Snapshots.node("node2", 2, 7002, io.failoverlab.lab.NodeState.WAIT_PRIMARY, io.failoverlab.lab.NodeState.WAIT_PRIMARY)));
        assertEquals(StepState.PASSED, steps.labStep("monitor").orElseThrow().state());
        StepItem verify = steps.labStep("verify").orElseThrow();
        assertEquals(StepState.FAILED, verify.state());
        assertTrue(verify.detail().startsWith("not one primary with the others secondary right now: "), verify.detail());
    }

    @Test
    void aBuiltStepKeepsItsMessageAsDataAndAnActionItsNameAndExplanation() {
        listener.stepFinished(StepResult.passed("monitor", 2, io.failoverlab.lab.Msg.of("step.monitor.created", 7000, "systemd", "")));
        StepItem monitor = steps.labStep("monitor").orElseThrow();
        assertEquals("monitor created on port 7000, keeper systemd", monitor.detail());
        assertEquals("монитор создан на порту 7000, keeper systemd",
                Messages.of(java.util.Locale.forLanguageTag("ru")).msg(monitor.msgProperty().get()));
        steps.beginAction(false, "kill-primary postgres", "Убить процесс postgres");
        listener.stepFinished(StepResult.passed("kill-primary postgres", 8, "Killed postgres"));
        io.failoverlab.lab.Msg m = io.failoverlab.lab.Msg.of("op.maintenance.already", "node1");
        steps.explain("kill-primary postgres", m);
        StepItem action = steps.actionSteps().get(0);
        assertEquals("Убить процесс postgres", action.titleProperty().get());
        assertEquals(m, action.msgProperty().get());
    }

    @Test
    void logAndSnapshotsAreForwarded() {
        // the lab's one feed is the only source of monitor events: nothing is filtered
        listener.log(LogLine.of("local", LogLine.Level.COMMAND, "$ id -u"));
        listener.log(LogLine.of("monitor", LogLine.Level.EVENT, "New state for node 1"));
        listener.snapshot(ClusterSnapshot.unreachable("down"));
        log.drain();
        assertEquals(List.of("$ id -u", "New state for node 1"), log.lines().stream().map(LogLine::text).toList());
        assertEquals(1, snapshots.size());
    }

    @Test
    void appNotesAndNodeEventsReadInTheWindowsLanguage() {
        Messages ru = Messages.of(java.util.Locale.forLanguageTag("ru"));
        List<String> events = new ArrayList<>();
        listener.notesIn(ru::msg).onNodeEvent((node, what, at) -> events.add(node + ": " + what));
        io.failoverlab.lab.Msg note = io.failoverlab.lab.Msg.of("step.note.checkpoint", "node2", "node1");
        listener.note(note);
        listener.nodeEvent("node1", io.failoverlab.lab.Msg.of("node.event.healed"), java.time.Instant.now());
        log.drain();
        assertEquals(List.of(ru.msg(note)), log.lines().stream().map(LogLine::text).toList());
        assertEquals(List.of("node1: " + ru.msg(io.failoverlab.lab.Msg.of("node.event.healed"))), events);
        assertTrue(events.get(0).contains("разрыв"), events.toString());
    }
}
