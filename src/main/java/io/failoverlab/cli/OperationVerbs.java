package io.failoverlab.cli;

import io.failoverlab.check.NodeDataResult;
import io.failoverlab.engine.LabRuntime;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.ops.AddNode;
import io.failoverlab.ops.DataCheckOp;
import io.failoverlab.ops.DropNode;
import io.failoverlab.ops.Failover;
import io.failoverlab.ops.FaultWithoutMonitor;
import io.failoverlab.ops.KillMonitor;
import io.failoverlab.ops.ReplaceMonitor;
import io.failoverlab.ops.Heal;
import io.failoverlab.ops.KillPrimary;
import io.failoverlab.ops.Maintenance;
import io.failoverlab.ops.OperationResult;
import io.failoverlab.ops.OperationRunner.Operation;
import io.failoverlab.ops.Partition;
import io.failoverlab.ops.Promote;
import io.failoverlab.ops.SetSetting;
import io.failoverlab.ops.StartMonitor;
import io.failoverlab.ops.StartNode;
import io.failoverlab.ops.StopMonitor;
import io.failoverlab.ops.Switchover;
import io.failoverlab.ops.TimingProfiles;
import io.failoverlab.pgaf.TimingProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * The operation verbs, one nested class each: Cli registers every nested @Command class found
 * here, in the order written, so a new verb is one class added below. Texts: Usage.properties.
 */
final class OperationVerbs {
    private OperationVerbs() { }

    /** One instance of each verb, in source order (the JVM hands nested classes over last first). */
    static List<Object> all() {
        List<Class<?>> classes = new ArrayList<>(List.of(OperationVerbs.class.getDeclaredClasses()));
        java.util.Collections.reverse(classes);
        List<Object> verbs = new ArrayList<>();
        for (Class<?> c : classes) {
            if (!c.isAnnotationPresent(Command.class)) continue;
            try {
                verbs.add(c.getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("verb " + c.getSimpleName() + " needs a no-argument constructor", e);
            }
        }
        return verbs;
    }

    @Command(name = "switchover")
    static final class SwitchoverVerb extends OperationVerb {
        @Override Operation operation(LabRuntime rt) { return new Switchover(rt.engine()); }
    }

    @Command(name = "failover")
    static final class FailoverVerb extends OperationVerb {
        @Override Operation operation(LabRuntime rt) { return new Failover(rt.engine()); }
    }

    @Command(name = "kill-primary")
    static final class KillPrimaryVerb extends OperationVerb {
        @Option(names = "--mode", paramLabel = "MODE", defaultValue = "node", descriptionKey = "kill-primary.mode") String mode;

        @Override Operation operation(LabRuntime rt) {
            // vm and reboot use the engine's power switch, which the runtime wires for machines and GCE labs
            // with the monitor down it reads the nodes themselves (FaultWithoutMonitor)
            return FaultWithoutMonitor.killPrimary(rt.engine(), KillPrimary.Mode.parse(mode));
        }
    }

    @Command(name = "partition")
    static final class PartitionVerb extends OperationVerb {
        @Parameters(paramLabel = "NODE", descriptionKey = "node.name") String node;
        @Option(names = "--from", paramLabel = "all|monitor|standbys", defaultValue = "all", descriptionKey = "partition.from") String from;

        @Override Operation operation(LabRuntime rt) { return FaultWithoutMonitor.partition(rt.engine(), node, Partition.From.parse(from)); }
    }

    @Command(name = "heal")
    static final class HealVerb extends OperationVerb {
        @Parameters(paramLabel = "NODE", arity = "0..1", descriptionKey = "heal.node") String node;

        @Override Operation operation(LabRuntime rt) { return new Heal(rt.engine(), node); }
    }

    @Command(name = "profile")
    static final class ProfileVerb extends OperationVerb {
        @Parameters(paramLabel = "fast|default", descriptionKey = "profile.name") String name;

        @Override Operation operation(LabRuntime rt) { return TimingProfiles.apply(rt.engine(), TimingProfile.named(name)); }
    }

    @Command(name = "datacheck")
    static final class DataCheckVerb extends OperationVerb {
        @Option(names = "--rows", paramLabel = "N", defaultValue = "1000000", descriptionKey = "datacheck.rows") int rows;
        @Option(names = "--insert", paramLabel = "K", defaultValue = "10", descriptionKey = "datacheck.insert") int insert;
        @Option(names = "--recreate", descriptionKey = "datacheck.recreate") boolean recreate;

        @Override Operation operation(LabRuntime rt) {
            if (rows < 0) throw new LabException(Msg.of("cli.arg.rowsNegative", rows));
            return new DataCheckOp(rt.engine(), rows, recreate, insert);
        }

        /** Each node's rows and read-only answer, then only the failure sentence: the grid is the result. */
        @Override int show(Operation op, OperationResult r) {
            DataCheckOp d = (DataCheckOp) op;
            if (d.result() != null) {
                for (NodeDataResult n : d.result().nodes()) out().println("  " + DataCheckOp.describe(n));
            }
            if (!r.ok()) {
                err().println(r.message());
                return 1;
            }
            return 0;
        }
    }

    /** The HA verbs: the result sentence and the final state, printed once. */
    abstract static class HaVerb extends OperationVerb {
        @Override boolean quiet() { return true; }

        @Override int show(Operation op, OperationResult r) { return showSentence(r); }
    }

    @Command(name = "drop-node")
    static final class DropNodeVerb extends HaVerb {
        @Parameters(paramLabel = "NAME", descriptionKey = "node.name") String name;

        @Override Operation operation(LabRuntime rt) { return new DropNode(rt.engine(), name); }
    }

    @Command(name = "add-node")
    static final class AddNodeVerb extends HaVerb {
        @Parameters(paramLabel = "NAME", arity = "0..1", descriptionKey = "add-node.name") String name;
        @Option(names = "--port", paramLabel = "P", descriptionKey = "add-node.port") Integer port;

        @Override Operation operation(LabRuntime rt) { return new AddNode(rt.engine(), name, port, rt.addedNodes()); }
    }

    @Command(name = "maintenance")
    static final class MaintenanceVerb extends HaVerb {
        @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "node.name") String name;
        @Parameters(index = "1", paramLabel = "on|off", descriptionKey = "maintenance.switch") String onOff;

        @Override Operation operation(LabRuntime rt) { return new Maintenance(rt.engine(), name, Maintenance.parseSwitch(onOff)); }
    }

    @Command(name = "promote")
    static final class PromoteVerb extends HaVerb {
        @Parameters(paramLabel = "NAME", descriptionKey = "node.name") String name;

        @Override Operation operation(LabRuntime rt) { return new Promote(rt.engine(), name); }
    }

    @Command(name = "set")
    static final class SetVerb extends HaVerb {
        @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "set.target") String target;
        @Parameters(index = "1", paramLabel = "SETTING", descriptionKey = "set.setting") String setting;
        @Parameters(index = "2", paramLabel = "VALUE", descriptionKey = "set.value") String value;

        @Override Operation operation(LabRuntime rt) { return SetSetting.parse(rt.engine(), target, setting, value); }
    }

    @Command(name = "stop-node")
    static final class StopNodeVerb extends HaVerb {
        @Parameters(paramLabel = "NAME", descriptionKey = "node.name") String name;

        @Override Operation operation(LabRuntime rt) { return FaultWithoutMonitor.stopNode(rt.engine(), name); }
    }

    @Command(name = "start-node")
    static final class StartNodeVerb extends HaVerb {
        @Parameters(paramLabel = "NAME", descriptionKey = "node.name") String name;

        @Override Operation operation(LabRuntime rt) { return new StartNode(rt.engine(), name); }
    }

    @Command(name = "stop-monitor")
    static final class StopMonitorVerb extends HaVerb {
        @Override Operation operation(LabRuntime rt) { return new StopMonitor(rt.engine()); }
    }

    @Command(name = "start-monitor")
    static final class StartMonitorVerb extends HaVerb {
        @Override Operation operation(LabRuntime rt) { return new StartMonitor(rt.engine()); }
    }

    @Command(name = "kill-monitor")
    static final class KillMonitorVerb extends HaVerb {
        @Option(names = "--mode", paramLabel = "MODE", defaultValue = "process", descriptionKey = "kill-monitor.mode") String mode;

        @Override Operation operation(LabRuntime rt) { return new KillMonitor(rt.engine(), KillMonitor.Mode.parse(mode)); }
    }

    @Command(name = "replace-monitor")
    static final class ReplaceMonitorVerb extends HaVerb {
        @Option(names = "--host", paramLabel = "HOST", descriptionKey = "replace-monitor.host") String host;
        @Option(names = "--new-machine", descriptionKey = "replace-monitor.newMachine") boolean newMachine;
        private io.failoverlab.lab.LabSpec lab;

        @Override Operation operation(LabRuntime rt) {
            lab = rt.engine().spec();
            return new ReplaceMonitor(rt.engine(), host, newMachine);
        }

        /** A monitor on another host: the lab's profile says so from now on. */
        @Override int show(Operation op, OperationResult r) {
            if (r.ok() && host != null) common().saveBack(lab);
            return super.show(op, r);
        }
    }
}
