package dev.pricefeed.exchange.binance;

import dev.pricefeed.spi.Capability;
import dev.pricefeed.spi.ExchangeConnector;
import dev.pricefeed.spi.ExchangeContext;
import dev.pricefeed.spi.ExchangeProvider;
import dev.pricefeed.spi.Spi;
import dev.pricefeed.spi.support.PluginVersion;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** The Binance Spot plugin: public ticker, best bid/offer and trade streams, with REST polling as fallback. */
public final class BinanceProvider implements ExchangeProvider {

    /** The exchange id users write. */
    public static final String ID = "binance";

    private final String version;

    /** Creates the provider; reads the plugin's own version from its filtered resource. */
    public BinanceProvider() {
        this.version = PluginVersion.of(BinanceProvider.class, "plugin.properties");
    }

    @Override
    public String id() {
        return ID;
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
        return new BinanceConnector(Objects.requireNonNull(context, "context is null"));
    }
}
