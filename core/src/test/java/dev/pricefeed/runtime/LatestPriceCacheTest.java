package dev.pricefeed.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LatestPriceCacheTest {

    private static final Instrument BTC = Instrument.of("BTC/USDT");

    @Test
    void partialTicksMergeFieldByField() {
        LatestPriceCache cache = new LatestPriceCache("binance");
        cache.apply(Tick.builder("binance", BTC).last(new BigDecimal("67000.10")).open(new BigDecimal("66000"))
                .receivedAt(Instant.EPOCH).build());
        Tick merged = cache.apply(Tick.builder("binance", BTC).bid(new BigDecimal("67000.00"))
                .ask(new BigDecimal("67000.20")).sequence(7L).receivedAt(Instant.EPOCH.plusSeconds(1)).build());

        assertThat(merged.last()).isEqualTo(new BigDecimal("67000.10"));
        assertThat(merged.open()).isEqualTo(new BigDecimal("66000"));
        assertThat(merged.bid()).isEqualTo(new BigDecimal("67000.00"));
        assertThat(merged.ask()).isEqualTo(new BigDecimal("67000.20"));
        assertThat(merged.sequence()).isEqualTo(7L);
        assertThat(merged.receivedAt()).isEqualTo(Instant.EPOCH.plusSeconds(1));
        assertThat(cache.latest("binance", BTC)).contains(merged);
        assertThat(cache.latest("kraken", BTC)).isEmpty();
        assertThat(merged.spread()).isEqualTo(new BigDecimal("0.20"));
    }

    private static Tick.Builder at(long second) {
        return Tick.builder("kucoin", BTC).exchangeTime(Instant.ofEpochSecond(second))
                .receivedAt(Instant.ofEpochSecond(second));
    }

    @Test
    void statisticsFillMissingQuotes() {
        LatestPriceCache cache = new LatestPriceCache("kucoin");
        Tick merged = cache.applyStatistics(at(10).last(new BigDecimal("100")).bid(new BigDecimal("99"))
                .ask(new BigDecimal("101")).volume(new BigDecimal("5")).build());

        assertThat(merged.last()).isEqualTo(new BigDecimal("100"));
        assertThat(merged.bid()).isEqualTo(new BigDecimal("99"));
        assertThat(merged.ask()).isEqualTo(new BigDecimal("101"));
        assertThat(merged.volume()).isEqualTo(new BigDecimal("5"));
    }

    @Test
    void olderStatisticsNeverOverwriteANewerRealTimeQuote() {
        LatestPriceCache cache = new LatestPriceCache("kucoin");
        cache.apply(at(20).last(new BigDecimal("200")).bid(new BigDecimal("199")).bidSize(new BigDecimal("1"))
                .build());
        Tick merged = cache.applyStatistics(at(18).last(new BigDecimal("180")).bid(new BigDecimal("179"))
                .bidSize(new BigDecimal("2")).ask(new BigDecimal("181")).high(new BigDecimal("250")).build());

        assertThat(merged.last()).isEqualTo(new BigDecimal("200"));
        assertThat(merged.bid()).isEqualTo(new BigDecimal("199"));
        assertThat(merged.bidSize()).isEqualTo(new BigDecimal("1"));
        // the ask was missing, and 24 h statistics are always the statistics message's
        assertThat(merged.ask()).isEqualTo(new BigDecimal("181"));
        assertThat(merged.high()).isEqualTo(new BigDecimal("250"));
        assertThat(merged.exchangeTime()).isEqualTo(Instant.ofEpochSecond(20));
    }

    @Test
    void newerStatisticsReplaceOlderQuotes() {
        LatestPriceCache cache = new LatestPriceCache("kucoin");
        cache.apply(at(20).last(new BigDecimal("200")).bid(new BigDecimal("199")).build());
        cache.apply(at(25).ask(new BigDecimal("205")).build());
        Tick merged = cache.applyStatistics(at(22).last(new BigDecimal("220")).bid(new BigDecimal("219"))
                .ask(new BigDecimal("221")).build());

        assertThat(merged.last()).isEqualTo(new BigDecimal("220"));
        assertThat(merged.bid()).isEqualTo(new BigDecimal("219"));
        assertThat(merged.ask()).isEqualTo(new BigDecimal("205"));
    }

    @Test
    void aRealTimeQuoteWithoutExchangeTimeIsNeverOverwrittenByStatistics() {
        LatestPriceCache cache = new LatestPriceCache("binance");
        cache.apply(Tick.builder("binance", BTC).bid(new BigDecimal("0.0023")).receivedAt(Instant.EPOCH).build());
        Tick merged = cache.applyStatistics(at(99).bid(new BigDecimal("0.0024")).last(new BigDecimal("0.0025"))
                .build());

        assertThat(merged.bid()).isEqualTo(new BigDecimal("0.0023"));
        assertThat(merged.last()).isEqualTo(new BigDecimal("0.0025"));
        // a later real-time update still wins at once
        assertThat(cache.apply(at(50).bid(new BigDecimal("0.0022")).build()).bid()).isEqualTo(new BigDecimal("0.0022"));
    }

    @Test
    void aLaterStatisticsMessageOfTheSameMillisecondReplacesTheEarlierOne() {
        LatestPriceCache cache = new LatestPriceCache("binance");
        cache.applyStatistics(at(30).last(new BigDecimal("300")).build());
        Tick merged = cache.applyStatistics(at(30).last(new BigDecimal("301")).build());

        assertThat(merged.last()).isEqualTo(new BigDecimal("301"));
        // a real-time quote of that same time is still not overwritten by statistics
        cache.apply(at(30).last(new BigDecimal("302")).build());
        assertThat(cache.applyStatistics(at(30).last(new BigDecimal("303")).build()).last())
                .isEqualTo(new BigDecimal("302"));
    }
}
