package dev.pricefeed.exchange.kraken;

import static java.util.Objects.requireNonNull;

import dev.pricefeed.Instrument;
import dev.pricefeed.spi.SymbolMapper;
import java.util.List;

/**
 * Maps instruments to Kraken's names: WebSocket v2 uses {@code BTC/USD}, REST and v1 use the legacy asset codes
 * {@code XBT} and {@code XDG} ({@code XBTUSD}, result keys such as {@code XXBTZUSD}).
 */
public final class KrakenSymbols implements SymbolMapper {

    private final KrakenPairCatalog catalog;

    /** A mapper that uses the pair catalog, once fetched, for REST names. */
    public KrakenSymbols(KrakenPairCatalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    /** The v2 (ISO-style) code of an asset: {@code XBT} becomes {@code BTC}, {@code XDG} becomes {@code DOGE}. */
    public static String v2Asset(String asset) {
        switch (asset) {
            case "XBT":
                return "BTC";
            case "XDG":
                return "DOGE";
            default:
                return asset;
        }
    }

    /** The legacy REST code of an asset: {@code BTC} becomes {@code XBT}, {@code DOGE} becomes {@code XDG}. */
    public static String restAsset(String asset) {
        switch (asset) {
            case "BTC":
                return "XBT";
            case "DOGE":
                return "XDG";
            default:
                return asset;
        }
    }

    /** The instrument written with v2 asset codes, so {@code XBT/USD} and {@code BTC/USD} are one instrument. */
    public static Instrument canonical(Instrument instrument) {
        String base = v2Asset(instrument.base());
        String quote = v2Asset(instrument.quote());
        return base.equals(instrument.base()) && quote.equals(instrument.quote())
                ? instrument : new Instrument(base, quote);
    }

    @Override
    public String toNative(Instrument instrument) {
        requireNonNull(instrument, "instrument is null");
        return v2Asset(instrument.base()) + "/" + v2Asset(instrument.quote());
    }

    @Override
    public Instrument fromNative(String symbol) {
        if (symbol == null) {
            return null;
        }
        int slash = symbol.indexOf('/');
        if (slash <= 0 || slash == symbol.length() - 1) {
            return null;
        }
        try {
            return new Instrument(v2Asset(symbol.substring(0, slash)), v2Asset(symbol.substring(slash + 1)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The REST pair name of an instrument: the catalog's {@code altname} when known, else {@code XBTUSD} style. */
    public String restPair(Instrument instrument) {
        requireNonNull(instrument, "instrument is null");
        String altname = catalog.altname(canonical(instrument));
        return altname != null ? altname : restAsset(instrument.base()) + restAsset(instrument.quote());
    }

    /**
     * The requested instrument a REST result key (such as {@code XXBTZUSD}) stands for, or {@code null}: looked up in
     * the catalog when it was fetched, else matched against the legacy name forms of the requested instruments.
     */
    public Instrument fromRestKey(String key, List<Instrument> requested) {
        requireNonNull(key, "key is null");
        Instrument known = catalog.byRestKey(key);
        if (known != null) {
            for (Instrument wanted : requested) {
                if (canonical(wanted).equals(known)) {
                    return wanted;
                }
            }
            return known;
        }
        for (Instrument wanted : requested) {
            if (legacyKeyMatches(key, wanted)) {
                return wanted;
            }
        }
        // Kraken answers a one-pair request with exactly that pair, whatever it calls it.
        return requested.size() == 1 ? requested.get(0) : null;
    }

    private static boolean legacyKeyMatches(String key, Instrument instrument) {
        String base = restAsset(instrument.base());
        String quote = restAsset(instrument.quote());
        if (key.equals(base + quote) || key.equals(instrument.base() + instrument.quote())) {
            return true;
        }
        // Older pairs carry four-letter asset codes: X for crypto, Z for fiat (XXBTZUSD, XETHXXBT).
        return key.length() == base.length() + quote.length() + 2
                && (key.charAt(0) == 'X' || key.charAt(0) == 'Z')
                && key.startsWith(base, 1)
                && (key.charAt(base.length() + 1) == 'X' || key.charAt(base.length() + 1) == 'Z')
                && key.endsWith(quote);
    }
}
