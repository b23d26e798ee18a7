package dev.pricefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Instrument;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeedTargetsTest {

    private static final List<String> INSTALLED = List.of("binance", "coinbase", "kraken", "kucoin");

    @Test
    void exchangeBeforeEachInstrument() {
        Map<String, Set<Instrument>> targets = FeedTargets.parse(
                List.of("kraken:BTC/USD", "binance:BTC/USDT", "kraken:eth/usd"), INSTALLED);

        assertThat(targets).containsOnlyKeys("kraken", "binance");
        assertThat(targets.get("kraken")).containsExactly(Instrument.of("BTC/USD"), Instrument.of("ETH/USD"));
        assertThat(targets.get("binance")).containsExactly(Instrument.of("BTC/USDT"));
    }

    @Test
    void exchangeFollowedByItsInstrumentsAndBothStylesMixed() {
        Map<String, Set<Instrument>> targets = FeedTargets.parse(
                List.of("kraken", "BTC/USD", "ETH/USD", "coinbase:BTC/USD", "SOL/USD"), INSTALLED);

        assertThat(targets.get("kraken")).containsExactly(Instrument.of("BTC/USD"), Instrument.of("ETH/USD"));
        assertThat(targets.get("coinbase")).containsExactly(Instrument.of("BTC/USD"), Instrument.of("SOL/USD"));
    }

    @Test
    void duplicatesAreKeptOnce() {
        assertThat(FeedTargets.parse(List.of("kraken", "BTC/USD", "kraken:BTC/USD"), INSTALLED).get("kraken"))
                .containsExactly(Instrument.of("BTC/USD"));
    }

    @Test
    void anUnknownExchangeListsTheInstalledOnes() {
        assertThatThrownBy(() -> FeedTargets.parse(List.of("bitfinex:BTC/USD"), INSTALLED))
                .isInstanceOf(UsageError.class)
                .hasMessage("unknown exchange 'bitfinex'; installed: binance, coinbase, kraken, kucoin");
        assertThatThrownBy(() -> FeedTargets.parse(List.of("bitfinex", "BTC/USD"), INSTALLED))
                .isInstanceOf(UsageError.class)
                .hasMessageStartingWith("unknown exchange 'bitfinex'");
    }

    @Test
    void aMalformedInstrumentSaysWhatTheFormIs() {
        assertThatThrownBy(() -> FeedTargets.parse(List.of("kraken", "BTCUSD"), INSTALLED))
                .isInstanceOf(UsageError.class)
                .hasMessageContaining("'BTCUSD' is not of the form BASE/QUOTE");
        assertThatThrownBy(() -> FeedTargets.parse(List.of("kraken:BTC-USD"), INSTALLED))
                .isInstanceOf(UsageError.class)
                .hasMessageContaining("BASE/QUOTE");
    }

    @Test
    void anInstrumentWithoutExchangeAndAnExchangeWithoutInstrumentsAreRefused() {
        assertThatThrownBy(() -> FeedTargets.parse(List.of("BTC/USD"), INSTALLED))
                .isInstanceOf(UsageError.class)
                .hasMessage("instrument 'BTC/USD' has no exchange: write kraken:BTC/USD or kraken BTC/USD");
        assertThatThrownBy(() -> FeedTargets.parse(List.of("kraken", "binance", "BTC/USDT"), INSTALLED))
                .isInstanceOf(UsageError.class)
                .hasMessage("no instruments for kraken: name at least one, such as kraken BTC/USD");
    }
}
