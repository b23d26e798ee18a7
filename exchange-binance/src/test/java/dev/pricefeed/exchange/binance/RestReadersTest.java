package dev.pricefeed.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import dev.pricefeed.testkit.RecordingSink;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestReadersTest {

    private static BigDecimal dec(String text) {
        return new BigDecimal(text);
    }

    private static Map<String, Tick.Builder> builders(String... symbolsAndInstruments) {
        Map<String, Tick.Builder> map = new LinkedHashMap<>();
        for (int i = 0; i < symbolsAndInstruments.length; i += 2) {
            map.put(symbolsAndInstruments[i], Tick.builder("binance", Instrument.of(symbolsAndInstruments[i + 1])));
        }
        return map;
    }

    private static Tick build(Map<String, Tick.Builder> map, String symbol) {
        return map.get(symbol).receivedAt(RecordingSink.RECEIVED_AT).build();
    }

    @Test
    void singleBookTickerGivesBidAndAsk() {
        Map<String, Tick.Builder> map = builders("LTCBTC", "LTC/BTC");
        RestTickerReader.read(Samples.read("rest-ticker-bookticker-single.json"), map);

        Tick tick = build(map, "LTCBTC");
        assertThat(tick.bid()).isEqualTo(dec("4.00000000"));
        assertThat(tick.bidSize()).isEqualTo(dec("431.00000000"));
        assertThat(tick.ask()).isEqualTo(dec("4.00000200"));
        assertThat(tick.askSize()).isEqualTo(dec("9.00000000"));
        assertThat(tick.last()).isNull();
    }

    @Test
    void bookTickerArrayFillsEverySymbolAskedFor() {
        Map<String, Tick.Builder> map = builders("LTCBTC", "LTC/BTC", "ETHBTC", "ETH/BTC");
        RestTickerReader.read(Samples.read("rest-ticker-bookticker-multi.json"), map);

        assertThat(build(map, "LTCBTC").bid()).isEqualTo(dec("4.00000000"));
        Tick eth = build(map, "ETHBTC");
        assertThat(eth.bid()).isEqualTo(dec("0.07946700"));
        assertThat(eth.bidSize()).isEqualTo(dec("9.00000000"));
        assertThat(eth.ask()).isEqualTo(dec("100000.00000000"));
        assertThat(eth.askSize()).isEqualTo(dec("1000.00000000"));
    }

    @Test
    void symbolsNotAskedForAreSkipped() {
        Map<String, Tick.Builder> map = builders("ETHBTC", "ETH/BTC");
        RestTickerReader.read(Samples.read("rest-ticker-bookticker-multi.json"), map);

        assertThat(map).containsOnlyKeys("ETHBTC");
        assertThat(build(map, "ETHBTC").ask()).isEqualTo(dec("100000.00000000"));
    }

    @Test
    void fullDayTickerGivesLastAndStatistics() {
        Map<String, Tick.Builder> map = builders("BNBBTC", "BNB/BTC");
        RestTickerReader.read(Samples.read("rest-ticker-24hr-full.json"), map);

        Tick tick = build(map, "BNBBTC");
        assertThat(tick.last()).isEqualTo(dec("4.00000200"));
        assertThat(tick.lastSize()).isEqualTo(dec("200.00000000"));
        assertThat(tick.bid()).isEqualTo(dec("4.00000000"));
        assertThat(tick.bidSize()).isEqualTo(dec("100.00000000"));
        assertThat(tick.ask()).isEqualTo(dec("4.00000200"));
        assertThat(tick.askSize()).isEqualTo(dec("100.00000000"));
        assertThat(tick.open()).isEqualTo(dec("99.00000000"));
        assertThat(tick.high()).isEqualTo(dec("100.00000000"));
        assertThat(tick.low()).isEqualTo(dec("0.10000000"));
        assertThat(tick.volume()).isEqualTo(dec("8913.30000000"));
        assertThat(tick.quoteVolume()).isEqualTo(dec("15.30000000"));
        assertThat(tick.vwap()).isEqualTo(dec("0.29628482"));
        assertThat(tick.exchangeTime()).isEqualTo(Instant.ofEpochMilli(1499869899040L));
    }

    @Test
    void priceTickerGivesLast() {
        Map<String, Tick.Builder> map = builders("LTCBTC", "LTC/BTC");
        RestTickerReader.read(Samples.read("rest-ticker-price-single.json"), map);

        assertThat(build(map, "LTCBTC").last()).isEqualTo(dec("4.00000200"));
    }

    @Test
    void laterAnswerOverwritesOnlyTheFieldsItCarries() {
        Map<String, Tick.Builder> map = builders("LTCBTC", "LTC/BTC");
        RestTickerReader.read("{\"symbol\":\"LTCBTC\",\"lastPrice\":\"4.1\",\"bidPrice\":\"3.9\",\"bidQty\":\"1\"}", map);
        RestTickerReader.read(Samples.read("rest-ticker-bookticker-single.json"), map);

        Tick tick = build(map, "LTCBTC");
        assertThat(tick.last()).isEqualTo(dec("4.1"));
        assertThat(tick.bid()).isEqualTo(dec("4.00000000"));
    }

    @Test
    void exchangeInfoListsPlainSymbolsWithTheirAssets() throws IOException {
        Map<String, Instrument> symbols = ExchangeInfoReader.read(fixture("exchange-info-trimmed.json"));

        assertThat(symbols).containsOnly(
                Map.entry("BTCUSDT", Instrument.of("BTC/USDT")),
                Map.entry("ETHBTC", Instrument.of("ETH/BTC")),
                Map.entry("BTCUSDC", Instrument.of("BTC/USDC")));
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = RestReadersTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
