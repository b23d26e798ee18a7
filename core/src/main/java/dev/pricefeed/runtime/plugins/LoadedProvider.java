package dev.pricefeed.runtime.plugins;

import dev.pricefeed.PluginInfo;
import dev.pricefeed.spi.ExchangeProvider;
import java.util.Objects;

/**
 * A provider created once at discovery, with what it said about itself.
 *
 * @param provider the provider instance
 * @param info its description and source
 */
public record LoadedProvider(ExchangeProvider provider, PluginInfo info) {

    /** Checks the values. */
    public LoadedProvider {
        Objects.requireNonNull(provider, "provider is null");
        Objects.requireNonNull(info, "info is null");
    }
}
