package io.failoverlab.lab;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A lone apostrophe in a MessageFormat pattern starts a quoted run: the rest of the text loses its
 * apostrophes and its placeholders ("a machines lab's machines … {1}" printed "{1}" to a student).
 * Patterns MessageFormat runs on must write an apostrophe as ''. The lab's messages always go
 * through it; the window's and the report's only when they take arguments.
 */
class MessageQuotesTest {

    @Test
    void apostrophesInFormattedPatternsAreDoubled() throws IOException {
        List<String> bad = new ArrayList<>();
        for (String f : List.of("/io/failoverlab/lab/msg.properties", "/io/failoverlab/lab/msg_ru.properties")) bad.addAll(lone(f, false));
        for (String f : List.of("/io/failoverlab/ui/messages.properties", "/io/failoverlab/ui/messages_ru.properties",
                "/io/failoverlab/report/report.properties", "/io/failoverlab/report/report_ru.properties")) {
            bad.addAll(lone(f, true));
        }
        assertEquals(List.of(), bad, String.join("\n", bad));
    }

    /** "file key: pattern" for each pattern with an apostrophe that is not doubled. */
    private static List<String> lone(String resource, boolean onlyWithArguments) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageQuotesTest.class.getResourceAsStream(resource)) {
            if (in == null) return List.of();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> out = new ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            String v = p.getProperty(key);
            if (onlyWithArguments && !v.matches("(?s).*\\{\\d.*")) continue;
            if (v.replace("''", "").contains("'")) out.add(resource + " " + key + ": " + v);
        }
        return out;
    }
}
