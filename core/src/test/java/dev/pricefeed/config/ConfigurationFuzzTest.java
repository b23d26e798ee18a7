package dev.pricefeed.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Fuzzes the configuration path a user's {@code pricefeed.properties} takes: the file's bytes are read and every
 * setting validated; the only way out besides a valid configuration is one {@link ConfigException} listing the
 * problems. The bytes reach {@link ConfigSources.Builder#file(String, Reader)}, the code {@code file(Path)} runs once
 * the file is open, through the same strict UTF-8 decoder, so no file is written per input.
 */
class ConfigurationFuzzTest {

    @FuzzTest(maxDuration = "30m", maxExecutions = 10_000_000)
    void resolve(byte[] file) {
        // a reader like Files.newBufferedReader's: malformed UTF-8 is an error (MalformedInputException), not U+FFFD
        Reader reader = new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8.newDecoder());
        ConfigSources sources = ConfigSources.builder().file("pricefeed.properties", reader).environment(Map.of())
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
