package dev.pricefeed.analytics;

import dev.pricefeed.Instrument;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which quote currencies count as one when comparing prices across exchanges. By default none do: {@code BTC/USD},
 * {@code BTC/USDT} and {@code BTC/USDC} are three markets. Declaring {@code USD=USDT} makes them one market, named
 * after the first currency of the group in alphabetical order ({@code BTC/USD}).
 */
public final class QuoteCurrencies {

    private final Map<String, String> canonical;

    private QuoteCurrencies(Map<String, String> canonical) {
        this.canonical = Map.copyOf(canonical);
    }

    /** Every currency distinct. */
    public static QuoteCurrencies distinct() {
        return new QuoteCurrencies(Map.of());
    }

    /**
     * Parses declarations such as {@code USD=USDT} or {@code USD=USDT=USDC}; currencies named in two declarations
     * join one group.
     *
     * @throws IllegalArgumentException for a declaration that does not name two different currencies
     */
    public static QuoteCurrencies parse(Iterable<String> declarations) {
        Map<String, TreeSet<String>> groups = new HashMap<>();
        for (String declaration : declarations) {
            String[] parts = declaration.split("=");
            TreeSet<String> group = new TreeSet<>();
            for (String part : parts) {
                String currency = part.trim().toUpperCase(Locale.ROOT);
                if (!currency.matches("[A-Z0-9]{1,20}")) {
                    throw new IllegalArgumentException("'" + declaration + "' does not declare currencies equal; "
                            + "write two or more currencies joined by '=', such as USD=USDT");
                }
                group.add(currency);
            }
            if (group.size() < 2) {
                throw new IllegalArgumentException("'" + declaration + "' does not declare currencies equal; "
                        + "write two or more different currencies joined by '=', such as USD=USDT");
            }
            for (String currency : new TreeSet<>(group)) {
                TreeSet<String> existing = groups.get(currency);
                if (existing != null) {
                    group.addAll(existing);
                }
            }
            for (String currency : group) {
                groups.put(currency, group);
            }
        }
        Map<String, String> canonical = new HashMap<>();
        groups.forEach((currency, group) -> canonical.put(currency, group.first()));
        return new QuoteCurrencies(canonical);
    }

    /** The market an instrument belongs to: the instrument with its quote currency replaced by its group's name. */
    public Instrument market(Instrument instrument) {
        Objects.requireNonNull(instrument, "instrument is null");
        String quote = canonical.getOrDefault(instrument.quote(), instrument.quote());
        return quote.equals(instrument.quote()) ? instrument : new Instrument(instrument.base(), quote);
    }

    /** The currencies counted as {@code currency}, itself included, in alphabetical order. */
    public SortedSet<String> sameAs(String currency) {
        String name = canonical.getOrDefault(currency, currency);
        TreeSet<String> same = new TreeSet<>();
        same.add(currency);
        canonical.forEach((c, group) -> {
            if (group.equals(name)) {
                same.add(c);
            }
        });
        return same;
    }

    @Override
    public String toString() {
        return canonical.isEmpty() ? "QuoteCurrencies[distinct]" : "QuoteCurrencies" + new TreeMap<>(canonical);
    }
}
