package dev.pricefeed.spi;

import dev.pricefeed.Instrument;

/** Maps instruments to and from an exchange's native symbols ({@code BTC/USD} ↔ {@code BTC-USD}). */
public interface SymbolMapper {

    /** The exchange's symbol for an instrument. */
    String toNative(Instrument instrument);

    /** The instrument for an exchange symbol, or {@code null} when it cannot be mapped. */
    Instrument fromNative(String symbol);
}
