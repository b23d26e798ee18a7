package dev.pricefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The command line is a user of the library: it needs only the public API (and the SPI), never the runtime. */
class PublicApiOnlyTest {

    @Test
    @DisplayName("no source of the command line imports dev.pricefeed.runtime")
    void noRuntimeImports() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            List<Path> offenders = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return Files.readString(f).contains("dev.pricefeed.runtime");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertThat(offenders).isEmpty();
        }
    }
}
