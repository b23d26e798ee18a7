package dev.pricefeed.exchange.kraken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Candle;
import dev.pricefeed.FeedState;
import dev.pricefeed.Instrument;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.spi.CandleHistory;
import dev.pricefeed.spi.Capability;
import dev.pricefeed.testkit.CandleSeries;
import dev.pricefeed.testkit.HttpCall;
import dev.pricefeed.testkit.TestExchangeContext;
import dev.pricefeed.testkit.kraken.KrakenSimulator;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Kraken's REST OHLC history: the reader on literal rows, and the plugin against the emulator's seeded series. */
class KrakenCandleHistoryTest {

    private static final Instrument BTC_USD = Instrument.of("BTC/USD");
    private static final Instant NOW = Instant.parse("2026-12-07T10:02:30Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final KrakenSimulator simulator = KrakenSimulator.start();

    @AfterEach
    void stop() {
        simulator.close();
    }

    private CandleHistory history() {
        simulator.candles().clock(CLOCK);
        return new KrakenProvider().create(new TestExchangeContext(KrakenProvider.ID, "BTC/USD").clock(CLOCK)
                .endpoint("rest", simulator.server().httpUri("/"))).history().orElseThrow();
    }

    private List<HttpCall> ohlcCalls() {
        return simulator.server().httpCalls().stream().filter(c -> c.path().equals("/0/public/OHLC")).toList();
    }

    @Test
    @DisplayName("the reader keeps every digit, takes count as trades, and marks the last row unfinished")
    void readsRowsExactly() throws IOException {
        String body = "{\"error\":[],\"result\":{\"XXBTZUSD\":["
                + "[1765101600,\"97012.40000\",\"97100.1\",\"96990.00001\",\"97050.5\",\"97041.33333\",\"1.23456789\",42],"
                + "[1765101660,97050.5,97050.5,97050.5,97050.5,\"0.00000\",\"0.00000000\",0],"
                + "[1765101720,\"97050.5\",\"97060.0\",\"97040.0\",\"97055.0\",\"97051.2\",\"0.5\",3]],"
                + "\"last\":1765101660}}";
        Instant now = Instant.ofEpochSecond(1765101750);

        List<Candle> candles = KrakenOhlcReader.read(body, BTC_USD, Duration.ofMinutes(1), now);

        assertThat(candles).hasSize(3);
        Candle first = candles.get(0);
        assertThat(first.openTime()).isEqualTo(Instant.ofEpochSecond(1765101600));
        assertThat(first.open()).isEqualTo(new BigDecimal("97012.40000"));
        assertThat(first.high()).isEqualTo(new BigDecimal("97100.1"));
        assertThat(first.low()).isEqualTo(new BigDecimal("96990.00001"));
        assertThat(first.close()).isEqualTo(new BigDecimal("97050.5"));
        assertThat(first.vwap()).isEqualTo(new BigDecimal("97041.33333"));
        assertThat(first.volume()).isEqualTo(new BigDecimal("1.23456789"));
        assertThat(first.trades()).isEqualTo(42);
        assertThat(first.closed()).isTrue();
        assertThat(candles.get(1).vwap()).as("no trades, no vwap").isNull();
        assertThat(candles.get(1).open()).isEqualTo(new BigDecimal("97050.5"));
        assertThat(candles.get(2).closed()).as("Kraken's last row is the unfinished candle").isFalse();
    }

    @Test
    @DisplayName("a Kraken error in the envelope is an IOException with Kraken's text")
    void krakenErrorIsReported() {
        assertThatThrownBy(() -> KrakenOhlcReader.read("{\"error\":[\"EQuery:Unknown asset pair\"]}", BTC_USD,
                Duration.ofMinutes(1), NOW)).isInstanceOf(IOException.class).hasMessageContaining("Unknown asset pair");
    }

    @Test
    @DisplayName("a range up to now gives the series exactly, oldest first, the current candle unfinished")
    void rangeUpToNowIsExact() throws Exception {
        Duration fiveMinutes = Duration.ofMinutes(5);
        Instant from = Instant.parse("2026-12-07T08:00:00Z");

        List<Candle> candles = history().candles(BTC_USD, fiveMinutes, from, NOW.plusSeconds(3600));

        List<CandleSeries.Row> expected = simulator.candles().rows("BTC/USD", fiveMinutes, from, NOW);
        assertThat(candles).hasSize(25).hasSameSizeAs(expected);
        for (int i = 0; i < candles.size(); i++) {
            assertMatches(candles.get(i), expected.get(i));
        }
        assertThat(candles.subList(0, 24)).allMatch(Candle::closed);
        assertThat(candles.get(24).openTime()).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
        assertThat(candles.get(24).closed()).isFalse();
        assertThat(ohlcCalls()).singleElement().satisfies(call -> assertThat(call.queryParams())
                .containsEntry("pair", "XBTUSD").containsEntry("interval", "5")
                .containsEntry("since", String.valueOf(from.getEpochSecond() - 1)));
    }

    @Test
    @DisplayName("a range in the past ends before 'to' and starts at 'from', without duplicates")
    void rangeInThePastIsCut() throws Exception {
        Duration minute = Duration.ofMinutes(1);
        Instant from = Instant.parse("2026-12-07T09:10:30Z");
        Instant to = Instant.parse("2026-12-07T09:40:00Z");

        List<Candle> candles = history().candles(BTC_USD, minute, from, to);

        assertThat(candles).hasSize(29).allMatch(Candle::closed);
        assertThat(candles.get(0).openTime()).isEqualTo(Instant.parse("2026-12-07T09:11:00Z"));
        assertThat(candles.get(28).openTime()).isEqualTo(Instant.parse("2026-12-07T09:39:00Z"));
        assertThat(candles).extracting(Candle::openTime).doesNotHaveDuplicates().isSorted();
    }

    @Test
    @DisplayName("Kraken keeps the newest 720 candles: an older start gives those 720, the last one unfinished")
    void olderThanKrakenKeepsGivesTheNewest720() throws Exception {
        Duration minute = Duration.ofMinutes(1);

        List<Candle> candles = history().candles(BTC_USD, minute, NOW.minus(Duration.ofDays(2)), NOW.plusSeconds(60));

        assertThat(candles).hasSize(720);
        assertThat(candles.get(0).openTime()).isEqualTo(Instant.parse("2026-12-07T10:02:00Z").minus(minute.multipliedBy(719)));
        assertThat(candles).extracting(Candle::openTime).doesNotHaveDuplicates().isSorted();
        assertThat(candles.get(719).closed()).isFalse();
    }

    @Test
    @DisplayName("an unsupported interval is refused before any request, naming the supported ones")
    void unsupportedIntervalListsSupported() {
        CandleHistory history = history();

        assertThat(history.intervals()).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(5),
                Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(4),
                Duration.ofDays(1));
        assertThatThrownBy(() -> history.candles(BTC_USD, Duration.ofMinutes(2), NOW.minusSeconds(600), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kraken has no 2m candles; supported intervals: 1m, 5m, 15m, 30m, 1h, 4h, 1d");
        assertThat(ohlcCalls()).isEmpty();
    }

    @Test
    @DisplayName("PriceFeed.history() gives the plugin's history before start, and the provider declares HISTORY")
    void priceFeedOffersHistoryBeforeStart() throws Exception {
        simulator.candles().clock(CLOCK);
        assertThat(new KrakenProvider().capabilities()).contains(Capability.HISTORY);
        try (PriceFeed feed = simulator.pointAt(PriceFeed.builder().exchange("kraken").instruments("BTC/USD")
                .environment(Map.of()).clock(CLOCK)).build()) {
            List<Candle> candles = feed.history().orElseThrow().candles(BTC_USD, Duration.ofHours(1),
                    Instant.parse("2026-12-07T06:00:00Z"), Instant.parse("2026-12-07T09:00:00Z"));

            assertThat(candles).extracting(Candle::openTime).containsExactly(Instant.parse("2026-12-07T06:00:00Z"),
                    Instant.parse("2026-12-07T07:00:00Z"), Instant.parse("2026-12-07T08:00:00Z"));
            assertMatches(candles.get(1), simulator.candles().row("BTC/USD", Duration.ofHours(1),
                    Instant.parse("2026-12-07T07:00:00Z")));
            assertThat(feed.state()).isEqualTo(FeedState.IDLE);
            assertThat(simulator.server().connectionsAccepted()).isZero();
        }
    }

    private static void assertMatches(Candle candle, CandleSeries.Row row) {
        assertThat(candle.exchange()).isEqualTo("kraken");
        assertThat(candle.instrument()).isEqualTo(BTC_USD);
        assertThat(candle.interval()).isEqualTo(row.interval());
        assertThat(candle.openTime()).isEqualTo(row.openTime());
        assertThat(candle.open()).isEqualTo(row.open());
        assertThat(candle.high()).isEqualTo(row.high());
        assertThat(candle.low()).isEqualTo(row.low());
        assertThat(candle.close()).isEqualTo(row.close());
        assertThat(candle.volume()).isEqualTo(row.volume());
        assertThat(candle.vwap()).isEqualTo(row.vwap());
        assertThat(candle.trades()).isEqualTo(row.trades());
    }
}
