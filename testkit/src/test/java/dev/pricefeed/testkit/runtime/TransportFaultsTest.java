package dev.pricefeed.testkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.FeedEvent;
import dev.pricefeed.FeedState;
import dev.pricefeed.Instrument;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.config.Setting;
import dev.pricefeed.testkit.EmulatorConnection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every WebSocket transport must do with what a server may legally send: binary frames are counted and skipped
 * on the same connection, frames over the limit cost one reconnect and are reported as our close with their size, and
 * every close says who closed and why. Runs against each transport the runtime offers (the JDK one joins as soon as
 * the {@code websocket.transport} setting exists).
 */
class TransportFaultsTest {

    private static final Instrument BTC = Instrument.of("BTC/USD");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final TestSimulator simulator = new TestSimulator();
    private final List<FeedEvent> events = new CopyOnWriteArrayList<>();
    private PriceFeed feed;

    /** The transports to hold to these rules: the default one, and {@code jdk} once it can be chosen. */
    static Stream<String> transports() {
        List<String> transports = new ArrayList<>(List.of("default"));
        if (Arrays.stream(Setting.values()).anyMatch(s -> s.key().equals("websocket.transport"))) {
            transports.add("jdk");
        }
        return transports.stream();
    }

    @AfterEach
    void tearDown() {
        if (feed != null) {
            feed.close();
        }
        simulator.close();
    }

    private EmulatorConnection streaming(String transport) {
        PriceFeed.Builder builder = simulator.pointAt(PriceFeed.builder().exchange("test").instruments("BTC/USD")
                .environment(Map.of())
                .reconnectDelay(Duration.ofMillis(50))
                .maxReconnectDelay(Duration.ofMillis(200))
                // a 9.4 MB frame can take seconds to arrive on a loaded machine; silence is not what these tests probe
                .livenessTimeout(Duration.ofSeconds(20))
                .healthyAfter(Duration.ofSeconds(30)));
        if (!transport.equals("default")) {
            builder.set("websocket.transport", transport);
        }
        feed = builder.build();
        feed.onEvent(events::add);
        feed.start();
        await().atMost(WAIT).until(() -> simulator.tickerSubscriptions(BTC) >= 1);
        publishAndAwait("100.5");
        return simulator.server().connections().get(0);
    }

    private void publishAndAwait(String last) {
        await().atMost(WAIT).untilAsserted(() -> {
            simulator.publishTicker(BTC, last, "100.1", "100.9");
            assertThat(feed.cache().latest(BTC)).hasValueSatisfying(
                    tick -> assertThat(tick.last()).isEqualTo(new BigDecimal(last)));
        });
    }

    private List<String> errors() {
        return events.stream().filter(FeedEvent.Error.class::isInstance)
                .map(e -> ((FeedEvent.Error) e).message()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    @DisplayName("a binary frame is counted and skipped on the same connection, never a reconnect")
    void binaryFrameIsCountedAndSkipped(String transport) {
        EmulatorConnection connection = streaming(transport);

        connection.sendBinary(new byte[] {1, 2, 3, (byte) 0xff});
        connection.sendBinary(new byte[0]);

        await().atMost(WAIT).until(() -> feed.metrics().binaryFrames() == 2);
        publishAndAwait("101.5");
        assertThat(simulator.server().connectionsAccepted()).isEqualTo(1);
        assertThat(feed.metrics().reconnects()).isZero();
        assertThat(errors()).isEmpty();
        assertThat(feed.state()).isEqualTo(FeedState.STREAMING);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    @DisplayName("a connector's binary hook reads compressed payloads: a gzip ticker frame becomes a tick")
    void binaryHookReadsCompressedFrames(String transport) throws IOException {
        EmulatorConnection connection = streaming(transport);
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            out.write("{\"type\":\"tick\",\"symbol\":\"BTC/USD\",\"last\":\"106.25\",\"bid\":\"106.2\",\"ask\":\"106.3\"}"
                    .getBytes(StandardCharsets.UTF_8));
        }

        connection.sendBinary(gzip.toByteArray());

        await().atMost(WAIT).untilAsserted(() -> assertThat(feed.cache().latest(BTC)).hasValueSatisfying(
                tick -> assertThat(tick.last()).isEqualTo(new BigDecimal("106.25"))));
        assertThat(feed.metrics().binaryFrames()).isEqualTo(1);
        assertThat(feed.metrics().parseErrors()).isZero();
        assertThat(simulator.server().connectionsAccepted()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    @DisplayName("a frame over the 8 MB limit costs one reconnect and is reported as our close, with its size")
    void oversizedFrameIsOurCloseWithItsSize(String transport) {
        EmulatorConnection connection = streaming(transport);

        connection.sendOversized(9_856_000);

        await().atMost(WAIT).until(() -> simulator.tickerSubscriptions(BTC) >= 2);
        publishAndAwait("102.5");
        assertThat(errors()).anySatisfy(message -> assertThat(message)
                .contains("closed by us: frame of 9.4 MB over the 8 MB limit"));
        assertThat(errors()).noneSatisfy(message -> assertThat(message).contains("closed by the server"));
        assertThat(feed.metrics().reconnects()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    @DisplayName("a server close says it was the server, with the code's name and the server's reason")
    void serverCloseSaysWhoAndWhy(String transport) {
        EmulatorConnection connection = streaming(transport);

        connection.close(1001, "maintenance");

        await().atMost(WAIT).until(() -> simulator.tickerSubscriptions(BTC) >= 2);
        publishAndAwait("103.5");
        assertThat(errors()).anySatisfy(message -> assertThat(message)
                .contains("closed by the server (code 1001, going away: maintenance)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    @DisplayName("a drop without a close frame says the connection was lost without one")
    void dropSaysNoCloseFrame(String transport) {
        EmulatorConnection connection = streaming(transport);

        connection.drop();

        await().atMost(WAIT).until(() -> simulator.tickerSubscriptions(BTC) >= 2);
        publishAndAwait("104.5");
        assertThat(errors()).anySatisfy(message -> assertThat(message).containsAnyOf(
                "connection lost without a close frame", "socket error"));
        assertThat(errors()).allSatisfy(message -> assertThat(message.lines().count()).isEqualTo(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    @DisplayName("a close reason of any length is cut to what a close frame holds; closing never throws")
    void longReasonsNeverBreakTheClose(String transport) {
        EmulatorConnection connection = streaming(transport);
        String reason = "ü".repeat(61) + "x"; // 123 bytes: the longest reason a close frame holds

        connection.close(4000, reason);

        await().atMost(WAIT).until(() -> simulator.tickerSubscriptions(BTC) >= 2);
        publishAndAwait("105.5");
        assertThat(errors()).anySatisfy(message -> assertThat(message)
                .contains("closed by the server (code 4000, application code: " + reason + ")"));
        feed.close();
        assertThat(feed.state()).isEqualTo(FeedState.CLOSED);
        await().atMost(WAIT).until(() -> simulator.server().connections().isEmpty());
    }
}
