package dev.pricefeed.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Instrument;
import org.junit.jupiter.api.Test;

class SpiHelpersTest {

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
        assertThat(PluginVersion.of(SpiHelpersTest.class, "versioned.properties")).isEqualTo("9.8.7-test");
        assertThatThrownBy(() -> PluginVersion.of(SpiHelpersTest.class, "unversioned.properties"))
                .hasMessageContaining("has no version");
        assertThatThrownBy(() -> PluginVersion.of(SpiHelpersTest.class, "missing.properties"))
                .hasMessageContaining("missing.properties is missing");
    }

    @Test
    void credentialsNeverShowTheSecret() {
        Credentials credentials = new Credentials("ABCDEFGH", "very-secret-value");
        assertThat(credentials.toString()).doesNotContain("very-secret-value").doesNotContain("EFGH")
                .contains("ABCD***", "apiSecret=***");
    }

    @Test
    void spiMajorVersionIsReadFromTheVersionString() {
        assertThat(Spi.majorOf(Spi.VERSION)).isEqualTo(Spi.MAJOR);
        assertThat(Spi.majorOf("2.5")).isEqualTo(2);
        assertThat(Spi.majorOf("x")).isEqualTo(-1);
        assertThat(Spi.majorOf(null)).isEqualTo(-1);
    }
}
