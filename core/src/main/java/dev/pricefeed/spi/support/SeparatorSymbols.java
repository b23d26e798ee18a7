package dev.pricefeed.spi.support;

import static java.util.Objects.requireNonNull;

import dev.pricefeed.Instrument;
import dev.pricefeed.spi.SymbolMapper;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps {@code BTC/USD} to and from symbols written base, separator, quote in upper case, such as Coinbase's
 * {@code BTC-USD}; a symbol of another form (no or two separators, lower case) maps to {@code null}.
 */
public final class SeparatorSymbols implements SymbolMapper {

    /** Bounds the cache so a server sending endless made-up symbols cannot grow it without end. */
    private static final int MAX_CACHED = 10_000;

    /** Stands for symbols that cannot be mapped, since the cache cannot hold null. */
    private static final Instrument UNMAPPABLE = new Instrument("UNMAPPABLE", "UNMAPPABLE");

    private final char separator;

    /** Symbols already seen; frames repeat the same few symbols, so each is parsed once rather than per frame. */
    private final ConcurrentHashMap<String, Instrument> bySymbol = new ConcurrentHashMap<>();

    /** A mapper for symbols such as {@code BTC-USD} with separator {@code '-'}; a letter or digit cannot separate. */
    public SeparatorSymbols(char separator) {
        if (Character.isLetterOrDigit(separator)) {
            throw new IllegalArgumentException("separator '" + separator + "' is a letter or digit");
        }
        this.separator = separator;
    }

    @Override
    public String toNative(Instrument instrument) {
        requireNonNull(instrument, "instrument is null");
        return instrument.base() + separator + instrument.quote();
    }

    @Override
    public Instrument fromNative(String symbol) {
        if (symbol == null) {
            return null;
        }
        Instrument instrument = bySymbol.get(symbol);
        if (instrument == null) {
            instrument = parse(symbol);
            if (bySymbol.size() < MAX_CACHED) {
                bySymbol.putIfAbsent(symbol, instrument);
            }
        }
        return instrument == UNMAPPABLE ? null : instrument;
    }

    private Instrument parse(String symbol) {
        int at = symbol.indexOf(separator);
        if (at <= 0 || at == symbol.length() - 1 || symbol.indexOf(separator, at + 1) >= 0) {
            return UNMAPPABLE;
        }
        try {
            return new Instrument(symbol.substring(0, at), symbol.substring(at + 1));
        } catch (IllegalArgumentException notAnInstrument) {
            // lower case or other characters: not a symbol this library can name, so the caller treats it as unknown
            return UNMAPPABLE;
        }
    }
}
