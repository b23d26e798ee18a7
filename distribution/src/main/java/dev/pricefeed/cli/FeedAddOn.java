package dev.pricefeed.cli;

import dev.pricefeed.Channel;
import dev.pricefeed.PriceFeed;
import java.util.List;
import java.util.Set;

/** Something a live run adds to its feeds besides prices (the demo's candles and arbitrage). */
interface FeedAddOn extends AutoCloseable {

    /** Adds nothing. */
    FeedAddOn NONE = new FeedAddOn() {
        @Override
        public void register(PriceFeed feed, LineOutput data) {
            // nothing to add
        }

        @Override
        public List<String> tableLines() {
            return List.of();
        }

        @Override
        public void close() {
            // nothing to stop
        }
    };

    /** Channels the add-on needs subscribed besides those asked for (their data is not printed as such). */
    default Set<Channel> channels() {
        return Set.of();
    }

    /**
     * Registers listeners on a feed before it starts.
     *
     * @param feed the feed
     * @param data where JSON lines go, or {@code null} when a table is drawn
     */
    void register(PriceFeed feed, LineOutput data);

    /** Called once every feed has started. */
    default void started() {
    }

    /** Lines shown under the price table. */
    List<String> tableLines();

    /** Stops what the add-on started, printing what is still pending. */
    @Override
    void close();
}
