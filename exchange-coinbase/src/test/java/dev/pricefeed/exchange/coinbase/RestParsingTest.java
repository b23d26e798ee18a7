package dev.pricefeed.exchange.coinbase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import dev.pricefeed.spi.support.SeparatorSymbols;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RestParsingTest {

    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

    @Test
    void productTickerKeepsEveryValueExactly() {
        ProductTickerPoller poller = new ProductTickerPoller(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:1"),
                new SeparatorSymbols('-'), Clock.fixed(NOW, ZoneOffset.UTC));

        Tick tick = poller.parse(Instrument.of("BTC/USD"), Samples.read("exchange-rest-product-ticker-docs.json"));

        assertThat(tick.exchange()).isEqualTo("coinbase");
        assertThat(tick.instrument()).isEqualTo(Instrument.of("BTC/USD"));
        assertThat(tick.last()).isEqualTo(new BigDecimal("6268.48"));
        assertThat(tick.lastSize()).isEqualTo(new BigDecimal("0.00698254"));
        assertThat(tick.bid()).isEqualTo(new BigDecimal("6265.15"));
        assertThat(tick.ask()).isEqualTo(new BigDecimal("6267.71"));
        assertThat(tick.volume()).isEqualTo(new BigDecimal("53602.03940154"));
        assertThat(tick.bidSize()).isNull();
        assertThat(tick.exchangeTime()).isEqualTo(Instant.parse("2020-03-20T00:22:57.833Z"));
        assertThat(tick.receivedAt()).isEqualTo(NOW);
        assertThat(tick.sequence()).isNull();
    }

    @Test
    void pollingIsPacedAtTenRequestsPerSecond() {
        ProductTickerPoller poller = new ProductTickerPoller(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:1"),
                new SeparatorSymbols('-'), Clock.systemUTC());

        assertThat(poller.minInterval(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(poller.minInterval(25)).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void productListGivesTheTradableInstruments() {
        String body = "[{\"id\":\"BTC-USD\",\"base_currency\":\"BTC\",\"quote_currency\":\"USD\",\"status\":\"online\","
                + "\"quote_increment\":\"0.01\",\"trading_disabled\":false},"
                + "{\"id\":\"ETH-EUR\",\"base_currency\":\"ETH\",\"quote_currency\":\"EUR\",\"status\":\"online\"},"
                + "{\"id\":\"OLD-USD\",\"base_currency\":\"OLD\",\"quote_currency\":\"USD\",\"status\":\"delisted\"},"
                + "{\"id\":\"A.B-USD\",\"base_currency\":\"A.B\",\"quote_currency\":\"USD\",\"status\":\"online\"}]";

        assertThat(ProductCatalog.parse(body)).containsExactly(Instrument.of("BTC/USD"), Instrument.of("ETH/EUR"));
    }

    @Test
    void restPathsJoinWithOrWithoutATrailingSlash() {
        assertThat(RestUris.resolve(URI.create("http://127.0.0.1:8/"), "products"))
                .isEqualTo(URI.create("http://127.0.0.1:8/products"));
        assertThat(RestUris.resolve(URI.create("http://127.0.0.1:8/cb"), "products/BTC-USD/ticker"))
                .isEqualTo(URI.create("http://127.0.0.1:8/cb/products/BTC-USD/ticker"));
    }
}
