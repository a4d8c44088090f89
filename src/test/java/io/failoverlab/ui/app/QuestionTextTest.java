package io.failoverlab.ui.app;

import io.failoverlab.lab.RussianMessagesTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every confirmation the window asks, title and text, in both languages: no placeholder left
 * unfilled ("Остановить {0}?" on the projector), no apostrophe lost, and the Russian without English.
 */
class QuestionTextTest {
    @Test
    void everyConfirmationIsFilledIn() throws Exception {
        List<String> bad = new ArrayList<>();
        for (Locale l : Messages.LANGUAGES) {
            Messages m = Messages.of(l);
            for (String key : RussianMessagesTest.keys("/io/failoverlab/ui/messages.properties")) {
                if (!key.startsWith("confirm.") || !key.endsWith(".title")) continue;
                String textKey = key.replaceFirst("\\.title$", ".text");
                Question q = new Question(key, textKey, "node2", "lab-7", "node3", "x", "y");
                for (String shown : List.of(q.title(m), q.text(m))) {
                    if (RussianMessagesTest.UNFILLED.matcher(shown).find() || shown.startsWith("!")) bad.add(l + " " + key + ": " + shown);
                    if (l.getLanguage().equals("ru")) RussianMessagesTest.problems(key, shown).forEach(bad::add);
                }
            }
        }
        assertEquals(List.of(), bad, String.join("\n", bad));
        assertEquals("Stop node2?", new Question("confirm.node-stop.title", "confirm.node-stop.text", "node2", "lab").title(Messages.of(Locale.ENGLISH)));
        assertEquals("Остановить node2?", new Question("confirm.node-stop.title", "confirm.node-stop.text", "node2", "lab")
                .title(Messages.of(Locale.forLanguageTag("ru"))));
        assertEquals("Kill the primary's Postgres?", new Question("confirm.kill-postgres.title", "confirm.kill-postgres.text", "lab")
                .title(Messages.of(Locale.ENGLISH)), "a plain title keeps its apostrophe");
    }
}
