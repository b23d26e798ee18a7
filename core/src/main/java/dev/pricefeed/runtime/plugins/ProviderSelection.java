package dev.pricefeed.runtime.plugins;

import dev.pricefeed.PluginFailure;
import dev.pricefeed.PluginInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks one provider per exchange id: the only one, or the one a pin names. Several providers with one id and no pin,
 * or a pin that names none of them, is a conflict that is reported, never settled by picking one quietly.
 */
public final class ProviderSelection {

    /** The configuration key prefix of pins: {@code plugins.pin.<id>=<source>}. */
    public static final String PIN_PREFIX = "plugins.pin.";

    private static final Logger LOG = LoggerFactory.getLogger(ProviderSelection.class);

    private final Map<String, LoadedProvider> chosen = new TreeMap<>();
    private final Map<String, String> conflicts = new TreeMap<>();
    private final List<PluginFailure> failures = new ArrayList<>();

    private ProviderSelection() {
    }

    /**
     * Selects one provider per id.
     *
     * @param loaded every provider created, possibly several per id
     * @param pins exchange id to the jar file name, folder name, source path or provider class name that wins
     */
    public static ProviderSelection select(List<LoadedProvider> loaded, Map<String, String> pins) {
        Objects.requireNonNull(loaded, "loaded is null");
        Objects.requireNonNull(pins, "pins is null");
        Map<String, List<LoadedProvider>> byId = new TreeMap<>();
        for (LoadedProvider provider : loaded) {
            byId.computeIfAbsent(provider.info().id(), id -> new ArrayList<>()).add(provider);
        }
        ProviderSelection selection = new ProviderSelection();
        byId.forEach((id, candidates) -> selection.choose(id, candidates, pins.get(id)));
        pins.forEach((id, pin) -> {
            if (!byId.containsKey(id)) {
                selection.failures.add(new PluginFailure(PIN_PREFIX + id + "=" + pin,
                        "pins a plugin for exchange '" + id + "' but no plugin provides it"));
                LOG.warn("{}{}={} pins a plugin for exchange '{}' but no plugin provides it", PIN_PREFIX, id, pin, id);
            }
        });
        return selection;
    }

    /** The provider selected for each id, by id. */
    public Map<String, LoadedProvider> chosen() {
        return Collections.unmodifiableMap(chosen);
    }

    /** Why an id has no single provider, by id: several providers and no pin, or a pin that names none. */
    public Map<String, String> conflicts() {
        return Collections.unmodifiableMap(conflicts);
    }

    /** The conflicts and the pins for absent exchanges, as failures to list. */
    public List<PluginFailure> failures() {
        return Collections.unmodifiableList(failures);
    }

    private void choose(String id, List<LoadedProvider> candidates, String pin) {
        if (pin == null) {
            if (candidates.size() == 1) {
                chosen.put(id, candidates.get(0));
            } else {
                conflict(id, candidates, "exchange '" + id + "' is provided by " + candidates.size() + " plugins: "
                        + list(candidates) + "; remove all but one, or pin one with " + PIN_PREFIX + id
                        + "=<jar file, folder or provider class>, such as " + PIN_PREFIX + id + "="
                        + fileName(candidates.get(0).info().source()));
            }
            return;
        }
        List<LoadedProvider> matches = candidates.stream().filter(c -> matches(pin, c.info())).toList();
        if (matches.size() == 1) {
            LoadedProvider winner = matches.get(0);
            chosen.put(id, winner);
            if (candidates.size() > 1) {
                LOG.info("exchange '{}': {}{}={} selects {}; ignoring {}", id, PIN_PREFIX, id, pin,
                        winner.info().source(), list(candidates.stream().filter(c -> c != winner).toList()));
            }
        } else if (matches.isEmpty()) {
            conflict(id, candidates, PIN_PREFIX + id + "=" + pin + " names none of the plugins that provide exchange '"
                    + id + "': " + list(candidates) + "; pin one by its jar file, folder or provider class name");
        } else {
            conflict(id, candidates, PIN_PREFIX + id + "=" + pin + " names several plugins that provide exchange '"
                    + id + "': " + list(matches) + "; pin one by its jar file or folder name");
        }
    }

    private void conflict(String id, List<LoadedProvider> candidates, String message) {
        conflicts.put(id, message);
        String sources = candidates.stream().map(c -> c.info().source()).distinct().collect(Collectors.joining(", "));
        failures.add(new PluginFailure(sources, message));
        LOG.warn("{}", message);
    }

    /** Whether a pin names this plugin by source path, jar file or folder name, or provider class name. */
    static boolean matches(String pin, PluginInfo info) {
        String wanted = pin.trim();
        return wanted.equals(info.source()) || wanted.equals(fileName(info.source()))
                || wanted.equals(info.providerClass());
    }

    private static String list(List<LoadedProvider> providers) {
        return providers.stream()
                .map(p -> p.info().source() + " (" + p.info().providerClass() + ", " + p.info().describe() + ")")
                .collect(Collectors.joining(" and "));
    }

    /** The last element of a path or URL text. */
    static String fileName(String source) {
        boolean endsWithSeparator = source.endsWith("/") || source.endsWith("\\");
        String trimmed = endsWithSeparator ? source.substring(0, source.length() - 1) : source;
        int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        return Optional.of(trimmed.substring(slash + 1)).filter(s -> !s.isEmpty()).orElse(source);
    }
}
