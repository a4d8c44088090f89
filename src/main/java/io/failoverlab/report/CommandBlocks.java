package io.failoverlab.report;

import io.failoverlab.lab.Msg;
import io.failoverlab.lab.MsgData;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A step's journal lines split in two: the commands a person would type, each with its output,
 * and the technical details (the app's own probes, marked PROBE where they ran, with their
 * output, and the app's notes). An output line follows the last command of its source, as the
 * shells log them (docs/architecture.md, *Data flow*).
 */
final class CommandBlocks {
    final StringBuilder person = new StringBuilder();
    final StringBuilder technical = new StringBuilder();
    int personCommands;
    int probes;

    static CommandBlocks of(List<JournalEntry> lines, UnaryOperator<String> clean, Locale language) {
        CommandBlocks b = new CommandBlocks();
        Map<String, Boolean> probing = new HashMap<>();
        for (JournalEntry e : lines) {
            if (e.kind() == null) continue;
            String text = clean.apply(e.text());
            String src = e.source() == null ? "" : e.source();
            switch (e.kind()) {
                case CMD -> {
                    boolean probe = isProbe(e);
                    probing.put(src, probe);
                    if (probe) b.probes++;
                    else b.personCommands++;
                    (probe ? b.technical : b.person).append(text).append('\n');
                }
                case NOTE -> b.technical.append("# ").append(note(e, text, clean, language)).append('\n');
                default -> {
                    boolean probe = "app".equals(src) || probing.getOrDefault(src, true);
                    // the app's own outcome lines ("step preflight failed: …") kept as data read in the report's language
                    String shown = "ERROR".equals(e.level()) ? shellEnd(note(e, text, clean, language), language) : note(e, text, clean, language);
                    (probe ? b.technical : b.person).append("ERROR".equals(e.level()) ? "! " : "").append(shown).append('\n');
                }
            }
        }
        return b;
    }

    /** Marked where it ran; an upload ("write …") is plumbing too, also in journals made before the mark. */
    static boolean isProbe(JournalEntry cmd) {
        return "PROBE".equals(cmd.level()) || cmd.text() != null && cmd.text().startsWith("write ");
    }

    private static final Pattern EXIT = Pattern.compile("exit code (-?\\d+)");
    private static final Pattern TIMED_OUT = Pattern.compile("timed out after (\\d+) s");

    /** How a command ended, as the shell's log says it ("exit code 1"), in the report's language. */
    static String shellEnd(String text, Locale language) {
        if (text == null) return "";
        Matcher m = EXIT.matcher(text);
        if (m.matches()) return ReportStrings.of(language).tr("shell.exitCode", m.group(1));
        m = TIMED_OUT.matcher(text);
        if (m.matches()) return ReportStrings.of(language).tr("shell.timedOut", m.group(1));
        return text;
    }

    /** A note or outcome line kept as data reads in the report's language; an older one as it was written. */
    private static String note(JournalEntry e, String text, UnaryOperator<String> clean, Locale language) {
        Msg m = e.data() == null ? null : MsgData.fromData(e.data().get("msg"));
        return m == null ? text : clean.apply(m.render(language));
    }
}
