package dev.pricefeed.exchange.kucoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import dev.pricefeed.spi.support.SeparatorSymbols;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestRepliesTest {

    private static final Instrument BTC = Instrument.of("BTC/USDT");
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void bulletGivesTokenEndpointAndPingTimes() throws IOException {
        Bullet bullet = RestReplies.bullet(Fixtures.read("rest-bullet-public-response.json"));

        assertThat(bullet.token()).startsWith("2neAiuYvAU61ZDXANAGAsiL4-iAExhsBXZxftpOeh_55i3Ysy2q2LEsEWU64")
                .endsWith(".ymP9jIr6v-vucrZr8761yA==");
        assertThat(bullet.endpoint()).isEqualTo(URI.create("wss://ws-api-spot.kucoin.com/"));
        assertThat(bullet.pingInterval()).isEqualTo(Duration.ofMillis(18000));
        assertThat(bullet.pingTimeout()).isEqualTo(Duration.ofMillis(10000));
        assertThat(bullet.toString()).doesNotContain(bullet.token());
    }

    @Test
    void bulletWithAnErrorCodeFailsWithKuCoinsWords() {
        assertThatThrownBy(() -> RestReplies.bullet("{\"code\":\"400100\",\"msg\":\"bad request\"}"))
                .isInstanceOf(IOException.class).hasMessageContaining("400100").hasMessageContaining("bad request");
    }

    @Test
    void bulletWithoutServersFails() {
        assertThatThrownBy(() -> RestReplies.bullet(
                "{\"code\":\"200000\",\"data\":{\"token\":\"t\",\"instanceServers\":[]}}"))
                .isInstanceOf(IOException.class).hasMessageContaining("no token or no instance server");
    }

    @Test
    void level1GivesAFullQuoteTick() throws IOException {
        Tick tick = RestReplies.level1(Fixtures.read("rest-orderbook-level1-response.json"), BTC, NOW);

        assertThat(tick.instrument()).isEqualTo(BTC);
        assertThat(tick.last()).isEqualTo(new BigDecimal("67269"));
        assertThat(tick.lastSize()).isEqualTo(new BigDecimal("0.000025"));
        assertThat(tick.bid()).isEqualTo(new BigDecimal("67267.5"));
        assertThat(tick.bidSize()).isEqualTo(new BigDecimal("0.000025"));
        assertThat(tick.ask()).isEqualTo(new BigDecimal("67267.6"));
        assertThat(tick.askSize()).isEqualTo(new BigDecimal("1.24808993"));
        assertThat(tick.exchangeTime()).isEqualTo(Instant.ofEpochMilli(1729172965609L));
        assertThat(tick.sequence()).isEqualTo(14609309753L);
        assertThat(tick.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void level1WithoutDataIsNoTick() throws IOException {
        assertThat(RestReplies.level1("{\"code\":\"200000\",\"data\":null}", BTC, NOW)).isNull();
    }

    @Test
    void allTickersKeepsOnlyTheWantedSymbols() throws IOException {
        List<Tick> ticks = RestReplies.allTickers(Fixtures.read("rest-all-tickers-response.json"),
                Map.of("BTC-USDT", BTC), NOW);

        assertThat(ticks).hasSize(1);
        Tick tick = ticks.get(0);
        assertThat(tick.last()).isEqualTo(new BigDecimal("67193"));
        assertThat(tick.bid()).isEqualTo(new BigDecimal("67192.5"));
        assertThat(tick.bidSize()).isEqualTo(new BigDecimal("0.000025"));
        assertThat(tick.ask()).isEqualTo(new BigDecimal("67192.6"));
        assertThat(tick.askSize()).isEqualTo(new BigDecimal("1.24949204"));
        assertThat(tick.high()).isEqualTo(new BigDecimal("68321.4"));
        assertThat(tick.low()).isEqualTo(new BigDecimal("66683.3"));
        assertThat(tick.volume()).isEqualTo(new BigDecimal("1836.03034612"));
        assertThat(tick.quoteVolume()).isEqualTo(new BigDecimal("124068431.06726933"));
        assertThat(tick.vwap()).isEqualTo(new BigDecimal("67281.21437289"));
        assertThat(tick.exchangeTime()).isEqualTo(Instant.ofEpochMilli(1729173207043L));

        assertThat(RestReplies.allTickers(Fixtures.read("rest-all-tickers-response.json"),
                Map.of("ETH-USDT", Instrument.of("ETH/USDT")), NOW)).isEmpty();
    }

    @Test
    void statsReplyIsOneTickerEntryShape() throws IOException {
        // /api/v1/market/stats is not polled (allTickers carries the same fields); its sample is still a valid
        // allTickers entry, which proves the field names the poller reads
        String stats = Fixtures.read("rest-stats-24hr-response.json");
        String asAllTickers = "{\"code\":\"200000\",\"data\":{\"time\":1729175612158,\"ticker\":["
                + stats.substring(stats.indexOf("\"data\":") + 7, stats.lastIndexOf('}')) + "]}}";

        Tick tick = RestReplies.allTickers(asAllTickers, Map.of("BTC-USDT", BTC), NOW).get(0);

        assertThat(tick.last()).isEqualTo(new BigDecimal("66981.5"));
        assertThat(tick.bid()).isEqualTo(new BigDecimal("66982.4"));
        assertThat(tick.ask()).isEqualTo(new BigDecimal("66982.5"));
        assertThat(tick.high()).isEqualTo(new BigDecimal("68107.7"));
        assertThat(tick.low()).isEqualTo(new BigDecimal("66683.3"));
        assertThat(tick.volume()).isEqualTo(new BigDecimal("1738.02898182"));
        assertThat(tick.quoteVolume()).isEqualTo(new BigDecimal("117321982.415978333"));
        assertThat(tick.vwap()).isEqualTo(new BigDecimal("67281.21437289"));
    }

    @Test
    void symbolsListEveryMappableSymbol() throws IOException {
        assertThat(RestReplies.symbols(Fixtures.read("rest-symbols-v2-shape.json"), new SeparatorSymbols('-')))
                .containsExactly(BTC, Instrument.of("ETH/BTC"));
    }

    @Test
    void notJsonIsAnIoException() {
        assertThatThrownBy(() -> RestReplies.symbols("<html>", new SeparatorSymbols('-')))
                .isInstanceOf(IOException.class);
    }
}
