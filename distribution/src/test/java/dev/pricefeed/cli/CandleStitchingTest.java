package dev.pricefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.Candle;
import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.analytics.CandleEvent;
import dev.pricefeed.analytics.CandleSource;
import dev.pricefeed.analytics.IndicatorSpec;
import dev.pricefeed.analytics.Intervals;
import dev.pricefeed.analytics.LiveCandles;
import dev.pricefeed.spi.CandleHistory;
import dev.pricefeed.testkit.binance.BinanceSimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * History from the Binance emulator's klines endpoint, through the Binance plugin, stitched to live trades from its
 * WebSocket while the trade stream overlaps the history: daily candles, so a test never straddles a boundary (except
 * at midnight UTC).
 */
class CandleStitchingTest {

    private static final Instrument BTC_USDT = Instrument.of("BTC/USDT");
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void historyThenLiveTradesWithoutGapsDoublesOrTradesCountedTwice() throws Exception {
        List<CandleEvent> events = new CopyOnWriteArrayList<>();
        AtomicInteger received = new AtomicInteger();
        try (BinanceSimulator binance = BinanceSimulator.start();
                PriceFeed feed = binance.pointAt(PriceFeed.builder().exchange("binance").instruments("BTC/USDT")
                        .channels(Channel.TICKER, Channel.TRADES)).build()) {
            CandleHistory history = feed.history().orElseThrow();
            try (LiveCandles candles = LiveCandles.builder("binance", BTC_USDT, DAY)
                    .history(history, Duration.ofDays(3))
                    .indicators(IndicatorSpec.parseList("sma2"))
                    .onCandle(events::add)
                    .build()) {
                feed.onTrade(trade -> received.incrementAndGet());
                feed.onTrade(candles::accept);
                feed.start();
                await().atMost(PATIENCE).until(() -> binance.tickerSubscriptions(BTC_USDT) >= 1);
                // trades streaming before the history is read: the history has counted them already
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
                    binance.publishNumberedTrade(BTC_USDT);
                    return received.get() > 0;
                });
                candles.start();

                Instant today = Intervals.openTime(Instant.now(), DAY);
                List<Candle> rows = history.candles(BTC_USDT, DAY, today.minus(DAY.multipliedBy(3)), today.plus(DAY));
                Candle unfinished = rows.get(rows.size() - 1);
                assertThat(unfinished.openTime()).isEqualTo(today);
                assertThat(events).extracting(CandleEvent::source).containsOnly(CandleSource.HISTORY);
                assertThat(events).extracting(e -> e.candle().openTime()).containsExactly(
                        today.minus(DAY.multipliedBy(3)), today.minus(DAY.multipliedBy(2)), today.minus(DAY));
                for (int i = 0; i < 3; i++) {
                    assertSame(events.get(i).candle(), rows.get(i));
                }
                assertThat(events.get(1).indicators()).containsKey("sma2");

                // after the history was read: added to the unfinished day's row
                long id = binance.publishNumberedTrade(BTC_USDT);
                await().atMost(PATIENCE).until(() -> candles.current().orElseThrow().trades() > unfinished.trades());

                Candle live = candles.current().orElseThrow();
                BigDecimal price = new BigDecimal("100." + id);
                assertThat(live.openTime()).isEqualTo(today);
                assertThat(live.open()).isEqualByComparingTo(unfinished.open());
                assertThat(live.high()).isEqualByComparingTo(unfinished.high());
                assertThat(live.low()).isEqualByComparingTo(price);
                assertThat(live.close()).isEqualByComparingTo(price);
                assertThat(live.volume()).isEqualByComparingTo(unfinished.volume().add(new BigDecimal("0.5")));
                assertThat(live.trades()).isEqualTo(unfinished.trades() + 1);
                // every trade before the last one came before the history was read (one socket keeps their order)
                assertThat(candles.coveredTrades()).isEqualTo(received.get() - 1).isPositive();
                assertThat(candles.lateTrades()).isZero();
            }
        }
    }

    private static void assertSame(Candle actual, Candle expected) {
        assertThat(actual.openTime()).isEqualTo(expected.openTime());
        assertThat(actual.open()).isEqualByComparingTo(expected.open());
        assertThat(actual.high()).isEqualByComparingTo(expected.high());
        assertThat(actual.low()).isEqualByComparingTo(expected.low());
        assertThat(actual.close()).isEqualByComparingTo(expected.close());
        assertThat(actual.volume()).isEqualByComparingTo(expected.volume());
        assertThat(actual.trades()).isEqualTo(expected.trades());
        assertThat(actual.closed()).isTrue();
    }
}
