package dev.pricefeed;

import static java.util.Objects.requireNonNull;

/**
 * A traded pair written {@code BASE/QUOTE} in upper case, such as {@code BTC/USD}; the same in every exchange.
 *
 * @param base the asset bought or sold, such as {@code BTC}
 * @param quote the asset prices are quoted in, such as {@code USD}
 */
public record Instrument(String base, String quote) implements Comparable<Instrument> {

    public Instrument {
        requireNonNull(base, "base is null");
        requireNonNull(quote, "quote is null");
        if (!validAsset(base) || !validAsset(quote)) {
            throw new IllegalArgumentException("instrument '" + base + "/" + quote
                    + "' is not of the form BASE/QUOTE with upper-case letters and digits, such as BTC/USD");
        }
    }

    /** Parses {@code "BTC/USD"}; lower case is accepted and upper-cased, anything else is rejected with the reason. */
    public static Instrument of(String text) {
        requireNonNull(text, "instrument is null");
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1 || text.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("instrument '" + text + "' is not of the form BASE/QUOTE, such as BTC/USD");
        }
        String base = text.substring(0, slash).trim().toUpperCase(java.util.Locale.ROOT);
        String quote = text.substring(slash + 1).trim().toUpperCase(java.util.Locale.ROOT);
        if (!validAsset(base) || !validAsset(quote)) {
            throw new IllegalArgumentException("instrument '" + text
                    + "' is not of the form BASE/QUOTE with letters and digits, such as BTC/USD");
        }
        return new Instrument(base, quote);
    }

    private static boolean validAsset(String asset) {
        if (asset.isEmpty() || asset.length() > 20) {
            return false;
        }
        for (int i = 0; i < asset.length(); i++) {
            char c = asset.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(Instrument other) {
        int c = base.compareTo(other.base);
        return c != 0 ? c : quote.compareTo(other.quote);
    }

    /** Returns {@code BASE/QUOTE}. */
    @Override
    public String toString() {
        return base + "/" + quote;
    }
}
