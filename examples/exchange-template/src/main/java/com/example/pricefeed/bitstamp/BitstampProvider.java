package com.example.pricefeed.bitstamp;

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

/** The ServiceLoader entry point of the Bitstamp plugin, listed in {@code META-INF/services}. */
public final class BitstampProvider implements ExchangeProvider {

    /** The exchange id users write. */
    public static final String ID = "bitstamp";

    /** {@code bitstamp.heartbeat-interval}: Bitstamp sends nothing on a quiet channel, so the client asks. */
    static final OptionSpec HEARTBEAT_INTERVAL = OptionSpec.duration("heartbeat-interval", "10s",
            "how often the client sends bts:heartbeat; the server answers each one, which proves the link alive");

    private final String version;

    /** Reads the plugin's own version from {@code plugin.properties}, which the build fills in. */
    public BitstampProvider() {
        this.version = PluginVersion.of(BitstampProvider.class, "plugin.properties");
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
        return EnumSet.of(Capability.TICKER, Capability.TRADES);
    }

    @Override
    public String artifact() {
        return "com.example.pricefeed:pricefeed-exchange-bitstamp";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(HEARTBEAT_INTERVAL);
    }

    @Override
    public ExchangeConnector create(ExchangeContext context) {
        return new BitstampConnector(Objects.requireNonNull(context, "context is null"));
    }
}
