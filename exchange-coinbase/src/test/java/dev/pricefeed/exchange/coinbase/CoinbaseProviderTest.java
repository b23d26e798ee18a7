package dev.pricefeed.exchange.coinbase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pricefeed.PluginRegistry;
import dev.pricefeed.spi.Capability;
import dev.pricefeed.spi.ExchangeProvider;
import dev.pricefeed.spi.Spi;
import org.junit.jupiter.api.Test;

class CoinbaseProviderTest {

    @Test
    void serviceLoaderFindsTheProviderUnderItsId() {
        ExchangeProvider provider = PluginRegistry.discover().provider("coinbase");

        assertThat(provider).isInstanceOf(CoinbaseProvider.class);
    }

    @Test
    void providerReportsItsModuleVersionAndTheSpiItWasBuiltFor() {
        CoinbaseProvider provider = new CoinbaseProvider();

        assertThat(provider.version()).isEqualTo(System.getProperty("coinbase.module.version"));
        assertThat(provider.spiVersion()).isEqualTo(Spi.VERSION);
        assertThat(provider.artifact()).isEqualTo("dev.pricefeed:pricefeed-exchange-coinbase");
    }

    @Test
    void capabilitiesAreThoseTheConnectorHas() {
        assertThat(new CoinbaseProvider().capabilities()).containsExactlyInAnyOrder(Capability.TICKER,
                Capability.TRADES, Capability.HISTORY);
    }
}
