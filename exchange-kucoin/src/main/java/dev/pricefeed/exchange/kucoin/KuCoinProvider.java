package dev.pricefeed.exchange.kucoin;

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

/** The KuCoin Spot plugin: public ticker, best bid/offer, 24 h statistics and trades, with REST fallback. */
public final class KuCoinProvider implements ExchangeProvider {

    /** The exchange id users write. */
    public static final String ID = "kucoin";

    /** {@code kucoin.stats}: whether a ticker also subscribes {@code /market/snapshot}. */
    static final OptionSpec STATS = OptionSpec.flag("stats", false,
            "also subscribe /market/snapshot for 24 h statistics (a ticker then costs 3 topics instead of 2)");

    /** {@code kucoin.max-topics-per-connection}: KuCoin allows 400; one ticker may need 3. */
    static final OptionSpec MAX_TOPICS_PER_CONNECTION = OptionSpec.integer("max-topics-per-connection", 400, 3, 400,
            "topics per connection; more subscriptions go to further connections");

    /** {@code kucoin.max-topics-per-message}: KuCoin allows 100 per subscribe request. */
    static final OptionSpec MAX_TOPICS_PER_MESSAGE = OptionSpec.integer("max-topics-per-message", 100, 1, 100,
            "subscriptions (symbols) per subscribe message");

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
    public List<OptionSpec> options() {
        return List.of(STATS, MAX_TOPICS_PER_CONNECTION, MAX_TOPICS_PER_MESSAGE);
    }

    @Override
    public ExchangeConnector create(ExchangeContext context) {
        Objects.requireNonNull(context, "context is null");
        return new KuCoinConnector(context);
    }
}
