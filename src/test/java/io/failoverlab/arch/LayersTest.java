package io.failoverlab.arch;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** DESIGN.md: nothing outside the ui package imports javafx.*. */
class LayersTest {
    @Test
    void noJavaFxOutsideUi() throws Exception {
        Path root = Path.of("src/main/java/io/failoverlab");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !root.relativize(p).startsWith("ui"))
                    .filter(p -> {
                        try {
                            return Files.readString(p).matches("(?s).*import\\s+(static\\s+)?javafx\\..*");
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .map(Path::toString).toList();
        }
        assertEquals(List.of(), offenders);
    }
}
