package dev.pricefeed.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Instrument;
import org.junit.jupiter.api.Test;

class SupportHelpersTest {

    @Test
    void separatorSymbolsMapBothWaysAndRefuseOtherForms() {
        SeparatorSymbols symbols = new SeparatorSymbols('-');
        assertThat(symbols.toNative(Instrument.of("BTC/USD"))).isEqualTo("BTC-USD");
        assertThat(symbols.fromNative("ETH-USDT")).isEqualTo(Instrument.of("ETH/USDT"));
        assertThat(symbols.fromNative("ETH-USDT")).isEqualTo(Instrument.of("ETH/USDT"));
        assertThat(symbols.fromNative("BTCUSD")).isNull();
        assertThat(symbols.fromNative("A-B-C")).isNull();
        assertThat(symbols.fromNative("btc-usd")).isNull();
        assertThat(symbols.fromNative("-USD")).isNull();
        assertThat(symbols.fromNative(null)).isNull();
        assertThatThrownBy(() -> new SeparatorSymbols('x')).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pluginVersionReadsTheFilteredResourceAndFailsClearlyWithoutIt() {
        assertThat(PluginVersion.of(SupportHelpersTest.class, "versioned.properties")).isEqualTo("9.8.7-test");
        assertThatThrownBy(() -> PluginVersion.of(SupportHelpersTest.class, "unversioned.properties"))
                .hasMessageContaining("has no version");
        assertThatThrownBy(() -> PluginVersion.of(SupportHelpersTest.class, "missing.properties"))
                .hasMessageContaining("missing.properties is missing");
    }
}
