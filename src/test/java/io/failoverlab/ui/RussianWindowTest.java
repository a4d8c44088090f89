package io.failoverlab.ui;

import io.failoverlab.ui.actions.Actions;
import io.failoverlab.ui.console.ConsoleWindow;
import io.failoverlab.ui.session.LabSession;
import io.failoverlab.ui.app.Messages;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.ResourceLock;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.NodeState;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Russian window speaks Russian: after each operation result the window can show (every
 * op.* message of lab/msg, fed as an OperationResult the way the controller shows one), no
 * visible label, cell or status text holds a run of three or more English words (EnglishRuns).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
@ResourceLock("display")
class RussianWindowTest {
    @TempDir
    static Path dir;
    LabSession session;
    ConsoleWindow window;

    @Start
    void start(Stage stage) {
        session = new LabSession(TestWindows.idleLab(dir, "ru-window"));
        window = TestWindows.console(stage, session, dir.resolve("console.json"), 1366, 768);
        window.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

    @Test
    void theCheckerFindsEnglish() {
        Msg m = Msg.of("op.killPostgres.notRestarted", "48213", "node2", new Msg.Action("kill-node", "kill-primary --mode node"));
        assertFalse(EnglishRuns.runs(m.english()).isEmpty(), "the English text is found");
        assertEquals(List.of(), EnglishRuns.runs(Messages.of(Locale.forLanguageTag("ru")).msg(m)));
        assertEquals(List.of(), EnglishRuns.runs("node2: secondary → wait_primary, pg_autoctl perform switchover"), "allowed words");
    }

    @Test
    void noEnglishAfterAnyOperationResult(FxRobot robot) throws Exception {
        robot.interact(() -> window.setLanguage(Locale.forLanguageTag("ru")));
        session.offerSnapshot(Snapshots.of(Instant.now(),
                Snapshots.node("node1", 1, 6001, NodeState.SECONDARY, NodeState.SECONDARY),
                Snapshots.node("node2", 2, 6002, NodeState.WAIT_PRIMARY, NodeState.PRIMARY)));
        Thread.sleep(800);
        String atStart = FxWait.onFx(() -> EnglishRuns.problems(window.scene().getRoot()));
        assertEquals("", atStart, "before any action");
        List<String> problems = new ArrayList<>();
        for (String key : opKeys()) {
            Msg msg = sample(key);
            robot.interact(() -> ProjectorLayoutTest.showResult(window, actionFor(key), "op " + key, msg));
            String found = FxWait.onFx(() -> EnglishRuns.problems(window.scene().getRoot()));
            if (!found.isEmpty()) problems.add(key + ":\n" + found);
            String last = FxWait.onFx(() -> ((javafx.scene.control.Label) window.scene().lookup("#status-last")).getText());
            String rendered = Messages.of(Locale.forLanguageTag("ru"), Actions.standard()::groupOf).msg(msg);
            assertTrue(last.contains(rendered), key + ": the status bar shows " + last);
            assertTrue(FxWait.onFx(() -> EnglishRuns.visibleTexts(window.scene().getRoot()).contains(rendered)),
                    key + ": the checker reads the last action's explanation");
        }
        assertEquals("", String.join("\n", problems));
        // the same window in English is what the checker is there to catch
        robot.interact(() -> window.setLanguage(Locale.ENGLISH));
        assertFalse(FxWait.onFx(() -> EnglishRuns.problems(window.scene().getRoot())).isEmpty(), "English found in the English window");
    }

    static TreeSet<String> opKeys() throws Exception {
        Properties p = new Properties();
        try (InputStream in = RussianWindowTest.class.getResourceAsStream("/io/failoverlab/lab/msg.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        TreeSet<String> keys = new TreeSet<>();
        for (String k : p.stringPropertyNames()) if (k.startsWith("op.") && !k.startsWith("op.datacheck.") || k.equals("op.datacheck.done")) keys.add(k);
        assertTrue(keys.size() > 15, keys::toString);
        return keys;
    }

    /** Which argument of a message is advice to run an action (as the operations build them). */
    static final java.util.Map<String, Integer> ACTION_ARG = java.util.Map.of("op.killPostgres.restarted", 3, "op.killPostgres.notRestarted", 2,
            "op.killNode.done", 4, "op.stopNode.primary", 3, "op.dropNode.single", 4, "op.dropNode.singleTookOver", 4);

    /** The message with made-up arguments of the right kinds: numbers where the pattern formats one, names, a state path, an action. */
    static Msg sample(String key) {
        if (key.equals("op.datacheck.done")) {
            return Msg.of(key, Msg.of("op.datacheck.created", "ha_test", 1_000_000.0, "node2"),
                    Msg.of("op.datacheck.inserted", 10, 1_000_001, 1_000_010), Msg.of("op.datacheck.same"));
        }
        if (key.equals("op.failover.switchover")) {
            return Msg.of(key, Msg.of("op.switchover.done", "node1", "node2", 1.2, 2.5, 6.9));
        }
        String pattern = ResourceText.en(key);
        Format[] formats = new MessageFormat(pattern, Locale.ROOT).getFormatsByArgumentIndex();
        List<Object> args = new ArrayList<>();
        String[] names = {"node2", "node1", "secondary → wait_primary", "node1 secondary, node2 primary", "node3"};
        for (int i = 0; i < formats.length; i++) {
            if (Integer.valueOf(i).equals(ACTION_ARG.get(key))) args.add(new Msg.Action("node-start", "start-node node2"));
            else if (formats[i] instanceof NumberFormat || pattern.contains("{" + i + "} s")) args.add(0.51 + i);
            else args.add(names[i % names.length]);
        }
        return Msg.of(key, args.toArray());
    }

    private static String actionFor(String key) {
        if (key.startsWith("op.killPostgres")) return "kill-postgres";
        if (key.startsWith("op.killNode")) return "kill-node";
        if (key.startsWith("op.stopNode")) return "node-stop";
        if (key.startsWith("op.startNode")) return "node-start";
        if (key.startsWith("op.dropNode")) return "node-drop";
        if (key.startsWith("op.addNode")) return "node-readd";
        if (key.startsWith("op.maintenance")) return key.endsWith("off") ? "node-maintenanceOff" : "node-maintenanceOn";
        if (key.startsWith("op.failover")) return "failover";
        if (key.startsWith("op.datacheck")) return "datacheck";
        return "switchover";
    }

    /** The English pattern of a key (to see which arguments it formats as numbers). */
    static final class ResourceText {
        private ResourceText() { }

        static String en(String key) { return new io.failoverlab.lab.Texts(Msg.BUNDLE, Locale.ENGLISH).pattern(key); }
    }
}
