package dev.pricefeed.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real single-node Kafka (KRaft, broker and controller in one) in a child JVM on 127.0.0.1, started from the Maven
 * artifacts on the test class path: ephemeral ports, a log folder of its own, its log in a file there. It can be
 * stopped and started again on the same port and folder; {@link #close()} stops it for good.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Path dir;
    private final Path logDir;
    private final Path properties;
    private final int port;
    private final String clusterId;
    private Process process;
    private int starts;

    private KafkaBroker(Path dir, Map<String, String> extra) throws IOException {
        this.dir = dir;
        this.logDir = dir.resolve("data");
        this.port = freePort();
        int controllerPort = freePort();
        // 22 characters of URL-safe base64, as KRaft wants; fixed, as only this one node ever joins
        this.clusterId = "cHJpY2VmZWVkLWthZmthLg";
        Properties server = new Properties();
        server.put("process.roles", "broker,controller");
        server.put("node.id", "1");
        server.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        server.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        server.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        server.put("controller.listener.names", "CONTROLLER");
        server.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        server.put("inter.broker.listener.name", "PLAINTEXT");
        server.put("log.dirs", logDir.toString());
        server.put("offsets.topic.replication.factor", "1");
        server.put("offsets.topic.num.partitions", "1");
        server.put("transaction.state.log.replication.factor", "1");
        server.put("transaction.state.log.min.isr", "1");
        server.put("share.coordinator.state.topic.replication.factor", "1");
        server.put("share.coordinator.state.topic.min.isr", "1");
        server.put("group.initial.rebalance.delay.ms", "0");
        server.put("num.partitions", "1");
        server.put("auto.create.topics.enable", "false");
        server.putAll(extra);
        this.properties = dir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(properties, StandardCharsets.UTF_8)) {
            server.store(out, "single-node test broker");
        }
    }

    /** Starts a broker with its data in {@code dir}. */
    public static KafkaBroker start(Path dir) {
        return start(dir, Map.of());
    }

    /** Starts a broker with extra server settings. */
    public static KafkaBroker start(Path dir, Map<String, String> extra) {
        try {
            KafkaBroker broker = new KafkaBroker(dir, extra);
            broker.startProcess();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Stops the broker (as a SIGTERM would: a clean shutdown), keeping its port and data for {@link #restart()}. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    /** Starts the stopped broker again on the same port with the same data. */
    public synchronized void restart() {
        try {
            startProcess();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void startProcess() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // whichever SLF4J backend the test class path has (slf4j-simple here, logback in the distribution): warnings
        Path logback = dir.resolve("logback.xml");
        Files.writeString(logback, "<configuration><appender name=\"OUT\" "
                + "class=\"ch.qos.logback.core.ConsoleAppender\"><encoder><pattern>%d %-5level %logger: %msg%n"
                + "</pattern></encoder></appender><root level=\"WARN\"><appender-ref ref=\"OUT\"/></root>"
                + "</configuration>", StandardCharsets.UTF_8);
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Xms64m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                // the broker logs through SLF4J to slf4j-simple; warnings only, into the file below
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.logFile=System.out",
                "-Dlogback.configurationFile=" + logback,
                "-cp", classPath, BrokerMain.class.getName(),
                properties.toString(), logDir.toString(), clusterId));
        Path log = dir.resolve("broker-" + starts++ + ".log");
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        awaitReady(log);
    }

    private void awaitReady(Path log) throws IOException {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try (Admin client = Admin.create(admin)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the Kafka broker exited with " + process.exitValue() + ":\n"
                            + Files.readString(log));
                }
                try {
                    client.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        stop();
                        throw new IllegalStateException("the Kafka broker did not answer within " + START_TIMEOUT
                                + ":\n" + Files.readString(log), e);
                    }
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
