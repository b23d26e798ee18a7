package dev.pricefeed.exchange.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pricefeed.Instrument;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Symbol mapping between the unified form, Kraken v2 and Kraken's legacy REST names. */
class KrakenSymbolsTest {

    private static final Instrument BTC_USD = Instrument.of("BTC/USD");
    private static final Instrument DOGE_USD = Instrument.of("DOGE/USD");
    private static final Instrument ETH_BTC = Instrument.of("ETH/BTC");
    private static final Instrument SOL_USD = Instrument.of("SOL/USD");

    private final KrakenPairCatalog catalog = new KrakenPairCatalog();
    private final KrakenSymbols symbols = new KrakenSymbols(catalog);

    @Test
    @DisplayName("v2 names: BTC/USD stays, XBT and XDG become BTC and DOGE")
    void v2Names() {
        assertThat(symbols.toNative(BTC_USD)).isEqualTo("BTC/USD");
        assertThat(symbols.toNative(Instrument.of("XBT/USD"))).isEqualTo("BTC/USD");
        assertThat(symbols.toNative(Instrument.of("XDG/EUR"))).isEqualTo("DOGE/EUR");
        assertThat(symbols.fromNative("BTC/USD")).isEqualTo(BTC_USD);
        assertThat(symbols.fromNative("XBT/USD")).isEqualTo(BTC_USD);
        assertThat(symbols.fromNative("ETH/XBT")).isEqualTo(ETH_BTC);
        assertThat(symbols.fromNative("BTCUSD")).isNull();
        assertThat(symbols.fromNative("bad/")).isNull();
        assertThat(symbols.fromNative(null)).isNull();
    }

    @Test
    @DisplayName("USD and USDT are never aliased")
    void usdIsNotUsdt() {
        assertThat(symbols.toNative(Instrument.of("BTC/USDT"))).isEqualTo("BTC/USDT");
        assertThat(symbols.restPair(Instrument.of("BTC/USDT"))).isEqualTo("XBTUSDT");
        assertThat(symbols.fromRestKey("XBTUSDT", List.of(BTC_USD, Instrument.of("BTC/USDT"))))
                .isEqualTo(Instrument.of("BTC/USDT"));
    }

    @Test
    @DisplayName("REST pair names without the catalog: XBTUSD, XDGUSD")
    void restPairsWithoutCatalog() {
        assertThat(symbols.restPair(BTC_USD)).isEqualTo("XBTUSD");
        assertThat(symbols.restPair(DOGE_USD)).isEqualTo("XDGUSD");
        assertThat(symbols.restPair(SOL_USD)).isEqualTo("SOLUSD");
    }

    @Test
    @DisplayName("REST result keys without the catalog: X/Z-prefixed legacy keys and plain altnames")
    void restKeysWithoutCatalog() {
        List<Instrument> asked = List.of(BTC_USD, ETH_BTC, SOL_USD, DOGE_USD);

        assertThat(symbols.fromRestKey("XXBTZUSD", asked)).isEqualTo(BTC_USD);
        assertThat(symbols.fromRestKey("XETHXXBT", asked)).isEqualTo(ETH_BTC);
        assertThat(symbols.fromRestKey("SOLUSD", asked)).isEqualTo(SOL_USD);
        assertThat(symbols.fromRestKey("XDGUSD", asked)).isEqualTo(DOGE_USD);
        assertThat(symbols.fromRestKey("XXMRZUSD", asked)).isNull();
        assertThat(symbols.fromRestKey("ANYTHING", List.of(SOL_USD))).isEqualTo(SOL_USD);
    }

    @Test
    @DisplayName("with the catalog, REST names and keys come from AssetPairs")
    void withCatalog() {
        catalog.update(List.of(new KrakenPairCatalog.Pair("XXBTZUSD", "XBTUSD", BTC_USD),
                new KrakenPairCatalog.Pair("XDGUSD", "XDGUSD", DOGE_USD),
                new KrakenPairCatalog.Pair("XETHXXBT", "ETHXBT", ETH_BTC)));

        assertThat(symbols.restPair(ETH_BTC)).isEqualTo("ETHXBT");
        assertThat(symbols.restPair(Instrument.of("XBT/USD"))).isEqualTo("XBTUSD");
        assertThat(symbols.fromRestKey("XETHXXBT", List.of(ETH_BTC))).isEqualTo(ETH_BTC);
        assertThat(symbols.fromRestKey("XXBTZUSD", List.of(Instrument.of("XBT/USD"))))
                .isEqualTo(Instrument.of("XBT/USD"));
        assertThat(catalog.instruments()).containsExactlyInAnyOrder(BTC_USD, DOGE_USD, ETH_BTC);
    }
}
