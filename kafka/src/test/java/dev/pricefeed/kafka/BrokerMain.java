package dev.pricefeed.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The main class of the child JVM that {@link KafkaBroker} starts: formats the log folder on the first start (KRaft
 * needs a cluster id in it), then runs Kafka's own {@code kafka.Kafka}. It ends itself when its standard input
 * closes, so a test JVM that dies cannot leave a broker behind.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    /**
     * Runs the broker.
     *
     * @param args the server.properties file, the log folder, and the cluster id
     */
    public static void main(String[] args) throws IOException {
        Path properties = Path.of(args[0]);
        Path logDir = Path.of(args[1]);
        String clusterId = args[2];
        Thread watchdog = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // nothing is sent: read only to notice the parent closing the pipe
                    continue;
                }
            } catch (IOException e) {
                System.err.println("broker watchdog: standard input failed: " + e);
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            int code = kafka.tools.StorageTool.execute(
                    new String[] {"format", "-t", clusterId, "-c", properties.toString(), "--ignore-formatted"},
                    System.out);
            if (code != 0) {
                System.err.println("formatting " + logDir + " failed with " + code);
                Runtime.getRuntime().halt(2);
            }
        }
        kafka.Kafka.main(new String[] {properties.toString()});
    }
}
