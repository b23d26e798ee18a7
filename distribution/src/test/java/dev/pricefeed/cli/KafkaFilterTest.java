package dev.pricefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Instrument;
import java.util.List;
import org.junit.jupiter.api.Test;

class KafkaFilterTest {

    private static final Instrument BTC_USD = Instrument.of("BTC/USD");
    private static final Instrument ETH_USD = Instrument.of("ETH/USD");

    @Test
    void noTargetsShowEverything() {
        assertThat(KafkaFilter.parse(List.of()).accepts("anything", BTC_USD)).isTrue();
    }

    @Test
    void targetsNameExchangeInstrumentPairsInstrumentsOnAnyExchangeOrWholeExchanges() {
        KafkaFilter filter = KafkaFilter.parse(List.of("ETH/USD", "kraken:BTC/USD", "coinbase", "binance",
                "btc/usdt"));

        assertThat(filter.accepts("kraken", BTC_USD)).isTrue();
        assertThat(filter.accepts("kucoin", BTC_USD)).isFalse();
        assertThat(filter.accepts("kucoin", ETH_USD)).isTrue();
        assertThat(filter.accepts("coinbase", Instrument.of("SOL/USD"))).isTrue();
        assertThat(filter.accepts("binance", Instrument.of("BTC/USDT"))).isTrue();
        assertThat(filter.accepts("binance", Instrument.of("ETH/USDT"))).isFalse();
    }

    @Test
    void somethingThatIsNeitherIsAUsageError() {
        assertThatThrownBy(() -> KafkaFilter.parse(List.of("kraken:BTCUSD"))).isInstanceOf(UsageError.class)
                .hasMessageContaining("BTCUSD");
        assertThatThrownBy(() -> KafkaFilter.parse(List.of("kra ken"))).isInstanceOf(UsageError.class)
                .hasMessageContaining("is neither an exchange id");
    }
}
