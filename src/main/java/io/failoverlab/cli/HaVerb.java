package io.failoverlab.cli;

import io.failoverlab.engine.EngineListener;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.ops.AddNode;
import io.failoverlab.ops.DropNode;
import io.failoverlab.ops.Maintenance;
import io.failoverlab.ops.OperationResult;
import io.failoverlab.ops.OperationRunner;
import io.failoverlab.ops.Promote;
import io.failoverlab.ops.SetSetting;
import io.failoverlab.ops.StartMonitor;
import io.failoverlab.ops.StartNode;
import io.failoverlab.ops.StopMonitor;
import io.failoverlab.ops.StopNode;

import java.io.PrintStream;
import java.util.List;

/**
 * The HA operation verbs (drop-node, add-node, maintenance, promote, set, stop/start-node,
 * stop/start-monitor): the same operation classes the window runs; prints the result sentence
 * and the final state table.
 */
final class HaVerb {
    private final PrintStream out;
    private final PrintStream err;

    HaVerb(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(LabSpec lab, CliArgs args) {
        try (LabEngine engine = Cli.engine(lab, args, out)) {
            OperationRunner.Operation op = operation(engine, args.verb, args.positional);
            // the runner stays quiet: this verb prints the result itself, once
            OperationResult r = new OperationRunner(EngineListener.NONE).runNow(op);
            if (r.finalState() != null) out.print(StateTable.render(r.finalState()));
            if (!r.ok()) {
                err.println(r.message());
                return 1;
            }
            out.println(r.message());
            return 0;
        }
    }

    /** Builds the operation from the verb's words; bad input fails here, before any host is touched. */
    static OperationRunner.Operation operation(LabEngine engine, String verb, List<String> p) {
        switch (verb) {
            case "drop-node":
                return new DropNode(engine, one(verb, p, "NAME"));
            case "add-node":
                if (p.size() > 1) throw new LabException("add-node takes at most one node name.");
                return new AddNode(engine, p.isEmpty() ? null : p.get(0));
            case "maintenance":
                if (p.size() != 2) throw new LabException("Usage: maintenance NAME on|off.");
                boolean on = Maintenance.parseSwitch(p.get(1));
                return new Maintenance(engine, p.get(0), on);
            case "promote":
                return new Promote(engine, one(verb, p, "NAME"));
            case "set":
                if (p.size() != 3) {
                    throw new LabException("Usage: set NAME candidate-priority N | set NAME replication-quorum true|false"
                            + " | set formation number-sync-standbys N.");
                }
                return SetSetting.parse(engine, p.get(0), p.get(1), p.get(2));
            case "stop-node":
                return new StopNode(engine, one(verb, p, "NAME"));
            case "start-node":
                return new StartNode(engine, one(verb, p, "NAME"));
            case "stop-monitor":
                none(verb, p);
                return new StopMonitor(engine);
            case "start-monitor":
                none(verb, p);
                return new StartMonitor(engine);
            default:
                throw new LabException("Unknown verb '" + verb + "'; run with --help to see the verbs.");
        }
    }

    private static String one(String verb, List<String> p, String what) {
        if (p.size() != 1) throw new LabException(verb + " needs exactly one " + what + ", e.g. " + verb + " node2.");
        return p.get(0);
    }

    private static void none(String verb, List<String> p) {
        if (!p.isEmpty()) throw new LabException(verb + " takes no arguments.");
    }
}
