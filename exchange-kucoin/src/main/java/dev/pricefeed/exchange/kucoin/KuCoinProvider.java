package dev.pricefeed.exchange.kucoin;

import dev.pricefeed.spi.Capability;
import dev.pricefeed.spi.ExchangeConnector;
import dev.pricefeed.spi.ExchangeContext;
import dev.pricefeed.spi.ExchangeProvider;
import dev.pricefeed.spi.Spi;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The KuCoin Spot plugin: public ticker, best bid/offer, 24 h statistics and trades, with REST fallback. */
public final class KuCoinProvider implements ExchangeProvider {

    /** The exchange id users write. */
    public static final String ID = "kucoin";

    private static final Logger LOG = LoggerFactory.getLogger(KuCoinProvider.class);
    private static final String VERSION = readVersion();

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public KuCoinProvider() {
        // nothing to set up: every feed gets its own connector from create()
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public String spiVersion() {
        return Spi.VERSION;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.TICKER, Capability.BEST_BID_OFFER, Capability.STATS_24H, Capability.TRADES,
                Capability.SEQUENCE_CHECKS, Capability.REST_FALLBACK);
    }

    @Override
    public ExchangeConnector create(ExchangeContext context) {
        Objects.requireNonNull(context, "context is null");
        return new KuCoinConnector(context);
    }

    private static String readVersion() {
        try (InputStream in = KuCoinProvider.class.getResourceAsStream("plugin.properties")) {
            if (in == null) {
                LOG.warn("plugin.properties is missing from the kucoin plugin jar; its version is unknown");
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            LOG.warn("cannot read the kucoin plugin's version", e);
            return "unknown";
        }
    }
}
