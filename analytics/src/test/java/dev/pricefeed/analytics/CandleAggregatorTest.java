package dev.pricefeed.analytics;

import static dev.pricefeed.analytics.Trades.BTC_USD;
import static dev.pricefeed.analytics.Trades.MINUTE;
import static dev.pricefeed.analytics.Trades.at;
import static dev.pricefeed.analytics.Trades.candle;
import static dev.pricefeed.analytics.Trades.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Candle;
import dev.pricefeed.Instrument;
import dev.pricefeed.Side;
import dev.pricefeed.Trade;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandleAggregatorTest {

    private final CandleAggregator candles = new CandleAggregator("kraken", BTC_USD, MINUTE, Duration.ofSeconds(2));

    @Test
    void aKnownTradeSequenceGivesExactCandlesWithAFlatMinuteAndALateTradeLeftOut() {
        List<Candle> closed = new ArrayList<>();
        closed.addAll(candles.trade(trade("10:00:05", "100.10", "0.5")));
        closed.addAll(candles.trade(trade("10:00:20", "100.30", "0.25")));
        closed.addAll(candles.trade(trade("10:00:59.999", "99.90", "1.5")));
        assertThat(closed).isEmpty();
        // nothing trades from 10:01 to 10:02; the next trade closes 10:00 and the flat 10:01
        closed.addAll(candles.trade(trade("10:02:01", "100.00", "2")));
        // a trade of 10:00 arriving now is late: counted, never merged
        closed.addAll(candles.trade(trade("10:00:30", "200", "9")));
        closed.addAll(candles.trade(trade("10:02:30", "100.05", "0.1")));
        // the clock closes 10:02 at 10:03 plus the 2 s grace, not before
        closed.addAll(candles.advance(at("10:03:01.999")));
        assertThat(closed).hasSize(2);
        closed.addAll(candles.advance(at("10:03:02")));

        assertThat(closed).map(Trades::text).containsExactly(
                "2024-05-01T10:00:00Z o=100.10 h=100.30 l=99.90 c=99.90 v=2.25 n=3 vwap=99.98888888888888888888888888888889",
                "2024-05-01T10:01:00Z o=99.90 h=99.90 l=99.90 c=99.90 v=0 n=0 vwap=-",
                "2024-05-01T10:02:00Z o=100.00 h=100.05 l=100.00 c=100.05 v=2.1 n=2 vwap=100.0023809523809523809523809523810");
        assertThat(closed).allSatisfy(c -> assertThat(c.closed()).isTrue());
        assertThat(candles.lateTrades()).isEqualTo(1);
        assertThat(candles.current()).map(Trades::text)
                .hasValue("2024-05-01T10:03:00Z o=100.05 h=100.05 l=100.05 c=100.05 v=0 n=0 vwap=- open");
    }

    @Test
    void theClockClosesEmptyIntervalsAsFlatCandlesSoTimeStaysContinuous() {
        candles.trade(trade("10:00:10", "50.5", "1"));

        List<Candle> closed = candles.advance(at("10:03:02"));

        assertThat(closed).map(Trades::text).containsExactly(
                "2024-05-01T10:00:00Z o=50.5 h=50.5 l=50.5 c=50.5 v=1 n=1 vwap=50.5",
                "2024-05-01T10:01:00Z o=50.5 h=50.5 l=50.5 c=50.5 v=0 n=0 vwap=-",
                "2024-05-01T10:02:00Z o=50.5 h=50.5 l=50.5 c=50.5 v=0 n=0 vwap=-");
    }

    @Test
    void aTradeWithinTheGraceStillCountsAndOneAfterTheClockClosedItIsLate() {
        candles.trade(trade("10:00:10", "10", "1"));
        assertThat(candles.advance(at("10:01:01"))).isEmpty();
        candles.trade(trade("10:00:59", "11", "1"));
        assertThat(candles.advance(at("10:01:02"))).singleElement().extracting(Candle::close, Candle::trades)
                .containsExactly(new BigDecimal("11"), 2L);

        candles.trade(trade("10:00:59.5", "12", "1"));

        assertThat(candles.lateTrades()).isEqualTo(1);
    }

    @Test
    void outOfOrderTradesWithinOneIntervalKeepOpenAndCloseByExchangeTime() {
        candles.trade(trade("10:00:30", "2", "1"));
        candles.trade(trade("10:00:10", "1", "1"));
        candles.trade(trade("10:00:50", "3", "1"));
        candles.trade(trade("10:00:40", "4", "1"));

        assertThat(candles.current()).map(Trades::text)
                .hasValue("2024-05-01T10:00:00Z o=1 h=4 l=1 c=3 v=4 n=4 vwap=2.5 open");
    }

    @Test
    void withoutAnExchangeTimeTheReceiveTimeDecides() {
        Trade received = new Trade("kraken", BTC_USD, new BigDecimal("5"), BigDecimal.ONE, Side.SELL, "1", null,
                at("10:07:59.9"));

        candles.trade(received);

        assertThat(candles.current()).map(Candle::openTime).hasValue(at("10:07:00"));
    }

    @Test
    void tradesOfAnotherInstrumentAreRefused() {
        Trade other = new Trade("kraken", Instrument.of("ETH/USD"), BigDecimal.ONE, BigDecimal.ONE, Side.BUY, null,
                at("10:00:00"), at("10:00:00"));

        assertThatThrownBy(() -> candles.trade(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ETH/USD");
    }

    @Test
    void historyClosedRowsAreFinalGapsAreFlatAndTheUnfinishedRowIsContinuedByLaterTradesOnly() {
        List<Candle> history = candles.history(List.of(
                candle("10:00:00", "10", "12", "9", "11", "3", 5, "10.5", true),
                candle("10:02:00", "11", "11", "10", "10", "1", 1, "10", true),
                candle("10:03:00", "10", "13", "10", "12", "2", 3, "11.5", false)), at("10:03:30"));

        assertThat(history).map(Trades::text).containsExactly(
                "2024-05-01T10:00:00Z o=10 h=12 l=9 c=11 v=3 n=5 vwap=10.5",
                "2024-05-01T10:01:00Z o=11 h=11 l=11 c=11 v=0 n=0 vwap=-",
                "2024-05-01T10:02:00Z o=11 h=11 l=10 c=10 v=1 n=1 vwap=10");
        // counted by the history: a trade of a closed row, and one of the unfinished row before it was read
        assertThat(candles.trade(trade("10:02:30", "99", "1"))).isEmpty();
        assertThat(candles.trade(trade("10:03:29.999", "99", "1"))).isEmpty();
        assertThat(candles.coveredTrades()).isEqualTo(2);
        // after the history was read: added to the row's values
        candles.trade(trade("10:03:30", "14", "2"));

        assertThat(candles.advance(at("10:04:02"))).map(Trades::text).containsExactly(
                "2024-05-01T10:03:00Z o=10 h=14 l=10 c=14 v=4 n=4 vwap=12.75");
        assertThat(candles.lateTrades()).isZero();
    }

    @Test
    void historyWithoutAnUnfinishedRowContinuesWithFlatCandlesUntilTheFirstTrade() {
        List<Candle> history = candles.history(List.of(
                candle("10:00:00", "10", "12", "9", "11", "3", 5, "10.5", true)), at("10:02:10"));
        assertThat(history).hasSize(1);

        List<Candle> closed = candles.trade(trade("10:02:20", "12", "1"));

        assertThat(closed).map(Trades::text).containsExactly(
                "2024-05-01T10:01:00Z o=11 h=11 l=11 c=11 v=0 n=0 vwap=-");
    }

    @Test
    void historyAfterTradesIsRefused() {
        candles.trade(trade("10:00:10", "1", "1"));

        assertThatThrownBy(() -> candles.history(List.of(), at("10:00:20")))
                .isInstanceOf(IllegalStateException.class);
    }
}
