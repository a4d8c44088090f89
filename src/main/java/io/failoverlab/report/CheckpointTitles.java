package io.failoverlab.report;

import io.failoverlab.lab.StepIds;

import java.util.Set;

/** A step's title in the report's language, from its id ("step.<id>" in report*.properties) and argument. */
final class CheckpointTitles {
    private final ReportStrings t;
    private final Set<String> nodeNames;

    CheckpointTitles(ReportStrings t, Set<String> nodeNames) {
        this.t = t;
        this.nodeNames = nodeNames;
    }

    /** As title(name); the monitor's checkpoints (a fault with it down, it back, it replaced) are named as such. */
    String title(JournalModel.Step s) {
        return io.failoverlab.lab.MonitorCheckpoint.of(s.name, Boolean.TRUE.equals(s.ok), s.figures)
                .map(c -> t.tr("step." + c.key(), title(s.name))).orElseGet(() -> title(s.name));
    }

    String title(String name) {
        String id = StepIds.id(name);
        String arg = StepIds.argument(name);
        if (name.equals(StepIds.VERIFY_WRITES)) return t.tr("step.verify-writes");
        switch (id) {
            case StepIds.PROVISION: case StepIds.PREFLIGHT: case StepIds.INSTALL: case StepIds.MONITOR: case StepIds.VERIFY:
            case StepIds.UP: case StepIds.DATACHECK: case StepIds.SWITCHOVER: case StepIds.FAILOVER:
            case StepIds.STOP_MONITOR: case StepIds.START_MONITOR: case StepIds.REPLACE_MONITOR:
                return t.tr("step." + id);
            case StepIds.KILL_MONITOR: return t.tr("step.kill-monitor", arg);
            case StepIds.PROFILE: return t.tr("step.profile", arg);
            case StepIds.KILL_PRIMARY: return t.has("step.kill-primary." + arg) ? t.tr("step.kill-primary." + arg) : t.tr("step.other", name);
            case StepIds.REJOIN: return t.tr("step.rejoin");
            case StepIds.DROP_NODE: case StepIds.ADD_NODE: case StepIds.MAINTENANCE: case StepIds.PROMOTE:
            case StepIds.STOP_NODE: case StepIds.START_NODE:
                return t.tr("step." + id, arg).strip();
            default:
                return StepIds.isNodeStep(name, nodeNames) ? t.tr("step.node", name) : t.tr("step.other", name);
        }
    }
}
