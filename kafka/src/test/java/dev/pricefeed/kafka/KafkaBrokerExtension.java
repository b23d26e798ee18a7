package dev.pricefeed.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link KafkaBroker} per test class, in a temporary folder deleted afterwards:
 * {@code @RegisterExtension static final KafkaBrokerExtension broker = new KafkaBrokerExtension();}.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback {

    private Path dir;
    private KafkaBroker broker;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("pricefeed-kafka-");
        broker = KafkaBroker.start(dir);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (broker != null) {
            broker.close();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Stops the broker, keeping its port and data. */
    public void stop() {
        broker.stop();
    }

    /** Starts the stopped broker again on the same port with the same data. */
    public void restart() {
        broker.restart();
    }
}
