package io.failoverlab.ops;

import io.failoverlab.lab.Msg;
import io.failoverlab.testing.EnglishText;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an operation waits for is part of its timeout sentence: in Russian, no English phrase inside it. */
class WaitMessagesTest {
    @Test
    void everyWaitReadsInRussianInsideTheTimeoutSentence() throws Exception {
        Properties p = new Properties();
        try (var in = getClass().getResourceAsStream("/io/failoverlab/lab/msg.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> waits = p.stringPropertyNames().stream().filter(k -> k.startsWith("wait.")).sorted().toList();
        assertTrue(waits.size() >= 15, waits::toString);
        List<String> english = new ArrayList<>();
        for (String k : waits) {
            Msg timeout = Msg.of("op.convergence.timeout", 120, Msg.of(k, "node2"), "node1 primary, node2 secondary");
            String ru = timeout.render(Locale.forLanguageTag("ru"));
            if (!EnglishText.runs(ru).isEmpty()) english.add(k + ": " + ru);
        }
        assertEquals(List.of(), english);
        // and the checker sees the English one
        assertTrue(!EnglishText.runs(Msg.of("op.convergence.timeout", 120, Msg.of("wait.promoted", "node2"), "x").english()).isEmpty());
    }
}
