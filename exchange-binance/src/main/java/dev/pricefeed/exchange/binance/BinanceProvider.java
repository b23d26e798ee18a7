package dev.pricefeed.exchange.binance;

import dev.pricefeed.spi.Capability;
import dev.pricefeed.spi.ExchangeConnector;
import dev.pricefeed.spi.ExchangeContext;
import dev.pricefeed.spi.ExchangeProvider;
import dev.pricefeed.spi.OptionSpec;
import dev.pricefeed.spi.Spi;
import dev.pricefeed.spi.support.PluginVersion;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The Binance Spot plugin: public ticker, best bid/offer and trade streams, with REST polling as fallback. */
public final class BinanceProvider implements ExchangeProvider {

    /** The exchange id users write. */
    public static final String ID = "binance";

    /** {@code binance.max-streams-per-connection}: Binance allows 1024 streams on one connection. */
    static final OptionSpec MAX_STREAMS = OptionSpec.integer("max-streams-per-connection", 1024, 2, 1024,
            "streams per connection; more subscriptions are spread over further connections");

    /** {@code binance.connection-lifetime}: Binance cuts every connection after 24 h. */
    static final OptionSpec CONNECTION_LIFETIME = OptionSpec.duration("connection-lifetime", "24h",
            "when a connection is replaced; the make-before-break handover starts 10 % (at most 10 min) earlier");

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
    public List<OptionSpec> options() {
        return List.of(MAX_STREAMS, CONNECTION_LIFETIME);
    }

    @Override
    public ExchangeConnector create(ExchangeContext context) {
        return new BinanceConnector(Objects.requireNonNull(context, "context is null"));
    }
}
