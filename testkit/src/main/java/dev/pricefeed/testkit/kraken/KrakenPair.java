package dev.pricefeed.testkit.kraken;

import static java.util.Objects.requireNonNull;

import dev.pricefeed.Instrument;
import java.util.Locale;
import java.util.Set;

/**
 * One pair the simulator lists, under each of Kraken's names.
 *
 * @param instrument the unified instrument, such as {@code BTC/USD}
 * @param symbol the WebSocket v2 symbol, such as {@code BTC/USD}
 * @param restKey the REST result key, such as {@code XXBTZUSD}
 * @param altname the REST pair name, such as {@code XBTUSD}
 * @param wsname the v1 (legacy) WebSocket name REST {@code AssetPairs} reports, such as {@code XBT/USD}
 */
public record KrakenPair(Instrument instrument, String symbol, String restKey, String altname, String wsname) {

    private static final Set<String> FIAT = Set.of("USD", "EUR", "GBP", "CAD", "JPY", "CHF",
            "AUD");
    /** Assets whose old pairs carry four-letter codes in result keys; XDG (DOGE) pairs never did (XDGUSD). */
    private static final Set<String> LEGACY = Set.of("XBT", "ETH", "LTC", "XRP", "XMR", "ETC", "ZEC", "XLM", "REP",
            "MLN");

    public KrakenPair {
        requireNonNull(instrument, "instrument is null");
        requireNonNull(symbol, "symbol is null");
        requireNonNull(restKey, "restKey is null");
        requireNonNull(altname, "altname is null");
        requireNonNull(wsname, "wsname is null");
    }

    /**
     * The pair Kraken lists for an instrument: legacy asset codes ({@code XBT}, {@code XDG}) in REST names, and the
     * four-letter X/Z-prefixed result key for the old assets ({@code XXBTZUSD}), the altname for newer ones.
     */
    public static KrakenPair of(Instrument instrument) {
        String base = legacy(instrument.base());
        String quote = legacy(instrument.quote());
        String altname = base + quote;
        String restKey = LEGACY.contains(base) && (LEGACY.contains(quote) || FIAT.contains(quote))
                ? prefix(base) + prefix(quote) : altname;
        return new KrakenPair(instrument, instrument.toString(), restKey, altname, base + "/" + quote);
    }

    private static String legacy(String asset) {
        return switch (asset.toUpperCase(Locale.ROOT)) {
            case "BTC" -> "XBT";
            case "DOGE" -> "XDG";
            default -> asset;
        };
    }

    private static String prefix(String asset) {
        return (FIAT.contains(asset) ? "Z" : "X") + asset;
    }
}
