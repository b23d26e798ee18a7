package dev.pricefeed.exchange.kucoin;

import dev.pricefeed.spi.Capability;
import dev.pricefeed.spi.ExchangeConnector;
import dev.pricefeed.spi.ExchangeContext;
import dev.pricefeed.spi.ExchangeProvider;
import dev.pricefeed.spi.Spi;
import dev.pricefeed.spi.support.PluginVersion;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** The KuCoin Spot plugin: public ticker, best bid/offer, 24 h statistics and trades, with REST fallback. */
public final class KuCoinProvider implements ExchangeProvider {

    /** The exchange id users write. */
    public static final String ID = "kucoin";

    private final String version;

    /** Creates the provider; called by {@link java.util.ServiceLoader}; reads the plugin's own version. */
    public KuCoinProvider() {
        this.version = PluginVersion.of(KuCoinProvider.class, "plugin.properties");
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
        Objects.requireNonNull(context, "context is null");
        return new KuCoinConnector(context);
    }
}
