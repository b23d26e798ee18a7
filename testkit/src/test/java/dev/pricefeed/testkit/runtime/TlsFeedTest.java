package dev.pricefeed.testkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.FeedEvent;
import dev.pricefeed.FeedState;
import dev.pricefeed.Instrument;
import dev.pricefeed.MarketDataService;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.runtime.TestCertificates;
import dev.pricefeed.runtime.TlsTerminator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole feeds over TLS on both WebSocket transports: the test exchange's emulator behind a test-only TLS terminator
 * on 127.0.0.1 (wss:// and https:// on one port), with the feed's own {@link javax.net.ssl.SSLContext} or the JVM's
 * default, which does not trust the test certificate.
 */
class TlsFeedTest {

    private static final Instrument BTC = Instrument.of("BTC/USD");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(300);

    private final TestSimulator simulator = new TestSimulator();
    private final List<FeedEvent> events = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
    private List<String> threadsBefore;

    @BeforeEach
    void countThreads() {
        threadsBefore = RuntimeThreads.live();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
        simulator.close();
    }

    private TlsTerminator terminator(String certificate) throws Exception {
        TlsTerminator tls = new TlsTerminator(certificate, simulator.server().port());
        open.add(0, tls);
        return tls;
    }

    private PriceFeed.Builder builder(TlsTerminator tls, String transport) {
        return PriceFeed.builder().exchange("test").websocketTransport(transport).instruments(BTC)
                .environment(Map.of())
                .endpoint(tls.uri("wss", "/ws")).restEndpoint(tls.uri("https", "/"))
                .reconnectDelay(FIRST_BACKOFF).maxReconnectDelay(Duration.ofSeconds(1)).maxReconnectAttempts(3)
                .option("liveness-ms", "60000");
    }

    private PriceFeed start(PriceFeed.Builder builder) {
        PriceFeed feed = builder.build();
        open.add(0, feed);
        feed.onEvent(events::add);
        feed.start();
        return feed;
    }

    private List<FeedEvent.Error> errors(String code) {
        return events.stream().filter(FeedEvent.Error.class::isInstance).map(FeedEvent.Error.class::cast)
                .filter(e -> e.code().equals(code)).toList();
    }

    private static boolean hasLast(PriceFeed feed, String last) {
        return feed.cache().latest(BTC).map(t -> new BigDecimal(last).equals(t.last())).orElse(false);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tyrus", "jdk"})
    @DisplayName("with a context that trusts the certificate the feed lists over https, streams over wss, "
            + "and close leaves no thread")
    void streamsOverTls(String transport) throws Exception {
        TlsTerminator tls = terminator(TestCertificates.LOCALHOST);
        PriceFeed feed = start(builder(tls, transport).sslContext(TestCertificates.trusting()));

        await().atMost(WAIT).until(() -> feed.state() == FeedState.STREAMING);
        simulator.publishTicker(BTC, "64000.10", "64000.00", "64000.20");
        await().atMost(WAIT).until(() -> hasLast(feed, "64000.10"));
        assertThat(simulator.server().httpCalls()).as("the instrument list came over https")
                .anyMatch(call -> call.path().equals("/instruments"));
        assertThat(tls.handshakes()).as("one TLS handshake for REST, one for the WebSocket")
                .isGreaterThanOrEqualTo(2);
        assertThat(errors("connect")).isEmpty();

        feed.close();
        assertThat(RuntimeThreads.live()).isEqualTo(threadsBefore);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tyrus", "jdk"})
    @DisplayName("an untrusted certificate is an error event in plain words, retried with backoff, no stack trace")
    void untrustedCertificateIsRetriedWithBackoff(String transport) throws Exception {
        TlsTerminator tls = terminator(TestCertificates.LOCALHOST);
        List<LogRecord> julRecords = new CopyOnWriteArrayList<>();
        Handler julRecorder = recorder(julRecords);
        Logger.getLogger("").addHandler(julRecorder);
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            // no sslContext: the JVM's default trust, which does not hold the self-signed test certificate
            PriceFeed feed = start(builder(tls, transport));
            await().atMost(WAIT).until(() -> errors("connect").size() >= 3);
            feed.close();
        } finally {
            System.setErr(originalErr);
            Logger.getLogger("").removeHandler(julRecorder);
        }

        List<FeedEvent.Error> connectErrors = errors("connect");
        assertThat(connectErrors).allSatisfy(error -> assertThat(error.message())
                .startsWith("cannot connect: the TLS certificate of 127.0.0.1 is not trusted")
                .contains("javax.net.ssl.trustStore")
                .doesNotContain("PKIX").doesNotContain("Exception"));
        for (int i = 1; i < connectErrors.size(); i++) {
            // each retry waits at least half the backoff step (jitter), the first step being FIRST_BACKOFF
            Duration gap = Duration.between(connectErrors.get(i - 1).at(), connectErrors.get(i).at());
            assertThat(gap).as("gap before retry %d", i).isGreaterThanOrEqualTo(FIRST_BACKOFF.dividedBy(2));
        }
        assertThat(simulator.server().connectionsAccepted()).as("no WebSocket byte got through").isZero();
        assertThat(tls.handshakes()).isZero();
        String printed = stderr.toString(StandardCharsets.UTF_8);
        assertThat(printed).as("stderr (where the runtime's warnings go)")
                .contains("cannot connect: the TLS certificate of 127.0.0.1 is not trusted")
                .doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(julRecords).as("library logging through java.util.logging with a stack trace")
                .noneMatch(record -> record.getThrown() != null);
        assertThat(RuntimeThreads.live()).isEqualTo(threadsBefore);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tyrus", "jdk"})
    @DisplayName("a trusted certificate for another host name is refused, saying so")
    void certificateForAnotherHostIsRefused(String transport) throws Exception {
        TlsTerminator tls = terminator(TestCertificates.ELSEWHERE);
        PriceFeed feed = start(builder(tls, transport).sslContext(TestCertificates.trusting()));

        await().atMost(WAIT).until(() -> !errors("connect").isEmpty());
        assertThat(errors("connect").get(0).message())
                .startsWith("cannot connect: the TLS certificate of 127.0.0.1 is for another host name");
        assertThat(feed.state()).isNotEqualTo(FeedState.STREAMING);
        assertThat(simulator.server().connectionsAccepted()).isZero();
        assertThat(tls.handshakes()).isZero();
    }

    @Test
    @DisplayName("REST fallback polls with the feed's context; its HTTP client stops when it closes while a feed on "
            + "the default context lives on, which then gets a client of its own and is refused")
    void restPollingUsesTheFeedsContext() throws Exception {
        TlsTerminator tls = terminator(TestCertificates.LOCALHOST);
        simulator.setRestTicker(BTC, "63999.90", "63999.80", "64000.00");
        // built first, so the shared runtime outlives the other feed; it makes no request before it starts
        PriceFeed untrusting = builder(tls, "tyrus").websocketEnabled(false).pollInterval(Duration.ofMillis(50))
                .build();
        open.add(untrusting);
        untrusting.onEvent(events::add);

        PriceFeed trusting = start(builder(tls, "tyrus").websocketEnabled(false).pollInterval(Duration.ofMillis(50))
                .sslContext(TestCertificates.trusting()));
        await().atMost(WAIT).until(() -> hasLast(trusting, "63999.90"));
        assertThat(errors("rest")).isEmpty();
        assertThat(selectorThreads()).as("the HTTP client of the feed's own context").hasSize(1);
        trusting.close();
        assertThat(selectorThreads()).as("stopped with the last feed of its context").isEmpty();

        untrusting.start();
        await().atMost(WAIT).until(() -> !errors("rest").isEmpty());
        assertThat(errors("rest").get(0).message())
                .startsWith("REST poll failed: the TLS certificate of 127.0.0.1 is not trusted");
        assertThat(untrusting.cache().latest(BTC)).isEmpty();
        assertThat(selectorThreads()).as("the default context's client").hasSize(1);
        untrusting.close();
        assertThat(RuntimeThreads.live()).isEqualTo(threadsBefore);
    }

    @Test
    @DisplayName("a service's context applies to each feed that was not given its own")
    void serviceContextAppliesToItsFeeds() throws Exception {
        TlsTerminator tls = terminator(TestCertificates.LOCALHOST);
        simulator.setRestTicker(BTC, "64001.00", "64000.90", "64001.10");
        try (MarketDataService service = MarketDataService.builder()
                .sslContext(TestCertificates.trusting())
                .feed(builder(tls, "jdk").websocketEnabled(false).pollInterval(Duration.ofMillis(50)))
                .build()) {
            service.start();
            await().atMost(WAIT).until(() -> service.cache().latest(BTC)
                    .map(t -> new BigDecimal("64001.00").equals(t.last())).orElse(false));
        }
        assertThat(RuntimeThreads.live()).isEqualTo(threadsBefore);
    }

    private List<String> selectorThreads() {
        return RuntimeThreads.live().stream().filter(name -> name.endsWith("-SelectorManager"))
                .filter(name -> !threadsBefore.contains(name)).toList();
    }

    private static Handler recorder(List<LogRecord> records) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }
}
