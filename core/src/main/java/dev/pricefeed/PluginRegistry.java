package dev.pricefeed;

import dev.pricefeed.runtime.plugins.LoadedProvider;
import dev.pricefeed.runtime.plugins.PluginDirectory;
import dev.pricefeed.runtime.plugins.ProviderScan;
import dev.pricefeed.runtime.plugins.ProviderSelection;
import dev.pricefeed.spi.ExchangeProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The exchange plugins found at run time through {@link ServiceLoader}: on the class path and, optionally, in a
 * plugins directory where each sub-folder or lone jar gets a class loader of its own. A provider that fails to load is
 * recorded with its jar and cause and the others still load; providers are created once. Immutable and thread-safe.
 */
public final class PluginRegistry {

    /** The configuration key prefix that pins a plugin when two provide one exchange: {@code plugins.pin.<id>}. */
    public static final String PIN_PREFIX = ProviderSelection.PIN_PREFIX;

    private final List<PluginInfo> plugins;
    private final List<PluginFailure> failures;
    private final Map<String, ExchangeProvider> selected;
    private final Map<String, String> conflicts;
    private final List<String> ids;

    private PluginRegistry(List<LoadedProvider> loaded, List<PluginFailure> failures, ProviderSelection selection) {
        this.plugins = loaded.stream().map(LoadedProvider::info)
                .sorted(Comparator.comparing(PluginInfo::id).thenComparing(PluginInfo::source))
                .toList();
        this.failures = List.copyOf(failures);
        Map<String, ExchangeProvider> providers = new LinkedHashMap<>();
        selection.chosen().forEach((id, provider) -> providers.put(id, provider.provider()));
        this.selected = Map.copyOf(providers);
        this.conflicts = Map.copyOf(selection.conflicts());
        this.ids = plugins.stream().map(PluginInfo::id).distinct().toList();
    }

    /** Finds the providers on the class path of the core's class loader. */
    public static PluginRegistry discover() {
        return builder().build();
    }

    /** Finds the providers visible to a class loader. */
    public static PluginRegistry discover(ClassLoader loader) {
        return builder().classLoader(loader).build();
    }

    /** Starts a registry with a plugins directory or pins; by default it reads the core's class path only. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The provider of an exchange id.
     *
     * @throws UnknownExchangeException when no plugin provides it; the message lists what is available
     * @throws PluginConflictException when several plugins provide it and no pin selects one
     */
    public ExchangeProvider provider(String id) {
        Objects.requireNonNull(id, "id is null");
        String key = id.trim().toLowerCase(Locale.ROOT);
        ExchangeProvider provider = selected.get(key);
        if (provider != null) {
            return provider;
        }
        String conflict = conflicts.get(key);
        if (conflict != null) {
            throw new PluginConflictException(conflict);
        }
        throw new UnknownExchangeException(unknownMessage(key));
    }

    /** Every provider loaded, sorted by id then source; an id provided twice is listed twice. */
    public List<PluginInfo> plugins() {
        return plugins;
    }

    /** What could not be loaded or selected, and why, one line each. */
    public List<PluginFailure> failures() {
        return failures;
    }

    /** The ids of every loaded provider, sorted. */
    public List<String> ids() {
        return ids;
    }

    private String unknownMessage(String id) {
        StringBuilder text = new StringBuilder("no plugin provides exchange '").append(id).append("'; available: ");
        text.append(plugins.isEmpty() ? "none"
                : plugins.stream().map(PluginInfo::describe).distinct().collect(Collectors.joining(", ")));
        text.append(". To add it, put dev.pricefeed:pricefeed-exchange-").append(id)
                .append(" on the class path, or drop its jar into plugins/.");
        if (!failures.isEmpty()) {
            text.append(' ').append(failures.size()).append(failures.size() == 1 ? " plugin" : " plugins")
                    .append(" failed to load: ")
                    .append(failures.stream().map(PluginFailure::toString).collect(Collectors.joining(" | ")));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "PluginRegistry[" + plugins.stream().map(PluginInfo::describe).collect(Collectors.joining(", "))
                + (failures.isEmpty() ? "" : "; " + failures.size() + " failed") + "]";
    }

    /** Builds a {@link PluginRegistry}. */
    public static final class Builder {
        private ClassLoader classLoader = PluginRegistry.class.getClassLoader();
        private final List<Path> pluginsDirectories = new ArrayList<>();
        private final Map<String, String> pins = new TreeMap<>();

        private Builder() {
        }

        /**
         * The loader whose class path is searched, and the parent of every plugin's loader (default: the core's). It
         * must see the core, so that plugins and core share the SPI.
         */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "loader is null");
            return this;
        }

        /** Also loads the plugins in a directory: each sub-folder (all its jars) and each lone jar is one plugin. */
        public Builder pluginsDirectory(Path directory) {
            pluginsDirectories.add(Objects.requireNonNull(directory, "directory is null"));
            return this;
        }

        /**
         * Selects the plugin that wins when several provide one exchange.
         *
         * @param id the exchange id
         * @param source the winner's jar file name, folder name, source path or provider class name
         */
        public Builder pin(String id, String source) {
            Objects.requireNonNull(id, "id is null");
            Objects.requireNonNull(source, "source is null");
            pins.put(id.trim().toLowerCase(Locale.ROOT), source.trim());
            return this;
        }

        /** Pins from configuration: exchange id to source, as read under {@link PluginRegistry#PIN_PREFIX}. */
        public Builder pins(Map<String, String> pinsById) {
            Objects.requireNonNull(pinsById, "pinsById is null").forEach(this::pin);
            return this;
        }

        /** Loads, creates and selects the providers; a broken plugin becomes a {@link PluginFailure}, not a throw. */
        public PluginRegistry build() {
            ProviderScan scan = new ProviderScan();
            scan.classPath(classLoader);
            for (Path directory : pluginsDirectories) {
                PluginDirectory.Scan found = PluginDirectory.scan(directory);
                found.failures().forEach(scan::failed);
                found.bundles().forEach(bundle -> scan.plugin(bundle, classLoader));
            }
            ProviderSelection selection = ProviderSelection.select(scan.loaded(), pins);
            List<PluginFailure> failures = new ArrayList<>(scan.failures());
            failures.addAll(selection.failures());
            return new PluginRegistry(scan.loaded(), failures, selection);
        }
    }
}
