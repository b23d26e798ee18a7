package dev.pricefeed.cli;

import dev.pricefeed.Instrument;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which keys {@code watch --from-kafka} shows, from its positional arguments: {@code EXCHANGE:INSTRUMENT}, an
 * {@code INSTRUMENT} on its own (on every exchange), an {@code EXCHANGE} followed by its instruments, or an
 * {@code EXCHANGE} alone (all of its instruments). No arguments: everything. Exchanges are not checked against the
 * installed plugins: the exchanges were opened by the publishers, elsewhere.
 */
final class KafkaFilter {

    private final boolean everything;
    private final Set<Instrument> anyExchange = new HashSet<>();
    private final Map<String, Set<Instrument>> byExchange = new LinkedHashMap<>();

    private KafkaFilter(boolean everything) {
        this.everything = everything;
    }

    /**
     * Reads the arguments.
     *
     * @throws UsageError for a malformed instrument or exchange id
     */
    static KafkaFilter parse(List<String> arguments) {
        KafkaFilter filter = new KafkaFilter(arguments.isEmpty());
        String current = null;
        for (String argument : arguments) {
            int colon = argument.indexOf(':');
            if (colon >= 0) {
                current = exchange(argument.substring(0, colon));
                filter.byExchange.computeIfAbsent(current, k -> new HashSet<>())
                        .add(instrument(argument.substring(colon + 1)));
            } else if (argument.indexOf('/') >= 0) {
                Instrument instrument = instrument(argument);
                if (current == null) {
                    filter.anyExchange.add(instrument);
                } else {
                    filter.byExchange.get(current).add(instrument);
                }
            } else {
                current = exchange(argument);
                filter.byExchange.putIfAbsent(current, new HashSet<>());
            }
        }
        return filter;
    }

    /** Whether the instrument on the exchange is shown. */
    boolean accepts(String exchange, Instrument instrument) {
        if (everything || anyExchange.contains(instrument)) {
            return true;
        }
        Set<Instrument> instruments = byExchange.get(exchange);
        // an exchange named without instruments shows all of them
        return instruments != null && (instruments.isEmpty() || instruments.contains(instrument));
    }

    private static String exchange(String text) {
        String id = text.trim().toLowerCase(Locale.ROOT);
        if (id.isEmpty() || !id.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
            throw new UsageError("'" + text + "' is neither an exchange id (such as kraken) nor an instrument "
                    + "(such as BTC/USD)");
        }
        return id;
    }

    private static Instrument instrument(String text) {
        try {
            return Instrument.of(text);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }
}
