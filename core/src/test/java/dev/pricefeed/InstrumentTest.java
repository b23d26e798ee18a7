package dev.pricefeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InstrumentTest {

    @Test
    void parsesBaseSlashQuoteAndUpperCasesIt() {
        assertThat(Instrument.of("btc/usdt")).isEqualTo(new Instrument("BTC", "USDT"));
        assertThat(Instrument.of("BTC/USD").toString()).isEqualTo("BTC/USD");
        assertThat(Instrument.of("1INCH/USD").base()).isEqualTo("1INCH");
    }

    @Test
    void rejectsOtherFormsWithTheReason() {
        for (String bad : new String[] {"BTCUSD", "BTC-USD", "/USD", "BTC/", "BTC/USD/X", "BT C/USD", ""}) {
            assertThatThrownBy(() -> Instrument.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("BASE/QUOTE");
        }
    }

    @Test
    void usdAndUsdtAreDifferent() {
        assertThat(Instrument.of("BTC/USD")).isNotEqualTo(Instrument.of("BTC/USDT"));
    }
}
