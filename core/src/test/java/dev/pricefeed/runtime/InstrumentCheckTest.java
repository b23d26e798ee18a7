package dev.pricefeed.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Instrument;
import dev.pricefeed.UnknownInstrumentException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InstrumentCheckTest {

    private final Set<Instrument> binance = Set.of(Instrument.of("BTC/USDT"), Instrument.of("BTC/USDC"),
            Instrument.of("ETH/USDT"), Instrument.of("ETH/BTC"));

    @Test
    void unknownInstrumentIsNamedWithCloseMatchesAndUsdIsNeverAliased() {
        assertThatThrownBy(() -> InstrumentCheck.requireListed("binance",
                List.of(Instrument.of("BTC/USD"), Instrument.of("ETH/USDT"), Instrument.of("DOGE/EUR")), binance))
                .isInstanceOf(UnknownInstrumentException.class)
                .hasMessageContaining("binance does not list BTC/USD (did you mean BTC/USDC or BTC/USDT?)")
                .hasMessageContaining("binance does not list DOGE/EUR")
                .hasMessageNotContaining("ETH/USDT (");
    }

    @Test
    void listedInstrumentsPass() {
        InstrumentCheck.requireListed("binance", List.of(Instrument.of("ETH/BTC")), binance);
    }

    @Test
    void reversedPairIsSuggested() {
        assertThat(InstrumentCheck.closeMatches(Instrument.of("BTC/ETH"), binance)).containsExactly(
                Instrument.of("ETH/BTC"));
    }
}
