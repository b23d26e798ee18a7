package dev.pricefeed.exchange.coinbase;

import dev.pricefeed.Instrument;
import dev.pricefeed.spi.SymbolMapper;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Maps {@code BTC/USD} to and from Coinbase's product id {@code BTC-USD}. */
public final class CoinbaseSymbols implements SymbolMapper {

    /** Bounds the cache so a server sending endless made-up product ids cannot grow it without end. */
    private static final int MAX_CACHED = 10_000;

    private final Map<String, Instrument> cache = new ConcurrentHashMap<>();

    @Override
    public String toNative(Instrument instrument) {
        Objects.requireNonNull(instrument, "instrument is null");
        return instrument.base() + "-" + instrument.quote();
    }

    @Override
    public Instrument fromNative(String symbol) {
        if (symbol == null) {
            return null;
        }
        Instrument cached = cache.get(symbol);
        if (cached != null) {
            return cached;
        }
        Instrument parsed = parse(symbol);
        if (parsed != null && cache.size() < MAX_CACHED) {
            cache.put(symbol, parsed);
        }
        return parsed;
    }

    private static Instrument parse(String symbol) {
        int dash = symbol.indexOf('-');
        if (dash <= 0 || dash == symbol.length() - 1 || symbol.indexOf('-', dash + 1) >= 0) {
            return null;
        }
        try {
            return new Instrument(symbol.substring(0, dash), symbol.substring(dash + 1));
        } catch (IllegalArgumentException notAnInstrument) {
            // lower case or odd characters: not a product this library can name, so the caller treats it as unknown
            return null;
        }
    }
}
