package dev.pricefeed;

import java.util.Collection;
import java.util.Optional;

/** The newest tick per (exchange, instrument); reads are lock-free and never block the feed. */
public interface PriceCache {

    /** The newest merged tick for an instrument on an exchange, if one arrived. */
    Optional<Tick> latest(String exchange, Instrument instrument);

    /** The newest merged tick for an instrument on any exchange this cache covers, if exactly one has it. */
    Optional<Tick> latest(Instrument instrument);

    /** The newest merged tick for an instrument written {@code BASE/QUOTE} on an exchange, if one arrived. */
    default Optional<Tick> latest(String exchange, String instrument) {
        return latest(exchange, Instrument.of(instrument));
    }

    /** The newest merged tick for an instrument written {@code BASE/QUOTE} on any exchange, if exactly one has it. */
    default Optional<Tick> latest(String instrument) {
        return latest(Instrument.of(instrument));
    }

    /** Every newest tick this cache holds. */
    Collection<Tick> all();
}
