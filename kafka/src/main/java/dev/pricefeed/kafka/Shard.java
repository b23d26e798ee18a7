package dev.pricefeed.kafka;

import dev.pricefeed.Instrument;

/**
 * One of {@code count} publishers' share of the instruments: shard {@code index} (1 to count) takes an instrument when
 * the key's {@linkplain MarketDataKey#stableHash() CRC-32} modulo {@code count} is {@code index - 1}. So n publishers
 * started with {@code 1/n} to {@code n/n} on any machines cover one set of instruments without overlap, and a
 * replacement started with the same {@code i/n} takes exactly the same share.
 *
 * @param index this shard, from 1
 * @param count the number of shards
 */
public record Shard(int index, int count) {

    /** The one shard that takes everything. */
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count
                    + " is not i/n with 1 <= i <= n, such as 1/3");
        }
    }

    /** Reads {@code i/n}, such as {@code 2/3}. */
    public static Shard parse(String text) {
        String expected = "shard '" + text + "' is not i/n with 1 <= i <= n, such as 1/3";
        int slash = text.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException(expected);
        }
        try {
            return new Shard(Integer.parseInt(text.substring(0, slash).trim()),
                    Integer.parseInt(text.substring(slash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(expected, e);
        }
    }

    /** Whether this shard takes the instrument on the exchange. */
    public boolean takes(String exchange, Instrument instrument) {
        return new MarketDataKey(exchange, instrument).stableHash() % count == index - 1;
    }

    /** Returns {@code i/n}. */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
