package dev.pricefeed.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Fuzzes the configuration path a user's {@code pricefeed.properties} takes: the file is read and every setting
 * validated; the only way out besides a valid configuration is one {@link ConfigException} listing the problems.
 */
class ConfigurationFuzzTest {

    private static final Path FILE = createFile();

    private static Path createFile() {
        try {
            Path file = Files.createTempFile("pricefeed-fuzz", ".properties");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "90s")
    void resolve(byte[] file) throws IOException {
        Files.write(FILE, file);
        ConfigSources sources = ConfigSources.builder().file(FILE).environment(Map.of())
                .systemProperties(new Properties()).build();
        try {
            FeedConfig config = FeedConfig.resolve("kraken", List.of("BTC/USD"), Set.of(), sources);
            if (config.reconnectDelay() == null || config.exchange() == null) {
                throw new AssertionError("a resolved configuration without its settings: " + config);
            }
        } catch (ConfigException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("a configuration error that does not say what is wrong", e);
            }
        }
    }
}
