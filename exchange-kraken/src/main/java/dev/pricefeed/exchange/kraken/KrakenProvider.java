package dev.pricefeed.exchange.kraken;

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

/** The Kraken plugin: Spot WebSocket v2 ticker and trades, private executions and balances, REST fallback. */
public final class KrakenProvider implements ExchangeProvider {

    /** The exchange id. */
    public static final String ID = "kraken";

    /** {@code kraken.event-trigger}: what makes Kraken send a ticker. */
    static final OptionSpec EVENT_TRIGGER = OptionSpec.choice("event-trigger", "trades", List.of("trades", "bbo"),
            "trades: a ticker on every trade; bbo: a ticker on every change of the best bid/offer");

    private final String version;

    /** Reads the plugin's own version from its resources. */
    public KrakenProvider() {
        this.version = PluginVersion.of(KrakenProvider.class, "plugin.properties");
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
        return EnumSet.of(Capability.TICKER, Capability.TRADES, Capability.PRIVATE_CHANNELS, Capability.HISTORY);
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(EVENT_TRIGGER);
    }

    @Override
    public ExchangeConnector create(ExchangeContext context) {
        return new KrakenConnector(Objects.requireNonNull(context, "context is null"));
    }
}
