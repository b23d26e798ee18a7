package dev.pricefeed;

import dev.pricefeed.spi.ExchangeProvider;
import dev.pricefeed.spi.Spi;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The exchange plugins found at run time through {@link ServiceLoader}. A provider that fails to load is reported with
 * its cause and the others still load.
 */
public final class PluginRegistry {

    private final Map<String, List<ExchangeProvider>> providers;
    private final List<String> failures;

    private PluginRegistry(Map<String, List<ExchangeProvider>> providers, List<String> failures) {
        this.providers = providers;
        this.failures = failures;
    }

    /** Finds the providers on the class path of the core. */
    public static PluginRegistry discover() {
        return discover(PluginRegistry.class.getClassLoader());
    }

    /** Finds the providers visible to a class loader. */
    public static PluginRegistry discover(ClassLoader loader) {
        Map<String, List<ExchangeProvider>> found = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        var iterator = ServiceLoader.load(ExchangeProvider.class, loader).iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                ExchangeProvider provider = iterator.next();
                if (Spi.majorOf(provider.spiVersion()) != Spi.MAJOR) {
                    failures.add(provider.getClass().getName() + " was built for SPI " + provider.spiVersion()
                            + ", this core speaks SPI " + Spi.VERSION);
                    continue;
                }
                found.computeIfAbsent(provider.id(), k -> new ArrayList<>()).add(provider);
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                failures.add(String.valueOf(e.getMessage()));
            }
        }
        return new PluginRegistry(found, Collections.unmodifiableList(failures));
    }

    /** The provider of an exchange id. */
    public ExchangeProvider provider(String id) {
        List<ExchangeProvider> candidates = providers.get(id);
        if (candidates == null || candidates.isEmpty()) {
            String available = providers.isEmpty() ? "none" : providers.values().stream()
                    .map(list -> list.get(0).id() + " " + list.get(0).version())
                    .collect(Collectors.joining(", "));
            throw new UnknownExchangeException("no plugin for exchange '" + id + "'; available: " + available
                    + "; to add it, put dev.pricefeed:pricefeed-exchange-" + id
                    + " on the class path or its jar in plugins/");
        }
        return candidates.get(0);
    }

    /** The ids of every loaded provider, sorted. */
    public List<String> ids() {
        return List.copyOf(providers.keySet());
    }

    /** Why providers failed to load, one line each. */
    public List<String> failures() {
        return failures;
    }
}
