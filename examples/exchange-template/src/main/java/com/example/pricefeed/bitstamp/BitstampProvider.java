package com.example.pricefeed.bitstamp;

import dev.pricefeed.spi.Capability;
import dev.pricefeed.spi.ExchangeConnector;
import dev.pricefeed.spi.ExchangeContext;
import dev.pricefeed.spi.ExchangeProvider;
import dev.pricefeed.spi.Spi;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** The ServiceLoader entry point of the Bitstamp plugin, listed in {@code META-INF/services}. */
public final class BitstampProvider implements ExchangeProvider {

    /** The exchange id users write. */
    public static final String ID = "bitstamp";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        // the jar's manifest carries the Maven version; classes run from a folder (an IDE) have none
        String version = BitstampProvider.class.getPackage().getImplementationVersion();
        return version != null ? version : "development";
    }

    @Override
    public String spiVersion() {
        return Spi.VERSION;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.TICKER, Capability.BEST_BID_OFFER, Capability.TRADES, Capability.REST_FALLBACK);
    }

    @Override
    public String artifact() {
        return "com.example.pricefeed:pricefeed-exchange-bitstamp";
    }

    @Override
    public ExchangeConnector create(ExchangeContext context) {
        return new BitstampConnector(Objects.requireNonNull(context, "context is null"));
    }
}
