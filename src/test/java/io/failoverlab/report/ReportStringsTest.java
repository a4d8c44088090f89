package io.failoverlab.report;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both report bundles carry the same keys, and every literal key the report code asks for exists. */
class ReportStringsTest {
    static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = ReportStringsTest.class.getResourceAsStream("/io/failoverlab/report/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndRussianHaveTheSameKeys() throws Exception {
        Set<String> en = new TreeSet<>(load("report.properties").stringPropertyNames());
        Set<String> ru = new TreeSet<>(load("report_ru.properties").stringPropertyNames());
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(ru);
        Set<String> onlyRu = new TreeSet<>(ru);
        onlyRu.removeAll(en);
        assertEquals(Set.of(), onlyEn, "keys missing in report_ru.properties");
        assertEquals(Set.of(), onlyRu, "keys missing in report.properties");
    }

    @Test
    void everyKeyTheCodeUsesExists() throws Exception {
        Set<String> en = load("report.properties").stringPropertyNames();
        Pattern tr = Pattern.compile("t\\.tr\\(\"([a-z][A-Za-z0-9.-]*[A-Za-z0-9])\"\\s*[,)]");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/io/failoverlab/report"))) {
            for (Path f : files.toList()) {
                Matcher m = tr.matcher(Files.readString(f));
                while (m.find()) if (!en.contains(m.group(1))) missing.add(m.group(1));
            }
        }
        assertEquals(Set.of(), missing);
        for (String section : ReportWriter.SECTIONS) assertTrue(en.contains("section." + section), section);
    }
}
