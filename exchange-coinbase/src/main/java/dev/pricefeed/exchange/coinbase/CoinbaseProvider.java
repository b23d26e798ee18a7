package dev.pricefeed.exchange.coinbase;

import dev.pricefeed.spi.Capability;
import dev.pricefeed.spi.ExchangeConnector;
import dev.pricefeed.spi.ExchangeContext;
import dev.pricefeed.spi.ExchangeProvider;
import dev.pricefeed.spi.OptionSpec;
import dev.pricefeed.spi.Spi;
import dev.pricefeed.spi.support.PluginVersion;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The Coinbase plugin: Coinbase Exchange market data by default, Advanced Trade with {@code coinbase.feed}. */
public final class CoinbaseProvider implements ExchangeProvider {

    /** {@code coinbase.feed}: which Coinbase WebSocket feed a connector speaks. */
    static final OptionSpec FEED = OptionSpec.choice("feed", CoinbaseFeed.EXCHANGE.optionValue(),
            Arrays.stream(CoinbaseFeed.values()).map(CoinbaseFeed::optionValue).toList(),
            "exchange: Coinbase Exchange ws-feed; advanced-trade: Coinbase Advanced Trade market data");

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
    public List<OptionSpec> options() {
        return List.of(FEED);
    }

    @Override
    public ExchangeConnector create(ExchangeContext context) {
        return new CoinbaseConnector(context);
    }
}
