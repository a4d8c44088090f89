package io.failoverlab.ui.actions;

import io.failoverlab.ui.session.LabSession;
import io.failoverlab.ops.OperationResult;
import io.failoverlab.ops.OperationRunner;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One thing the window can do to the lab: a label, an optional confirmation, the operation it
 * submits on the lab's OperationRunner, and what to do once it ended (on the runner thread, off the FX thread; it may block briefly).
 * Built fluently: {@code ConsoleAction.of("switchover", "action.switchover", s -> new Switchover(s.engine()))}.
 */
public record ConsoleAction(String id, String labelKey, String group, boolean fault, Confirmation confirmation,
                            Function<LabSession, OperationRunner.Operation> operation,
                            boolean rebuildsLab, BiConsumer<LabSession, OperationResult> after) {

    public static ConsoleAction of(String id, String labelKey, Function<LabSession, OperationRunner.Operation> operation) {
        return new ConsoleAction(id, labelKey, null, false, Confirmation.NONE, operation, false, (s, r) -> { });
    }

    /** Offered in the toolbar's menu button "group" (label actiongroup.&lt;group&gt;) instead of as a button. */
    public ConsoleAction inGroup(String g) {
        return new ConsoleAction(id, labelKey, g, fault, confirmation, operation, rebuildsLab, after);
    }

    /** Breaks something on purpose (kill, stop, cut): the timeline marks it as a fault. */
    public ConsoleAction asFault() {
        return new ConsoleAction(id, labelKey, group, true, confirmation, operation, rebuildsLab, after);
    }

    public ConsoleAction confirm(Confirmation c) {
        return new ConsoleAction(id, labelKey, group, fault, c, operation, rebuildsLab, after);
    }

    /** Destructive: always asks, with confirm.&lt;id&gt;.title / confirm.&lt;id&gt;.text. */
    public ConsoleAction destructive() {
        return confirm(Confirmation.always("confirm." + id + ".title", "confirm." + id + ".text"));
    }

    /** The action (re)builds the lab, so the checklist starts afresh. */
    public ConsoleAction rebuildingLab() {
        return new ConsoleAction(id, labelKey, group, fault, confirmation, operation, true, after);
    }

    public ConsoleAction afterwards(BiConsumer<LabSession, OperationResult> then) {
        return new ConsoleAction(id, labelKey, group, fault, confirmation, operation, rebuildsLab, then);
    }

    public ConsoleAction onSuccess(java.util.function.Consumer<LabSession> then) {
        return afterwards((s, r) -> {
            if (r.ok()) then.accept(s);
        });
    }
}
