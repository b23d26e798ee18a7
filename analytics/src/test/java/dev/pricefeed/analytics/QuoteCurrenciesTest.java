package dev.pricefeed.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Instrument;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteCurrenciesTest {

    @Test
    void byDefaultEveryQuoteCurrencyIsItsOwnMarket() {
        QuoteCurrencies currencies = QuoteCurrencies.distinct();

        assertThat(currencies.market(Instrument.of("BTC/USDT"))).isEqualTo(Instrument.of("BTC/USDT"));
        assertThat(currencies.market(Instrument.of("BTC/USDC"))).isEqualTo(Instrument.of("BTC/USDC"));
    }

    @Test
    void declaredGroupsJoinAndAreNamedAfterTheirFirstCurrency() {
        QuoteCurrencies currencies = QuoteCurrencies.parse(List.of("usdt=USD", "USDC=USDT"));

        assertThat(currencies.market(Instrument.of("BTC/USDT"))).isEqualTo(Instrument.of("BTC/USD"));
        assertThat(currencies.market(Instrument.of("ETH/USDC"))).isEqualTo(Instrument.of("ETH/USD"));
        assertThat(currencies.market(Instrument.of("ETH/EUR"))).isEqualTo(Instrument.of("ETH/EUR"));
        assertThat(currencies.sameAs("USDT")).containsExactly("USD", "USDC", "USDT");
    }

    @Test
    void aDeclarationMustNameTwoCurrencies() {
        assertThatThrownBy(() -> QuoteCurrencies.parse(List.of("USD"))).hasMessageContaining("such as USD=USDT");
        assertThatThrownBy(() -> QuoteCurrencies.parse(List.of("USD=USD"))).hasMessageContaining("different");
        assertThatThrownBy(() -> QuoteCurrencies.parse(List.of("USD=U-SD"))).hasMessageContaining("'USD=U-SD'");
    }
}
