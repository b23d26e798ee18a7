package dev.pricefeed.cli;

import dev.pricefeed.Instrument;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which instruments to watch on which exchanges, from the command line's positional arguments. Two ways to write
 * them, mixable: {@code kraken:BTC/USD binance:BTC/USDT} (exchange before each instrument), or
 * {@code kraken BTC/USD ETH/USD binance BTC/USDT} (an exchange id, then its instruments).
 */
final class FeedTargets {

    private FeedTargets() {
    }

    /**
     * Reads the arguments against the exchange ids that are installed.
     *
     * @return the instruments per exchange, in the order written, without duplicates
     * @throws UsageError for an unknown exchange, a malformed instrument or an exchange without instruments
     */
    static Map<String, Set<Instrument>> parse(List<String> arguments, Collection<String> exchanges) {
        if (arguments.isEmpty()) {
            throw new UsageError("name an exchange and at least one instrument, such as kraken BTC/USD");
        }
        Map<String, Set<Instrument>> targets = new LinkedHashMap<>();
        String current = null;
        for (String argument : arguments) {
            int colon = argument.indexOf(':');
            if (colon >= 0) {
                String exchange = exchange(argument.substring(0, colon), exchanges);
                targets.computeIfAbsent(exchange, k -> new LinkedHashSet<>())
                        .add(instrument(argument.substring(colon + 1)));
                current = exchange;
            } else if (exchanges.contains(argument.toLowerCase(Locale.ROOT))) {
                current = argument.toLowerCase(Locale.ROOT);
                targets.putIfAbsent(current, new LinkedHashSet<>());
            } else if (current == null && argument.indexOf('/') < 0) {
                exchange(argument, exchanges);
            } else if (current == null) {
                throw new UsageError("instrument '" + argument + "' has no exchange: write kraken:" + argument
                        + " or kraken " + argument);
            } else {
                targets.get(current).add(instrument(argument));
            }
        }
        targets.forEach((exchange, instruments) -> {
            if (instruments.isEmpty()) {
                throw new UsageError("no instruments for " + exchange + ": name at least one, such as "
                        + exchange + " BTC/USD");
            }
        });
        targets.replaceAll((exchange, instruments) -> Collections.unmodifiableSet(instruments));
        return Collections.unmodifiableMap(targets);
    }

    private static String exchange(String text, Collection<String> exchanges) {
        String id = text.trim().toLowerCase(Locale.ROOT);
        if (!exchanges.contains(id)) {
            throw new UsageError("unknown exchange '" + text + "'; installed: "
                    + (exchanges.isEmpty() ? "none (see pricefeed exchanges)" : String.join(", ", exchanges)));
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
