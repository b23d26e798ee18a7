package dev.pricefeed.exchange.kucoin;

import dev.pricefeed.Instrument;
import dev.pricefeed.spi.SymbolMapper;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Maps {@code BTC/USDT} to and from KuCoin's {@code BTC-USDT}; USD and USDT stay different currencies. */
final class KuCoinSymbols implements SymbolMapper {

    /** A marker for symbols that cannot be mapped, since the cache cannot hold null. */
    private static final Instrument UNMAPPABLE = new Instrument("UNMAPPABLE", "UNMAPPABLE");

    /** Symbols already seen; frames repeat the same few symbols, so parsing each once avoids work per frame. */
    private final ConcurrentHashMap<String, Instrument> bySymbol = new ConcurrentHashMap<>();

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
        Instrument instrument = bySymbol.get(symbol);
        if (instrument == null) {
            instrument = parse(symbol);
            if (bySymbol.size() < 10_000) {
                // bounded: the cache must not grow without limit if a server sends endless new names
                bySymbol.putIfAbsent(symbol, instrument);
            }
        }
        return instrument == UNMAPPABLE ? null : instrument;
    }

    private static Instrument parse(String symbol) {
        int dash = symbol.indexOf('-');
        if (dash <= 0 || dash == symbol.length() - 1 || symbol.indexOf('-', dash + 1) >= 0) {
            return UNMAPPABLE;
        }
        try {
            return new Instrument(symbol.substring(0, dash), symbol.substring(dash + 1));
        } catch (IllegalArgumentException e) {
            // lower case or other characters: not a symbol this library can name
            return UNMAPPABLE;
        }
    }
}
