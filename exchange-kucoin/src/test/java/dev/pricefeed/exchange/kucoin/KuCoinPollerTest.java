package dev.pricefeed.exchange.kucoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import dev.pricefeed.spi.FallbackPoller;
import dev.pricefeed.spi.RateLimitedException;
import dev.pricefeed.testkit.HttpCall;
import dev.pricefeed.testkit.TestExchangeContext;
import dev.pricefeed.testkit.kucoin.KuCoinSimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST fallback against the simulator: level1 for a few instruments, allTickers for many, 429 backs off. */
class KuCoinPollerTest {

    private static final Instrument BTC = Instrument.of("BTC/USDT");
    private static final Instrument ETH = Instrument.of("ETH/USDT");

    private KuCoinSimulator simulator;
    private FallbackPoller poller;

    @BeforeEach
    void start() {
        simulator = KuCoinSimulator.start();
        poller = new KuCoinConnector(new TestExchangeContext(KuCoinProvider.ID, "BTC/USDT")
                .endpoint("rest", simulator.server().httpUri("/"))).poller();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void fewInstrumentsArePolledOneLevel1CallEach() throws Exception {
        simulator.setRestTicker(BTC, "67269", "67267.5", "67267.60");
        simulator.setRestTicker(ETH, "2500.1", "2500.0", "2500.2");

        List<Tick> ticks = poller.poll(List.of(BTC, ETH));

        assertThat(ticks).extracting(Tick::instrument).containsExactly(BTC, ETH);
        assertThat(ticks.get(0).last()).isEqualTo(new BigDecimal("67269"));
        assertThat(ticks.get(0).bid()).isEqualTo(new BigDecimal("67267.5"));
        assertThat(ticks.get(0).ask()).isEqualTo(new BigDecimal("67267.60"));
        assertThat(simulator.server().httpCalls()).extracting(HttpCall::path, HttpCall::query).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/api/v1/market/orderbook/level1", "symbol=BTC-USDT"),
                org.assertj.core.groups.Tuple.tuple("/api/v1/market/orderbook/level1", "symbol=ETH-USDT"));
    }

    @Test
    void instrumentWithoutDataGivesNoTick() throws Exception {
        simulator.setRestTicker(BTC, "1", "1", "2");

        assertThat(poller.poll(List.of(BTC, ETH))).extracting(Tick::instrument).containsExactly(BTC);
    }

    @Test
    void manyInstrumentsArePolledWithOneAllTickersCall() throws Exception {
        List<Instrument> many = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Instrument instrument = Instrument.of("C" + i + "/USDT");
            many.add(instrument);
            simulator.setRestTicker(instrument, i + ".5", i + ".4", i + ".6");
        }
        simulator.setRestTicker(Instrument.of("NOT/WANTED"), "9", "9", "9");

        List<Tick> ticks = poller.poll(many);

        assertThat(ticks).extracting(Tick::instrument).containsExactlyInAnyOrderElementsOf(many);
        assertThat(ticks).filteredOn(t -> t.instrument().equals(many.get(3))).singleElement()
                .satisfies(t -> assertThat(t.last()).isEqualTo(new BigDecimal("3.5")));
        assertThat(simulator.server().httpCalls()).extracting(HttpCall::path)
                .containsExactly("/api/v1/market/allTickers");
    }

    @Test
    void tooManyRequestsIsRateLimitedWithTheServersWait() {
        simulator.setRestTicker(BTC, "1", "1", "2");
        simulator.server().failHttp("/api/v1/market", 429, "{\"code\":\"429000\",\"msg\":\"Too Many Requests\"}",
                Duration.ofSeconds(4), 1);

        assertThatThrownBy(() -> poller.poll(List.of(BTC)))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(4)));
    }

    @Test
    void kuCoinErrorCodeIsAnIoException() {
        simulator.server().failHttp("/api/v1/market", 200, "{\"code\":\"400100\",\"msg\":\"symbol invalid\"}",
                null, 1);

        assertThatThrownBy(() -> poller.poll(List.of(BTC))).hasMessageContaining("400100")
                .hasMessageContaining("symbol invalid");
    }
}
