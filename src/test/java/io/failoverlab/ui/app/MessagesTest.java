package io.failoverlab.ui.app;

import io.failoverlab.ui.actions.Actions;
import io.failoverlab.ui.actions.Confirmation;
import io.failoverlab.ui.actions.ConsoleAction;
import io.failoverlab.ui.actions.InstallCheck;
import io.failoverlab.ui.nodes.NodeRow;
import io.failoverlab.ui.nodes.NodeTable;
import io.failoverlab.ui.steps.StepState;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both bundles carry the same keys, and every key the window uses is in them. */
class MessagesTest {
    static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/io/failoverlab/ui/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndRussianHaveTheSameKeys() throws Exception {
        Set<String> en = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> ru = new TreeSet<>(load("messages_ru.properties").stringPropertyNames());
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(ru);
        Set<String> onlyRu = new TreeSet<>(ru);
        onlyRu.removeAll(en);
        assertEquals(Set.of(), onlyEn, "keys missing in messages_ru.properties");
        assertEquals(Set.of(), onlyRu, "keys missing in messages.properties");
    }

    @Test
    void everyKeyTheCodeNamesExists() throws Exception {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        Pattern literal = Pattern.compile("(?<!Msg\\.)(?:tr|Question|of|always)\\(\\s*\"([a-zA-Z]\\w*(?:\\.\\w+)+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/failoverlab/ui"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) used.add(m.group(1));
            }
        }
        // keys built from enums and registries
        for (StepState s : StepState.values()) used.add("step.state." + s.name().toLowerCase(Locale.ROOT));
        for (NodeRow.Role r : NodeRow.Role.values()) used.add("role." + r.name().toLowerCase(Locale.ROOT));
        for (var c : io.failoverlab.lab.NodeState.Connection.values()) used.add("conn." + c.name().toLowerCase(Locale.ROOT));
        for (var h : io.failoverlab.lab.NodeStatus.Health.values()) used.add("health." + h.name().toLowerCase(Locale.ROOT));
        for (var l : io.failoverlab.lab.LogLine.Level.values()) used.add("level." + l.name().toLowerCase(Locale.ROOT));
        for (Locale l : Messages.LANGUAGES) used.add("language." + l.getLanguage());
        for (ConsoleAction a : Actions.standard().all()) {
            used.add(a.labelKey());
            if (a.confirmation() != Confirmation.NONE && !(a.confirmation() instanceof InstallCheck)) {
                used.add("confirm." + a.id() + ".title");
                used.add("confirm." + a.id() + ".text");
            }
        }
        assertTrue(used.size() > 50, "found " + used.size() + " keys; the scan looks broken");
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(keys);
        assertEquals(Set.of(), missing, "keys used by the window but missing in the bundles");
    }

    static Properties loadMsg(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/io/failoverlab/lab/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** Messages as data (lab/Msg): the same keys in both languages, each using the same arguments. */
    @Test
    void msgBundlesHaveTheSameKeysAndArguments() throws Exception {
        Properties en = loadMsg("msg.properties");
        Properties ru = loadMsg("msg_ru.properties");
        Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
        onlyEn.removeAll(ru.stringPropertyNames());
        Set<String> onlyRu = new TreeSet<>(ru.stringPropertyNames());
        onlyRu.removeAll(en.stringPropertyNames());
        assertEquals(Set.of(), onlyEn, "keys missing in lab/msg_ru.properties");
        assertEquals(Set.of(), onlyRu, "keys missing in lab/msg.properties");
        Pattern arg = Pattern.compile("\\{(\\d+)[,}]");
        for (String k : en.stringPropertyNames()) {
            assertEquals(args(arg, en.getProperty(k)), args(arg, ru.getProperty(k)), "arguments of " + k + " differ between the languages");
            new java.text.MessageFormat(ru.getProperty(k)); // parses
        }
    }

    private static Set<String> args(Pattern arg, String pattern) {
        Set<String> s = new TreeSet<>();
        Matcher m = arg.matcher(pattern);
        while (m.find()) s.add(m.group(1));
        return s;
    }

    /** Every Msg.of("key") the code builds, and the keys the window builds from states and columns, are in the bundles. */
    @Test
    void everyMsgKeyAndStateMeaningExists() throws Exception {
        Set<String> keys = loadMsg("msg.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        Pattern literal = Pattern.compile("Msg\\.of\\(\\s*(?:[^\";]*?\\?\\s*)?\"([a-zA-Z]\\w*(?:\\.\\w+)+)\"(?:\\s*:\\s*\"([a-zA-Z]\\w*(?:\\.\\w+)+)\")?");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/failoverlab"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                    if (m.group(2) != null) used.add(m.group(2));
                }
            }
        }
        assertTrue(used.size() > 20, "found " + used.size() + " Msg keys; the scan looks broken");
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(keys);
        assertEquals(Set.of(), missing, "Msg keys built by the code but missing in lab/msg*.properties");
        Set<String> ui = load("messages.properties").stringPropertyNames();
        Set<String> built = new TreeSet<>();
        for (io.failoverlab.lab.NodeState st : io.failoverlab.lab.NodeState.values()) built.add("state." + st.id());
        for (String c : NodeTable.PRIORITY) built.add(c + ".tip");
        built.removeAll(ui);
        assertEquals(Set.of(), built, "state meanings or column tooltips missing in the window's bundles");
    }

    @Test
    void russianIsRussianAndEnglishIsTheFallback() {
        assertEquals("Собрать лабораторную", Messages.of(Locale.forLanguageTag("ru")).tr("action.build"));
        assertEquals("Build lab", Messages.of(Locale.ENGLISH).tr("action.build"));
        assertEquals("Build lab", Messages.of(Locale.GERMAN).tr("action.build"));
        assertEquals("Lab: demo", Messages.of(Locale.ENGLISH).tr("status.lab", "demo"));
        assertEquals("!no.such.key!", Messages.of(Locale.ENGLISH).tr("no.such.key"));
    }
}
