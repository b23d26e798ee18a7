package dev.pricefeed.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Instrument;
import dev.pricefeed.Side;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MarketDataJsonTest {

    private static final Instrument BTC_USD = Instrument.of("BTC/USD");
    private static final Instant RECEIVED = Instant.parse("2024-05-01T10:15:30.123456Z");

    @Test
    void aFullTickReadsBackIntoAnEqualTickWithTheSameDecimalScales() {
        Tick tick = Tick.builder("kraken", BTC_USD)
                .last(new BigDecimal("67523.10")).lastSize(new BigDecimal("0.00120000"))
                .bid(new BigDecimal("67523.0")).bidSize(new BigDecimal("1.5"))
                .ask(new BigDecimal("67523.2")).askSize(new BigDecimal("0.25"))
                .open(new BigDecimal("66000")).high(new BigDecimal("68000.5")).low(new BigDecimal("65000.25"))
                .volume(new BigDecimal("1234.5678")).quoteVolume(new BigDecimal("83000000.01"))
                .vwap(new BigDecimal("3.426e-5"))
                .exchangeTime(Instant.parse("2024-05-01T10:15:30.100Z")).receivedAt(RECEIVED).sequence(42L)
                .build();

        Tick read = MarketDataJson.readTick(MarketDataJson.tick(tick));

        assertThat(read).isEqualTo(tick);
        assertThat(read.last().toPlainString()).isEqualTo("67523.10");
        assertThat(MarketDataJson.tick(read)).isEqualTo(MarketDataJson.tick(tick));
    }

    @Test
    void aSparseTickReadsBackWithTheMissingFieldsEmpty() {
        Tick tick = Tick.builder("binance", Instrument.of("BTC/USDT")).bid(new BigDecimal("0.35210000"))
                .receivedAt(RECEIVED).build();

        assertThat(MarketDataJson.readTick(MarketDataJson.tick(tick))).isEqualTo(tick);
    }

    @Test
    void aTradeReadsBackIntoAnEqualTrade() {
        Trade trade = new Trade("coinbase", BTC_USD, new BigDecimal("67521.37"), new BigDecimal("0.0125"),
                Side.SELL, "987654321", Instant.parse("2024-05-01T10:15:29Z"), RECEIVED);

        assertThat(MarketDataJson.readTrade(MarketDataJson.trade(trade))).isEqualTo(trade);
    }

    @Test
    void somethingElseIsRejectedNamingWhatIsWrong() {
        assertThatThrownBy(() -> MarketDataJson.readTick("{\"type\":\"trade\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected a tick");
        assertThatThrownBy(() -> MarketDataJson.readTick("not json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> MarketDataJson.readTick("{\"type\":\"tick\",\"exchange\":\"kraken\","
                + "\"instrument\":\"BTC/USD\",\"last\":\"12,5\",\"receivedAt\":\"2024-05-01T10:15:30Z\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("last is not a decimal: 12,5");
        assertThatThrownBy(() -> MarketDataJson.readTrade("{\"type\":\"trade\",\"exchange\":\"kraken\","
                + "\"instrument\":\"BTC/USD\",\"price\":\"1\",\"size\":\"2\",\"side\":\"up\","
                + "\"receivedAt\":\"2024-05-01T10:15:30Z\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("side is neither");
    }
}
