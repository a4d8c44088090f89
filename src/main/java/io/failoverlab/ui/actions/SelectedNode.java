package io.failoverlab.ui.actions;

import io.failoverlab.ui.session.LabSession;
import io.failoverlab.ui.app.Question;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.ops.OperationResult;
import io.failoverlab.ops.OperationRunner;

import java.util.Optional;
import java.util.function.Function;

/** Node actions act on the row selected in the node table. */
final class SelectedNode {
    private SelectedNode() { }

    /** Asks with the selected node's name: confirm.&lt;id&gt;.title / .text with {0} node, {1} lab. */
    static Confirmation confirmOnNode(String id) {
        return s -> Optional.of(new Question("confirm." + id + ".title", "confirm." + id + ".text",
                s.cluster().selectedNode() == null ? "?" : s.cluster().selectedNode(), s.lab().name));
    }

    /** The operation on the node selected in the table, or one that says to select one. */
    static OperationRunner.Operation onSelected(LabSession s, Function<String, OperationRunner.Operation> op) {
        String n = s.cluster().selectedNode();
        if (n != null) return op.apply(n);
        return new OperationRunner.Operation() {
            @Override
            public String name() { return "no node selected"; }

            @Override
            public OperationResult run() {
                throw new LabException(Msg.of("op.selectNode"));
            }
        };
    }
}
