package com.example.pricefeed.bitstamp;

import dev.pricefeed.Instrument;
import dev.pricefeed.spi.SymbolMapper;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Bitstamp's pair names: {@code BTC/USD} is {@code btcusd}. Such names cannot be split back without knowing the
 * assets, so names are mapped back through the instruments the feed asked for.
 */
final class BitstampSymbols implements SymbolMapper {

    private final Map<String, Instrument> byNative = new HashMap<>();

    BitstampSymbols(Collection<Instrument> known) {
        for (Instrument instrument : known) {
            byNative.put(toNative(instrument), instrument);
        }
    }

    @Override
    public String toNative(Instrument instrument) {
        return (instrument.base() + instrument.quote()).toLowerCase(Locale.ROOT);
    }

    @Override
    public Instrument fromNative(String symbol) {
        return symbol == null ? null : byNative.get(symbol.toLowerCase(Locale.ROOT));
    }
}
