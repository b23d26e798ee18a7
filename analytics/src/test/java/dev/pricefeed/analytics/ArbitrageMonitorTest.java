package dev.pricefeed.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ArbitrageMonitorTest {

    private static final Instrument BTC_USD = Instrument.of("BTC/USD");
    private static final Instrument BTC_USDT = Instrument.of("BTC/USDT");

    private final TestClock clock = new TestClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final ManualScheduling scheduling = new ManualScheduling();
    private final List<ArbitrageEvent> events = new CopyOnWriteArrayList<>();

    private ArbitrageMonitor monitor(QuoteCurrencies currencies) {
        return ArbitrageMonitor.builder()
                .currencies(currencies)
                .fees(FeeSchedule.none().with("kraken", new BigDecimal("0.0026")).with("coinbase=0.006")
                        .with("binance=0.001"))
                .staleAfter(Duration.ofSeconds(5))
                .clock(clock)
                .scheduling(scheduling)
                .onEvent(events::add)
                .build();
    }

    private Tick tick(String exchange, Instrument instrument, String bid, String bidSize, String ask, String askSize) {
        return Tick.builder(exchange, instrument)
                .bid(new BigDecimal(bid)).bidSize(bidSize == null ? null : new BigDecimal(bidSize))
                .ask(new BigDecimal(ask)).askSize(askSize == null ? null : new BigDecimal(askSize))
                .receivedAt(clock.instant()).build();
    }

    private static String line(ArbitrageEvent event) {
        Opportunity o = event.opportunity();
        return event.state().wireName() + " buy " + o.buy().exchange() + " " + o.buy().price().toPlainString()
                + " sell " + o.sell().exchange() + " " + o.sell().price().toPlainString() + " size "
                + (o.size() == null ? "-" : o.size().toPlainString()) + " net " + o.netSpread().toPlainString()
                + " bps " + o.netSpreadBps().toPlainString();
    }

    @Test
    void anOpportunityOpensOnlyWhenTheBidBeatsTheOfferNetOfBothTakerFees() {
        try (ArbitrageMonitor monitor = monitor(QuoteCurrencies.distinct())) {
            monitor.accept(tick("kraken", BTC_USD, "9990", "2", "10000", "1.5"));
            // coinbase bids 10050: gross 50 above kraken's offer, but the fees are 26 + 60.3 = 86.3
            monitor.accept(tick("coinbase", BTC_USD, "10050", "0.4", "10060", "1"));
            assertThat(events).isEmpty();

            // 10100 × (1 − 0.006) − 10000 × (1 + 0.0026) = 10039.4 − 10026 = 13.4
            monitor.accept(tick("coinbase", BTC_USD, "10100", "0.4", "10110", "1"));

            assertThat(events).map(ArbitrageMonitorTest::line).containsExactly(
                    "open buy kraken 10000 sell coinbase 10100 size 0.4 net 13.4000 bps 13.37");
            assertThat(monitor.best(BTC_USD).bid()).map(Quote::exchange).hasValue("coinbase");
            assertThat(monitor.best(BTC_USD).ask()).map(Quote::exchange).hasValue("kraken");
        }
    }

    @Test
    void opportunitiesChangeAndClose() {
        try (ArbitrageMonitor monitor = monitor(QuoteCurrencies.distinct())) {
            monitor.accept(tick("kraken", BTC_USD, "9990", "2", "10000", "1.5"));
            monitor.accept(tick("coinbase", BTC_USD, "10100", "0.4", "10110", "1"));
            // the same quote again changes nothing
            monitor.accept(tick("coinbase", BTC_USD, "10100", "0.4", "10110", "1"));
            monitor.accept(tick("coinbase", BTC_USD, "10100", "3", "10110", "1"));
            monitor.accept(tick("coinbase", BTC_USD, "10060", "3", "10070", "1"));

            assertThat(events).map(ArbitrageMonitorTest::line).containsExactly(
                    "open buy kraken 10000 sell coinbase 10100 size 0.4 net 13.4000 bps 13.37",
                    "update buy kraken 10000 sell coinbase 10100 size 1.5 net 13.4000 bps 13.37",
                    "closed buy kraken 10000 sell coinbase 10100 size 1.5 net 13.4000 bps 13.37");
            assertThat(monitor.open()).isEmpty();
        }
    }

    @Test
    void aStaleQuoteClosesTheOpportunityAndNeverOpensOne() {
        try (ArbitrageMonitor monitor = monitor(QuoteCurrencies.distinct())) {
            monitor.start();
            monitor.accept(tick("kraken", BTC_USD, "9990", "2", "10000", "1.5"));
            clock.advance(Duration.ofSeconds(4));
            monitor.accept(tick("coinbase", BTC_USD, "10100", "0.4", "10110", "1"));
            assertThat(events).map(e -> e.state()).containsExactly(ArbitrageEvent.State.OPEN);

            // kraken's quote is now 5.001 s old: the clock task closes the opportunity without any new tick
            clock.advance(Duration.ofMillis(1001));
            scheduling.runAll();

            assertThat(events).map(e -> e.state())
                    .containsExactly(ArbitrageEvent.State.OPEN, ArbitrageEvent.State.CLOSED);
            assertThat(events.get(1).opportunity().at()).isEqualTo(clock.instant());
            // a new coinbase tick does not reopen it with the stale kraken quote
            monitor.accept(tick("coinbase", BTC_USD, "10200", "0.4", "10210", "1"));
            assertThat(events).hasSize(2);
            assertThat(monitor.best(BTC_USD).ask()).map(Quote::exchange).hasValue("coinbase");
        }
    }

    @Test
    void aCrossedQuoteIsNeverUsed() {
        try (ArbitrageMonitor monitor = monitor(QuoteCurrencies.distinct())) {
            monitor.accept(tick("kraken", BTC_USD, "9990", "2", "10000", "1.5"));
            // a broken coinbase quote: its bid is above its own offer
            monitor.accept(tick("coinbase", BTC_USD, "10200", "1", "10100", "1"));

            assertThat(events).isEmpty();
            assertThat(monitor.best(BTC_USD).bid()).map(Quote::exchange).hasValue("kraken");
        }
    }

    @Test
    void usdAndUsdtAreDifferentMarketsUnlessDeclaredEqual() {
        try (ArbitrageMonitor distinct = monitor(QuoteCurrencies.distinct())) {
            distinct.accept(tick("kraken", BTC_USD, "9990", "2", "10000", "1.5"));
            distinct.accept(tick("binance", BTC_USDT, "10100", "0.5", "10101", "1"));
            assertThat(events).isEmpty();
            assertThat(distinct.best(BTC_USD).bid()).map(Quote::exchange).hasValue("kraken");
        }

        try (ArbitrageMonitor same = monitor(QuoteCurrencies.parse(List.of("USD=USDT")))) {
            same.accept(tick("kraken", BTC_USD, "9990", "2", "10000", "1.5"));
            same.accept(tick("binance", BTC_USDT, "10100", "0.5", "10101", "1"));

            // 10100 × 0.999 − 10000 × 1.0026 = 10089.9 − 10026 = 63.9
            assertThat(events).map(ArbitrageMonitorTest::line).containsExactly(
                    "open buy kraken 10000 sell binance 10100 size 0.5 net 63.9000 bps 63.73");
            assertThat(events.get(0).opportunity().market()).isEqualTo(BTC_USD);
            assertThat(events.get(0).opportunity().sell().instrument()).isEqualTo(BTC_USDT);
        }
    }

    @Test
    void anExchangeWithoutAFeeIsLeftOut() {
        try (ArbitrageMonitor monitor = monitor(QuoteCurrencies.distinct())) {
            monitor.accept(tick("kraken", BTC_USD, "9990", "2", "10000", "1.5"));
            monitor.accept(tick("bitstamp", BTC_USD, "11000", "1", "11010", "1"));

            assertThat(events).isEmpty();
        }
    }

    @Test
    void withoutSizesTheOpportunitySizeIsTheKnownOneOrNone() {
        try (ArbitrageMonitor monitor = monitor(QuoteCurrencies.distinct())) {
            monitor.accept(tick("kraken", BTC_USD, "9990", null, "10000", null));
            monitor.accept(tick("coinbase", BTC_USD, "10100", null, "10110", "1"));

            assertThat(events).map(ArbitrageMonitorTest::line).containsExactly(
                    "open buy kraken 10000 sell coinbase 10100 size - net 13.4000 bps 13.37");
        }
    }
}
