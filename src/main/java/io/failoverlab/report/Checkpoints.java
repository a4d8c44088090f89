package io.failoverlab.report;

import io.failoverlab.lab.StepIds;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which journal steps form a checkpoint. Until the first other step, each bring-up step is a
 * checkpoint of its own in its section (preparation, installation, monitor, nodes); after that
 * everything is testing: a run of stops, of destroys or of a rebuild is one checkpoint (a
 * rebuild takes the scenario's summary record that follows it as its title), every other step
 * is one.
 */
final class Checkpoints {
    private Checkpoints() { }

    /** Scenario records without a start that sum up the rebuild just before them. */
    private static final Set<String> SUMMARY_RECORDS = Set.of(StepIds.UP, StepIds.REJOIN_KILLED_NODE);

    /** A run of steps shown as one checkpoint, and the title of such a run. */
    enum Run {
        REBUILD, STOP, DESTROY;

        String key() { return "step." + name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** A group of steps shown as one numbered part of a section. */
    static final class Item {
        final String section;
        String title;
        /** The kind of run while steps may still join it; null for a single step. */
        Run run;
        final List<JournalModel.Step> steps = new ArrayList<>();

        Item(String section) {
            this.section = section;
        }

        boolean ok() { return steps.stream().allMatch(s -> Boolean.TRUE.equals(s.ok)); }

        double seconds() { return Math.round(steps.stream().mapToDouble(s -> s.seconds).sum() * 100) / 100.0; }

        JournalModel.Step last() { return steps.get(steps.size() - 1); }
    }

    static Set<String> nodeNames(JournalModel m) {
        return m.instances().stream().filter(i -> "node".equals(i.get("role")))
                .map(i -> String.valueOf(i.get("name"))).collect(Collectors.toSet());
    }

    static List<Item> of(JournalModel m, ReportStrings t) {
        Set<String> nodeNames = nodeNames(m);
        CheckpointTitles titles = new CheckpointTitles(t, nodeNames);
        List<Item> items = new ArrayList<>();
        boolean testing = false;
        Item group = null;
        for (JournalModel.Step s : m.leaves()) {
            boolean build = StepIds.isBringUp(s.name) || StepIds.isNodeStep(s.name, nodeNames);
            boolean teardown = StepIds.isTeardown(s.name);
            if (!testing && build) {
                items.add(single(sectionOf(s.name), titles.title(s.name), s));
                continue;
            }
            testing = true;
            if (build && s.start != null || teardown) {
                Run run = build ? Run.REBUILD : StepIds.hasArgument(s.name, StepIds.DESTROY) ? Run.DESTROY : Run.STOP;
                if (group == null || group.run != run) {
                    group = new Item("testing");
                    group.run = run;
                    items.add(group);
                }
                group.steps.add(s);
                continue;
            }
            if (SUMMARY_RECORDS.contains(s.name) && s.start == null && group != null && group.run == Run.REBUILD) {
                group.steps.add(s);
                group.title = titles.title(s.name);
                group.run = null;
                group = null;
                continue;
            }
            group = null;
            items.add(single("testing", titles.title(s), s));
        }
        for (Item it : items) {
            if (it.run == Run.REBUILD) it.title = t.tr(it.run.key());
            else if (it.run != null) it.title = t.tr(it.run.key(), it.steps.stream().map(s -> StepIds.argument(s.name)).collect(Collectors.joining(", ")));
        }
        return items;
    }

    private static Item single(String section, String title, JournalModel.Step s) {
        Item it = new Item(section);
        it.title = title;
        it.steps.add(s);
        return it;
    }

    private static String sectionOf(String step) {
        switch (step) {
            case StepIds.PROVISION: case StepIds.PREFLIGHT: return "preparation";
            case StepIds.INSTALL: return "installation";
            case StepIds.MONITOR: return "monitor";
            default: return "nodes";
        }
    }
}
