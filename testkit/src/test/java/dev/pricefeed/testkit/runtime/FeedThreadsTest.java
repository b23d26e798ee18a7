package dev.pricefeed.testkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.FeedState;
import dev.pricefeed.Instrument;
import dev.pricefeed.MarketDataService;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.config.ConfigException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Construction is all-or-nothing and close() leaves no thread behind, the HTTP client's included. */
class FeedThreadsTest {

    private static final Instrument BTC = Instrument.of("BTC/USD");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TestSimulator simulator = new TestSimulator();
    private List<String> before;

    @BeforeEach
    void countThreads() {
        before = RuntimeThreads.live();
    }

    @AfterEach
    void tearDown() {
        simulator.close();
    }

    private PriceFeed.Builder builder() {
        // a long liveness timeout: on a loaded machine a short one would turn slowness into reconnects
        return simulator.pointAt(PriceFeed.builder().exchange("test").instruments(BTC).environment(Map.of())
                .option("liveness-ms", "60000"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tyrus", "jdk"})
    @DisplayName("ten rounds of build, start, stream and close leave no runtime, HTTP client or WebSocket thread alive")
    void repeatedRoundsLeaveNoThread(String transport) {
        for (int round = 1; round <= 10; round++) {
            PriceFeed feed = builder().websocketTransport(transport).build();
            feed.start();
            await().atMost(WAIT).until(() -> feed.state() == FeedState.STREAMING);
            assertThat(simulator.server().httpCalls()).as("the instrument list went over the HTTP client")
                    .hasSizeGreaterThanOrEqualTo(round);
            List<String> streaming = RuntimeThreads.live();
            assertThat(streaming).as("threads while streaming, round %d", round)
                    .contains("pricefeed-control")
                    .anyMatch(name -> name.startsWith("HttpClient-") && name.endsWith("-SelectorManager"));
            if (transport.equals("tyrus")) {
                // one connection: Grizzly's selector thread (which reads the frames) and the idle worker pool's
                assertThat(streaming).as("Tyrus threads while streaming, round %d", round)
                        .noneMatch(name -> name.startsWith("tyrus-"))
                        .anyMatch(name -> name.startsWith("Grizzly") && name.endsWith("SelectorRunner"))
                        .anyMatch(name -> name.startsWith("pricefeed-tyrus-"));
            }
            feed.close();
            assertThat(RuntimeThreads.live()).as("threads right after close, round %d", round)
                    .isEqualTo(before);
        }
    }

    @Test
    @DisplayName("an option value the plugin refuses is a ConfigException naming it, and starts nothing")
    void refusedOptionIsAConfigExceptionAndStartsNothing() {
        assertThatThrownBy(() -> builder().option("event-trigger", "sometimes").build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("the test plugin 1.0.0-test refused its settings")
                .hasMessageContaining("event-trigger must be trades or bbo, got sometimes");
        assertThat(RuntimeThreads.live()).isEqualTo(before);
    }

    @Test
    @DisplayName("a service whose second feed cannot be made closes the first and throws the feed's own exception")
    void failedServiceBuildLeavesNothing() {
        try (TestSimulator second = new TestSimulator("test2")) {
            MarketDataService.Builder service = MarketDataService.builder()
                    .feed(builder())
                    .feed(second.pointAt(PriceFeed.builder().exchange("test2").instruments(BTC)
                            .environment(Map.of()).option("crash-on-create", "true")));
            assertThatThrownBy(service::build).isInstanceOf(IllegalStateException.class)
                    .hasMessage("the test plugin crashed while being created");
            assertThat(RuntimeThreads.live()).isEqualTo(before);
        }
    }

    @Test
    @DisplayName("problems of several feeds come in one ConfigException, one line each")
    void everyFeedsProblemInOneException() {
        MarketDataService.Builder service = MarketDataService.builder()
                .feed(builder().option("event-trigger", "sometimes"))
                .feed(PriceFeed.builder().exchange("nowhere").instruments(BTC).environment(Map.of()));
        assertThatThrownBy(service::build).isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("event-trigger must be trades or bbo"))
                .anySatisfy(p -> assertThat(p).contains("no plugin provides exchange 'nowhere'")));
        assertThat(RuntimeThreads.live()).isEqualTo(before);
    }

    @Test
    @DisplayName("close() does not wait for a start() that is still fetching the instrument list")
    void closeDoesNotWaitForStart() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        simulator.holdInstrumentList = hold;
        PriceFeed feed = builder().build();
        try {
            CompletableFuture<Void> starting = CompletableFuture.runAsync(feed::start);
            assertThat(simulator.instrumentListAsked.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> closing = CompletableFuture.runAsync(feed::close);
            // start() is still inside the listing (held by the server): close must finish all the same
            closing.get(8, TimeUnit.SECONDS);
            assertThat(feed.state()).isEqualTo(FeedState.CLOSED);
            hold.countDown();
            starting.handle((ok, error) -> null).get(10, TimeUnit.SECONDS);
            assertThat(simulator.server().connectionsAccepted()).isZero();
        } finally {
            hold.countDown();
            feed.close();
        }
    }
}
