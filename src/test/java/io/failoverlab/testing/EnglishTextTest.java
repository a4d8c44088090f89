package io.failoverlab.testing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The English finder really finds an English sentence, and lets commands, names and states through. */
class EnglishTextTest {
    @Test
    void anEnglishSentenceIsFound() {
        assertEquals(List.of("The monitor refused to promote node1"), EnglishText.runs("The monitor refused to promote node1"));
        assertFalse(EnglishText.runs("Монитор недоступен: the connection was refused by the host").isEmpty(), "English after Russian");
        assertFalse(EnglishText.problems(EnglishText.prose("## Итог\n\nCannot write the report to /proc/nope.\n")).isEmpty(),
                "an English sentence in a report's prose");
    }

    @Test
    void commandsNamesAndStatesAreNotEnglishSentences() {
        assertEquals(List.of(), EnglishText.runs("Переключение (pg_autoctl perform switchover): node2 primary, node1 secondary"));
        assertEquals(List.of(), EnglishText.runs("задаётся для формации: `set formation number-sync-standbys N`"), "a command in backticks");
        assertEquals(List.of(), EnglishText.problems(EnglishText.prose(
                "Команды:\n\n```console\npostgres$ pg_autoctl create monitor --pgdata /x\nUsing default --ssl-mode require\n```\n"
                        + "Текст с `inline code that is English` внутри.\n")), "code and its output are the hosts' words");
    }
}
