package dev.pricefeed.kafka;

import dev.pricefeed.Instrument;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * The record key of one instrument on one exchange, {@code <exchange>:<instrument>} such as {@code kraken:BTC/USD}: it
 * sends every update of an instrument to one partition, so they stay in order, and it is what the latest topic is
 * compacted by.
 *
 * @param exchange the exchange id
 * @param instrument the instrument
 */
public record MarketDataKey(String exchange, Instrument instrument) {

    public MarketDataKey {
        Objects.requireNonNull(exchange, "exchange is null");
        Objects.requireNonNull(instrument, "instrument is null");
    }

    /** Reads {@code kraken:BTC/USD}. */
    public static MarketDataKey parse(String key) {
        int colon = key.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("key '" + key + "' is not <exchange>:<instrument>");
        }
        return new MarketDataKey(key.substring(0, colon), Instrument.of(key.substring(colon + 1)));
    }

    /**
     * A stable hash of the key's UTF-8 bytes: CRC-32 (the polynomial of zip and PNG, {@link CRC32}), the same in
     * every JVM and in any language, unlike {@code String.hashCode()} which no protocol promises to keep.
     */
    public long stableHash() {
        CRC32 crc = new CRC32();
        crc.update(toString().getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /** Returns {@code <exchange>:<instrument>}. */
    @Override
    public String toString() {
        return exchange + ":" + instrument;
    }
}
