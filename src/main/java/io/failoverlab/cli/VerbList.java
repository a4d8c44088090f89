package io.failoverlab.cli;

import picocli.CommandLine;

import java.util.List;
import java.util.Map;

/** The root help's list of verbs: each verb's synopsis (from Usage.properties) and the first line of its description. */
final class VerbList {
    private static final int WIDTH = 44;

    private VerbList() { }

    /** The root's sections: what it is, the verbs, then the common options. */
    static void install(CommandLine root) {
        root.getCommandSpec().usageMessage().sectionKeys(List.of(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER_HEADING,
                CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING,
                CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
                CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING,
                CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
                CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER));
        java.util.Map<String, CommandLine.IHelpSectionRenderer> m = new java.util.LinkedHashMap<>(root.getCommandSpec().usageMessage().sectionMap());
        m.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, VerbList::render);
        root.getCommandSpec().usageMessage().sectionMap(m);
    }

    static String render(CommandLine.Help help) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, CommandLine.Help> e : help.subcommands().entrySet()) {
            CommandLine.Model.UsageMessageSpec u = e.getValue().commandSpec().usageMessage();
            String syn = u.customSynopsis().length > 0 ? u.customSynopsis()[0].replaceFirst("^Usage:\\s*", "").strip() : e.getKey();
            String what = u.description().length > 0 ? u.description()[0] : "";
            if (syn.length() > WIDTH) sb.append("  ").append(syn).append('\n').append(" ".repeat(WIDTH + 3)).append(what).append('\n');
            else sb.append(String.format("  %-" + WIDTH + "s %s%n", syn, what));
        }
        return sb.toString();
    }
}
