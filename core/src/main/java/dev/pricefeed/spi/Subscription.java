package dev.pricefeed.spi;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import java.util.Objects;

/**
 * One channel for one instrument; the unit the runtime shards over connections and batches into messages.
 *
 * @param channel the channel
 * @param instrument the instrument, or {@code null} for account channels
 */
public record Subscription(Channel channel, Instrument instrument) {

    public Subscription {
        Objects.requireNonNull(channel, "channel is null");
        if (instrument == null && !channel.isPrivate()) {
            throw new IllegalArgumentException("channel " + channel + " needs an instrument");
        }
    }

    @Override
    public String toString() {
        return instrument == null ? channel.name().toLowerCase(java.util.Locale.ROOT)
                : channel.name().toLowerCase(java.util.Locale.ROOT) + ":" + instrument;
    }
}
