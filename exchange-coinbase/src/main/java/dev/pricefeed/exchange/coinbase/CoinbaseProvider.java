package dev.pricefeed.exchange.coinbase;

import dev.pricefeed.spi.Capability;
import dev.pricefeed.spi.ExchangeConnector;
import dev.pricefeed.spi.ExchangeContext;
import dev.pricefeed.spi.ExchangeProvider;
import dev.pricefeed.spi.Spi;
import dev.pricefeed.spi.support.PluginVersion;
import java.util.EnumSet;
import java.util.Set;

/** The Coinbase plugin: Coinbase Exchange market data by default, Advanced Trade with {@code coinbase.feed}. */
public final class CoinbaseProvider implements ExchangeProvider {

    private final String version;

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public CoinbaseProvider() {
        this.version = PluginVersion.of(CoinbaseProvider.class, "plugin.properties");
    }

    @Override
    public String id() {
        return "coinbase";
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String spiVersion() {
        return Spi.VERSION;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.TICKER, Capability.TRADES, Capability.HISTORY);
    }

    @Override
    public ExchangeConnector create(ExchangeContext context) {
        return new CoinbaseConnector(context);
    }
}
