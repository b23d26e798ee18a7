package dev.pricefeed.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pricefeed.Instrument;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BinanceSymbolsTest {

    private final BinanceSymbols symbols = new BinanceSymbols(List.of(Instrument.of("BTC/USDT")));

    @Test
    void instrumentMapsToUpperCasePayloadAndLowerCaseStreamSymbol() {
        assertThat(symbols.toNative(Instrument.of("BTC/USDT"))).isEqualTo("BTCUSDT");
        assertThat(symbols.streamSymbol(Instrument.of("BTC/USDT"))).isEqualTo("btcusdt");
    }

    @Test
    void requestedSymbolMapsBack() {
        assertThat(symbols.fromNative("BTCUSDT")).isEqualTo(Instrument.of("BTC/USDT"));
    }

    @Test
    void usdIsNeverTurnedIntoUsdt() {
        assertThat(symbols.toNative(Instrument.of("BTC/USD"))).isEqualTo("BTCUSD");
        assertThat(symbols.fromNative("BTCUSD")).isNull();
    }

    @Test
    void unknownSymbolDoesNotMapUntilTheCatalogKnowsIt() {
        assertThat(symbols.fromNative("ETHBTC")).isNull();

        symbols.installCatalog(Map.of("ETHBTC", Instrument.of("ETH/BTC")));

        assertThat(symbols.fromNative("ETHBTC")).isEqualTo(Instrument.of("ETH/BTC"));
        assertThat(symbols.fromNative("BTCUSDT")).isEqualTo(Instrument.of("BTC/USDT"));
        assertThat(symbols.fromNative(null)).isNull();
    }
}
