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
}
