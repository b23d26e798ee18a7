package dev.pricefeed.cli;

import dev.pricefeed.Instrument;
import dev.pricefeed.PriceFeed;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One feed to open: an exchange, its instruments, and settings for its builder (endpoints, a simulator's addresses).
 *
 * @param exchange the exchange id
 * @param instruments the instruments
 * @param settings applied to the feed's builder after the common settings
 */
record FeedRequest(String exchange, List<Instrument> instruments, Consumer<PriceFeed.Builder> settings) {

    FeedRequest {
        Objects.requireNonNull(exchange, "exchange is null");
        instruments = List.copyOf(instruments);
        Objects.requireNonNull(settings, "settings is null");
    }
}
