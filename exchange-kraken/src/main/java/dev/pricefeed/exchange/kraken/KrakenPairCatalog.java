package dev.pricefeed.exchange.kraken;

import static java.util.Objects.requireNonNull;

import dev.pricefeed.Instrument;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Kraken's pair catalog from REST {@code AssetPairs}, once fetched: result keys ({@code XXBTZUSD}) and
 * {@code altname}s ({@code XBTUSD}) by instrument. Empty until {@link #update} is called; thread-safe.
 */
public final class KrakenPairCatalog {

    /**
     * One tradable pair.
     *
     * @param key the REST result key, such as {@code XXBTZUSD}
     * @param altname the REST pair name, such as {@code XBTUSD}
     * @param instrument the instrument with v2 asset codes, such as {@code BTC/USD}
     */
    public record Pair(String key, String altname, Instrument instrument) {

        public Pair {
            requireNonNull(key, "key is null");
            requireNonNull(altname, "altname is null");
            requireNonNull(instrument, "instrument is null");
        }
    }

    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of());

    private record Snapshot(Map<String, Instrument> byKey, Map<Instrument, String> altnames) {
    }

    /** Replaces the catalog with freshly fetched pairs. */
    public void update(Iterable<Pair> pairs) {
        HashMap<String, Instrument> byKey = new HashMap<>();
        HashMap<Instrument, String> altnames = new HashMap<>();
        for (Pair pair : pairs) {
            byKey.put(pair.key(), pair.instrument());
            byKey.put(pair.altname(), pair.instrument());
            altnames.put(pair.instrument(), pair.altname());
        }
        snapshot = new Snapshot(Map.copyOf(byKey), Map.copyOf(altnames));
    }

    /** The instrument of a REST result key or altname, or {@code null} when unknown. */
    public Instrument byRestKey(String key) {
        return snapshot.byKey().get(key);
    }

    /** The REST altname of an instrument (v2 asset codes), or {@code null} when unknown. */
    public String altname(Instrument instrument) {
        return snapshot.altnames().get(instrument);
    }

    /** Every instrument in the catalog. */
    public Set<Instrument> instruments() {
        return Set.copyOf(snapshot.altnames().keySet());
    }
}
