package dev.pricefeed.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import dev.pricefeed.spi.ExchangeConnector;
import dev.pricefeed.spi.RateLimitedException;
import dev.pricefeed.testkit.HttpCall;
import dev.pricefeed.testkit.RecordingSink;
import dev.pricefeed.testkit.TestExchangeContext;
import dev.pricefeed.testkit.binance.BinanceSimulator;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The REST side against the emulator: polling, rate limits and the instrument list. */
class BinancePollerTest {

    private static final Instrument BTC_USDT = Instrument.of("BTC/USDT");
    private static final Instrument ETH_BTC = Instrument.of("ETH/BTC");

    private final BinanceSimulator simulator = BinanceSimulator.builder().tickerInterval(null).start();
    private final ExchangeConnector connector = new BinanceProvider().create(
            new TestExchangeContext(BinanceProvider.ID, "BTC/USDT", "ETH/BTC")
                    .endpoint("rest", simulator.server().httpUri("/"))
                    .clock(Clock.fixed(RecordingSink.RECEIVED_AT, ZoneOffset.UTC)));

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void pollMergesBestBidOfferAndDayStatistics() throws Exception {
        simulator.setRestTicker(BTC_USDT, "30000.10", "30000.00", "30000.20");
        simulator.setRestTicker(ETH_BTC, "0.05230", "0.05229", "0.05231");

        List<Tick> ticks = connector.poller().poll(List.of(BTC_USDT, ETH_BTC));

        assertThat(ticks).extracting(Tick::instrument).containsExactly(BTC_USDT, ETH_BTC);
        Tick btc = ticks.get(0);
        assertThat(btc.exchange()).isEqualTo("binance");
        assertThat(btc.last()).isEqualTo(new BigDecimal("30000.10"));
        assertThat(btc.bid()).isEqualTo(new BigDecimal("30000.00"));
        assertThat(btc.bidSize()).isEqualTo(new BigDecimal("1.00000000"));
        assertThat(btc.ask()).isEqualTo(new BigDecimal("30000.20"));
        assertThat(btc.volume()).isEqualTo(new BigDecimal("100.00000000"));
        assertThat(btc.receivedAt()).isEqualTo(RecordingSink.RECEIVED_AT);
        assertThat(ticks.get(1).last()).isEqualTo(new BigDecimal("0.05230"));
        List<String> paths = simulator.server().httpCalls().stream().map(HttpCall::path).toList();
        assertThat(paths).containsExactly("/api/v3/ticker/24hr", "/api/v3/ticker/bookTicker");
        assertThat(simulator.server().httpCalls().get(1).queryParams())
                .containsEntry("symbols", "[\"BTCUSDT\",\"ETHBTC\"]");
    }

    @Test
    void tooManyRequestsHonoursRetryAfter() {
        simulator.rateLimitRest(429, Duration.ofSeconds(7), 1);

        assertThatThrownBy(() -> connector.poller().poll(List.of(BTC_USDT)))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)))
                .hasMessageContaining("429").hasMessageContaining("-1003");
    }

    @Test
    void ipBanHonoursRetryAfter() {
        simulator.rateLimitRest(418, Duration.ofSeconds(120), 1);

        assertThatThrownBy(() -> connector.poller().poll(List.of(BTC_USDT)))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120)))
                .hasMessageContaining("418");
    }

    @Test
    void unlistedSymbolFailsWithBinanceText() {
        assertThatThrownBy(() -> connector.poller().poll(List.of(Instrument.of("BTC/USD"))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("-1121").hasMessageContaining("Invalid symbol.");
    }

    @Test
    void instrumentListComesFromExchangeInfoAndTeachesTheSymbolMapper() throws Exception {
        assertThat(connector.symbols().fromNative("SOLUSDT")).isNull();

        assertThat(connector.listInstruments().orElseThrow()).contains(BTC_USDT, ETH_BTC, Instrument.of("BTC/USDC"))
                .doesNotContain(Instrument.of("BTC/USD"));
        assertThat(connector.symbols().fromNative("SOLUSDT")).isEqualTo(Instrument.of("SOL/USDT"));
    }

    @Test
    void unreachableCatalogIsAnIoError() {
        simulator.close();

        assertThatThrownBy(connector::listInstruments).isInstanceOf(IOException.class);
    }
}
