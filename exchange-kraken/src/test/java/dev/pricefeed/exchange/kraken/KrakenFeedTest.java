package dev.pricefeed.exchange.kraken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.AccountEvent;
import dev.pricefeed.Channel;
import dev.pricefeed.FeedEvent;
import dev.pricefeed.FeedState;
import dev.pricefeed.Instrument;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.Side;
import dev.pricefeed.testkit.kraken.KrakenSimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Kraken end to end through {@link PriceFeed} against the simulator over real WebSockets on 127.0.0.1. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KrakenFeedTest {

    private static final Instrument BTC_USD = Instrument.of("BTC/USD");
    private static final Instrument FOO_USD = Instrument.of("FOO/USD");

    private static KrakenSimulator simulator() {
        return KrakenSimulator.builder().heartbeatInterval(Duration.ofMillis(200)).start();
    }

    private static PriceFeed.Builder builder(KrakenSimulator simulator) {
        return simulator.pointAt(PriceFeed.builder()
                .exchange("kraken")
                .reconnectDelay(Duration.ofMillis(50))
                .maxReconnectDelay(Duration.ofMillis(200))
                .maxReconnectAttempts(3)
                .healthyAfter(Duration.ofMillis(200))
                .livenessTimeout(Duration.ofSeconds(2))
                .environment(Map.of())
                .systemProperties(new Properties()));
    }

    private static ConditionFactory within() {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20));
    }

    @Test
    @DisplayName("reconnect resubscribes public and private channels, the private ones with a new token")
    void reconnectResubscribesPublicAndPrivateWithNewToken() {
        try (KrakenSimulator simulator = simulator();
                PriceFeed feed = builder(simulator).credentials(KrakenSimulator.API_KEY, KrakenSimulator.API_SECRET)
                        .instruments("BTC/USD")
                        .channels(Channel.TICKER, Channel.EXECUTIONS, Channel.BALANCES).build()) {
            List<AccountEvent> events = new CopyOnWriteArrayList<>();
            feed.onAccountEvent(events::add);
            feed.start();

            within().until(() -> usdSnapshots(events) == 1 && simulator.tickerSubscriptions(BTC_USD) == 1);
            simulator.publishBalanceChange("LEDGER-1", "BTC", "0.1", "0.35");
            within().until(() -> events.stream().anyMatch(e -> e instanceof KrakenBalanceChange c
                    && c.ledgerId().equals("LEDGER-1") && c.amount().equals(new BigDecimal("0.1"))
                    && c.balance().equals(new BigDecimal("0.35"))));
            String firstToken = simulator.tokensByPrivateConnection().get(0).get(0);
            assertThat(simulator.tokensByPrivateConnection().get(0)).containsOnly(firstToken).hasSize(2);

            simulator.server().dropAll();

            within().until(() -> simulator.tickerSubscriptions(BTC_USD) == 2
                    && simulator.tokensByPrivateConnection().size() == 2
                    && simulator.tokensByPrivateConnection().get(1).size() == 2);
            String secondToken = simulator.tokensByPrivateConnection().get(1).get(0);
            assertThat(secondToken).isNotEqualTo(firstToken);
            assertThat(simulator.issuedTokens()).containsExactly(firstToken, secondToken);
            // The new connection's balances snapshot starts again at sequence 1 and is still delivered.
            within().until(() -> usdSnapshots(events) == 2);
            simulator.publishExecution("ORDER-1", BTC_USD, Side.SELL, "0.005", "26500.5");
            within().untilAsserted(() -> assertThat(events).anySatisfy(e -> {
                assertThat(e).isInstanceOf(KrakenExecution.class);
                KrakenExecution execution = (KrakenExecution) e;
                assertThat(execution.orderId()).isEqualTo("ORDER-1");
                assertThat(execution.instrument()).isEqualTo(BTC_USD);
                assertThat(execution.side()).isEqualTo(Side.SELL);
                assertThat(execution.lastQuantity()).isEqualTo(new BigDecimal("0.005"));
                assertThat(execution.lastPrice()).isEqualTo(new BigDecimal("26500.5"));
                assertThat(execution.fees()).containsExactly(new KrakenFee("USD", new BigDecimal("0.01")));
            }));
            simulator.publishTicker(BTC_USD, "30000.12", "30000.1", "30000.2");
            within().untilAsserted(() -> assertThat(feed.cache().latest("kraken", BTC_USD)).hasValueSatisfying(
                    tick -> assertThat(tick.last()).isEqualTo(new BigDecimal("30000.12"))));
        }
    }

    @Test
    @DisplayName("an expired token (ESession:Invalid session) is renewed: a fresh token, the private channels stream, "
            + "an Error event says so without the token, and nothing is reported failed")
    void expiredTokenIsRenewed() {
        try (KrakenSimulator simulator = simulator();
                PriceFeed feed = builder(simulator).credentials(KrakenSimulator.API_KEY, KrakenSimulator.API_SECRET)
                        .instruments("BTC/USD").channels(Channel.TICKER, Channel.BALANCES).build()) {
            simulator.issueExpiredTokens(1);
            List<AccountEvent> account = new CopyOnWriteArrayList<>();
            List<FeedEvent> events = new CopyOnWriteArrayList<>();
            feed.onAccountEvent(account::add);
            feed.onEvent(events::add);
            feed.start();

            within().until(() -> usdSnapshots(account) == 1);
            assertThat(simulator.issuedTokens()).hasSize(2);
            assertThat(simulator.failedSubscribes()).isEqualTo(1);
            assertThat(simulator.tokensByPrivateConnection()).last().asList()
                    .containsOnly(simulator.issuedTokens().get(1));
            simulator.publishBalanceChange("LEDGER-7", "BTC", "0.2", "0.45");
            within().until(() -> account.stream().anyMatch(e -> e instanceof KrakenBalanceChange c
                    && c.ledgerId().equals("LEDGER-7")));
            assertThat(events).filteredOn(FeedEvent.Error.class::isInstance).map(e -> ((FeedEvent.Error) e).message())
                    .anySatisfy(m -> assertThat(m).contains("ESession:Invalid session", "fresh token"))
                    .allSatisfy(m -> simulator.issuedTokens().forEach(token -> assertThat(m).doesNotContain(token)));
            assertThat(events).noneMatch(FeedEvent.SubscriptionFailed.class::isInstance);
            assertThat(feed.toString()).doesNotContain(simulator.issuedTokens().get(1));
            within().until(() -> feed.state() == FeedState.STREAMING);
        }
    }

    private static long usdSnapshots(List<AccountEvent> events) {
        return events.stream().filter(e -> e instanceof KrakenBalance b && b.asset().equals("USD")
                && b.balance().equals(new BigDecimal("1000.5"))).count();
    }

    @Test
    @DisplayName("an unknown pair becomes SubscriptionFailed with Kraken's text and is not retried after a reconnect")
    void failedSubscribeIsReportedAndNotRetried() {
        try (KrakenSimulator simulator = simulator()) {
            // Without the catalog the feed cannot reject FOO/USD at start, so Kraken's own refusal is what counts.
            simulator.server().failHttp("/0/public/AssetPairs", 503, "unavailable", null, Integer.MAX_VALUE);
            try (PriceFeed feed = builder(simulator).instruments("BTC/USD", "FOO/USD").build()) {
                List<FeedEvent> events = new CopyOnWriteArrayList<>();
                feed.onEvent(events::add);
                feed.start();

                within().untilAsserted(() -> assertThat(events).anySatisfy(e -> {
                    assertThat(e).isInstanceOf(FeedEvent.SubscriptionFailed.class);
                    FeedEvent.SubscriptionFailed failed = (FeedEvent.SubscriptionFailed) e;
                    assertThat(failed.channel()).isEqualTo(Channel.TICKER);
                    assertThat(failed.instrument()).isEqualTo(FOO_USD);
                    assertThat(failed.reason()).isEqualTo("Currency pair not supported FOO/USD");
                }));
                within().until(() -> simulator.tickerSubscriptions(BTC_USD) == 1);
                assertThat(simulator.failedSubscribes()).isEqualTo(1);

                simulator.server().dropAll();

                within().until(() -> simulator.tickerSubscriptions(BTC_USD) == 2);
                simulator.publishTicker(BTC_USD, "30001.5", "30001.4", "30001.6");
                within().untilAsserted(() -> assertThat(feed.cache().latest("kraken", BTC_USD))
                        .hasValueSatisfying(t -> assertThat(t.last()).isEqualTo(new BigDecimal("30001.5"))));
                assertThat(simulator.failedSubscribes()).isEqualTo(1);
                assertThat(simulator.server().awaitConnection(2, Duration.ofSeconds(1)).received())
                        .noneMatch(frame -> frame.contains("FOO/USD"));
                assertThat(events).filteredOn(e -> e instanceof FeedEvent.SubscriptionFailed).hasSize(1);
            }
        }
    }

    @Test
    @DisplayName("a rejected API key is reported with Kraken's text, never the secret, and no private socket opens")
    void rejectedKeyIsReportedWithoutTheSecret() {
        try (KrakenSimulator simulator = simulator();
                PriceFeed feed = builder(simulator).credentials("not-the-key", KrakenSimulator.API_SECRET)
                        .instruments("BTC/USD").channels(Channel.BALANCES).build()) {
            List<FeedEvent> events = new CopyOnWriteArrayList<>();
            feed.onEvent(events::add);
            feed.start();

            within().untilAsserted(() -> assertThat(events).anySatisfy(e -> {
                assertThat(e).isInstanceOf(FeedEvent.Error.class);
                FeedEvent.Error error = (FeedEvent.Error) e;
                assertThat(error.code()).isEqualTo("authentication");
                assertThat(error.message()).contains("EAPI:Invalid key").contains("not-***")
                        .doesNotContain(KrakenSimulator.API_SECRET).doesNotContain("not-the-key");
            }));
            assertThat(simulator.server().connectionsAccepted()).isZero();
        }
    }

    @Test
    @DisplayName("a wrong secret is reported as Kraken's EAPI:Invalid signature")
    void wrongSecretIsReported() {
        String otherSecret = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        try (KrakenSimulator simulator = simulator();
                PriceFeed feed = builder(simulator).credentials(KrakenSimulator.API_KEY, otherSecret)
                        .instruments("BTC/USD").channels(Channel.EXECUTIONS).build()) {
            List<FeedEvent> events = new CopyOnWriteArrayList<>();
            feed.onEvent(events::add);
            feed.start();

            within().untilAsserted(() -> assertThat(events).anySatisfy(e -> assertThat(e)
                    .isInstanceOfSatisfying(FeedEvent.Error.class, error -> assertThat(error.message())
                            .contains("EAPI:Invalid signature").doesNotContain(otherSecret))));
        }
    }

    @Test
    @DisplayName("kraken.event-trigger=bbo is sent in the ticker subscribe")
    void eventTriggerOption() {
        try (KrakenSimulator simulator = simulator();
                PriceFeed feed = builder(simulator).instruments("BTC/USD").option("event-trigger", "bbo").build()) {
            feed.start();

            String subscribe = simulator.server().awaitConnection(1, Duration.ofSeconds(10))
                    .awaitReceived(frame -> frame.contains("\"subscribe\""), Duration.ofSeconds(10));

            assertThat(subscribe).contains("\"channel\":\"ticker\"").contains("\"symbol\":[\"BTC/USD\"]")
                    .contains("\"event_trigger\":\"bbo\"").contains("\"snapshot\":true");
        }
    }

    @Test
    @DisplayName("application pings go out on Kraken's schedule, are answered, and the connection stays up")
    void applicationPings() {
        try (KrakenSimulator simulator = simulator();
                PriceFeed feed = builder(simulator).instruments("BTC/USD").build()) {
            feed.start();

            await().atMost(KrakenSession.KEEP_ALIVE.pingInterval().multipliedBy(3))
                    .until(() -> simulator.pingsReceived(1) >= 1);

            String ping = simulator.server().awaitConnection(1, Duration.ofSeconds(1))
                    .awaitReceived(frame -> frame.contains("\"ping\""), Duration.ofSeconds(1));
            assertThat(ping).matches("\\{\"method\":\"ping\",\"req_id\":\\d+}");
            assertThat(simulator.server().connectionsAccepted()).isEqualTo(1);
            assertThat(feed.metrics().reconnects()).isZero();
        }
    }
}
