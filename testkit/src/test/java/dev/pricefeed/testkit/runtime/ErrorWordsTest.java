package dev.pricefeed.testkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.FeedEvent;
import dev.pricefeed.Instrument;
import dev.pricefeed.PriceFeed;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Errors say what went wrong in plain words, and name the exchange once (the event carries it). */
class ErrorWordsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TestSimulator simulator = new TestSimulator();
    private final List<FeedEvent.Error> errors = new CopyOnWriteArrayList<>();
    private PriceFeed feed;

    @AfterEach
    void tearDown() {
        if (feed != null) {
            feed.close();
        }
        simulator.close();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    @DisplayName("a refused connection is reported as 'connection refused by host:port'")
    void refusedConnection() throws IOException {
        int port = closedPort();
        feed = simulator.pointAt(PriceFeed.builder().exchange("test").instruments("BTC/USD").environment(Map.of())
                .reconnectDelay(Duration.ofSeconds(30))).endpoint(URI.create("ws://127.0.0.1:" + port + "/ws"))
                .build();
        feed.onEvent(event -> {
            if (event instanceof FeedEvent.Error error) {
                errors.add(error);
            }
        });
        feed.start();
        await().atMost(WAIT).until(() -> !errors.isEmpty());
        assertThat(errors.get(0).message()).isEqualTo("cannot connect: connection refused by 127.0.0.1:" + port);
        assertThat(errors.get(0).exchange()).isEqualTo("test");
    }

    @Test
    @DisplayName("a lost connection says which one and why, without repeating the exchange")
    void lostConnectionNamesTheExchangeOnce() {
        feed = simulator.pointAt(PriceFeed.builder().exchange("test").instruments("BTC/USD").environment(Map.of())
                .option("liveness-ms", "60000")).build();
        feed.onEvent(event -> {
            if (event instanceof FeedEvent.Error error) {
                errors.add(error);
            }
        });
        feed.start();
        await().atMost(WAIT).until(() -> simulator.tickerSubscriptions(Instrument.of("BTC/USD")) >= 1);
        simulator.server().dropAll();
        await().atMost(WAIT).until(() -> !errors.isEmpty());
        assertThat(errors.get(0).message()).startsWith("connection 1 lost: ").doesNotContain("test");
    }
}
