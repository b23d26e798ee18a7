package dev.pricefeed;

import dev.pricefeed.spi.Capability;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a loaded exchange plugin says about itself and where it came from, as listed by {@code pricefeed exchanges}.
 *
 * @param id the exchange id, such as {@code kraken}
 * @param version the plugin's own version
 * @param spiVersion the SPI version the plugin was built against
 * @param capabilities what its connector supports
 * @param source where it was loaded from: a jar path, a plugin folder, or {@code class path}
 * @param artifact the Maven coordinates that provide it
 * @param providerClass the name of its {@link dev.pricefeed.spi.ExchangeProvider} class
 */
public record PluginInfo(String id, String version, String spiVersion, Set<Capability> capabilities, String source,
        String artifact, String providerClass) {

    /** Checks and copies the values. */
    public PluginInfo {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(version, "version is null");
        Objects.requireNonNull(spiVersion, "spiVersion is null");
        Objects.requireNonNull(capabilities, "capabilities is null");
        // an EnumSet keeps the capabilities in declaration order for listings
        EnumSet<Capability> copy = EnumSet.noneOf(Capability.class);
        copy.addAll(capabilities);
        capabilities = Collections.unmodifiableSet(copy);
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(artifact, "artifact is null");
        Objects.requireNonNull(providerClass, "providerClass is null");
    }

    /** The id with versions, such as {@code kraken 0.1.0 (SPI 2.0)}. */
    public String describe() {
        return id + " " + version + " (SPI " + spiVersion + ")";
    }
}
