package io.failoverlab.lab;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names lab steps go by, defined once. The producers (the bring-up and teardown in engine,
 * the operations, the seed scenario) name their steps with these ids and the report recognises
 * them by the same ids. A step's name is its id, or its id, a space and an argument
 * ("stop-node node2", "kill-primary vm"); a data node's bring-up step is named after the node.
 * The journal keeps names as text, so these strings are part of its format: old journals must
 * still read, so never change one.
 */
public final class StepIds {
    private StepIds() { }

    // the bring-up (engine.ClusterBuilder), in order; then one step per data node, named after it
    public static final String PROVISION = "provision";
    public static final String PREFLIGHT = "preflight";
    public static final String INSTALL = "install";
    public static final String MONITOR = "monitor";
    public static final String VERIFY = "verify";

    // the teardown (LabEngine.down): "stop <instance>", "destroy <instance>"
    public static final String STOP = "stop";
    public static final String DESTROY = "destroy";

    // operations (ops): the id, or the id and its argument
    public static final String SWITCHOVER = "switchover";
    public static final String FAILOVER = "failover";
    public static final String KILL_PRIMARY = "kill-primary";
    public static final String STOP_NODE = "stop-node";
    public static final String START_NODE = "start-node";
    public static final String STOP_MONITOR = "stop-monitor";
    public static final String START_MONITOR = "start-monitor";
    public static final String DROP_NODE = "drop-node";
    public static final String ADD_NODE = "add-node";
    public static final String MAINTENANCE = "maintenance";
    public static final String PROMOTE = "promote";
    public static final String DATACHECK = "datacheck";
    public static final String PROFILE = "profile";
    public static final String HEAL = "heal";
    public static final String PARTITION = "partition";
    public static final String SET = "set";
    public static final String REPLACE_MONITOR = "replace-monitor";
    public static final String KILL_MONITOR = "kill-monitor";

    // kill-primary's modes that the report tells apart (ops.KillPrimary.Mode, lower case)
    public static final String KILL_POSTGRES = KILL_PRIMARY + " postgres";
    public static final String KILL_NODE = KILL_PRIMARY + " node";
    public static final String KILL_VM = KILL_PRIMARY + " vm";

    // the seed scenario's own steps (results recorded without a start)
    public static final String UP = "up";
    public static final String REJOIN = "rejoin";
    public static final String REJOIN_KILLED_NODE = REJOIN + " killed node";
    public static final String VERIFY_WRITES = VERIFY + " writes";
    public static final String SCENARIO = "scenario";

    /** The engine's bring-up and the scenario's summary of it; node steps are recognised apart. */
    public static final Set<String> BRING_UP = Set.of(PROVISION, PREFLIGHT, INSTALL, MONITOR, VERIFY, UP);

    /** Steps that run before a monitor exists: no state can be read after them. */
    public static final Set<String> BEFORE_MONITOR = Set.of(PROVISION, PREFLIGHT, INSTALL);

    /** The window's Build lab: the frame of a bring-up, where a run of the lab begins (report.JournalRuns). */
    public static final String BUILD_LAB = "build lab";

    /** The window runs several steps in a frame named "build lab", "stop lab", "destroy lab". */
    private static final String FRAME_SUFFIX = " lab";

    /** How LabSpec names data nodes: what recognises a node's step when the lab's own names are not known. */
    private static final Pattern DEFAULT_NODE_NAME = Pattern.compile("node\\d+");

    /** Step names a person reads in the log that are words, not commands: said in the reader's language. */
    private static final Set<String> SAID = Set.of(BUILD_LAB, "stop lab", "destroy lab", PROVISION, PREFLIGHT, INSTALL, MONITOR, VERIFY);

    /**
     * How a log line or outcome names a step: a message for the names that are words ("build lab",
     * "preflight"), the name itself for commands and node names ("switchover", "stop-node node2").
     */
    public static Object display(String name) {
        return name != null && SAID.contains(name) ? Msg.of("stepname." + name.replace(' ', '-')) : name;
    }

    /** A step name made of an id and its argument. */
    public static String named(String id, String argument) {
        return id + " " + argument;
    }

    /** The id of a step name: its first word. */
    public static String id(String name) {
        int sp = name.indexOf(' ');
        return sp < 0 ? name : name.substring(0, sp);
    }

    /** What follows the id ("" when nothing does). */
    public static String argument(String name) {
        int sp = name.indexOf(' ');
        return sp < 0 ? "" : name.substring(sp + 1);
    }

    /** The name has this id and an argument ("stop node1" for STOP). */
    public static boolean hasArgument(String name, String id) {
        return name.startsWith(id + " ");
    }

    /** The name is this id, alone or with an argument. */
    public static boolean is(String name, String id) {
        return name.equals(id) || hasArgument(name, id);
    }

    public static boolean isBringUp(String name) {
        return BRING_UP.contains(name);
    }

    /** A data node's bring-up step: one of the lab's node names, or a default node name. */
    public static boolean isNodeStep(String name, Set<String> nodeNames) {
        // the default names also count: a journal written before instances were recorded names none
        return nodeNames.contains(name) || DEFAULT_NODE_NAME.matcher(name).matches();
    }

    /** The teardown of one instance: "stop X" or "destroy X". */
    public static boolean isTeardown(String name) {
        return hasArgument(name, STOP) || hasArgument(name, DESTROY);
    }

    /** A frame that only runs other steps (the window's "build lab"). */
    public static boolean isFrame(String name) {
        return name.endsWith(FRAME_SUFFIX);
    }
}
