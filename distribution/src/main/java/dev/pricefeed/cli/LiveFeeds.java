package dev.pricefeed.cli;

import dev.pricefeed.Channel;
import dev.pricefeed.FeedEvent;
import dev.pricefeed.FeedState;
import dev.pricefeed.Instrument;
import dev.pricefeed.MarketDataService;
import dev.pricefeed.PluginConflictException;
import dev.pricefeed.PluginRegistry;
import dev.pricefeed.PriceFeed;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** The live feeds of one command, one per exchange, opened, started and closed together. */
final class LiveFeeds implements AutoCloseable {

    private final MarketDataService service;

    private LiveFeeds(MarketDataService service) {
        this.service = service;
    }

    /**
     * Builds one feed per request and lets {@code setup} register listeners on each before anything starts.
     *
     * @param requests the feeds
     * @param channels the channels of every feed
     * @param registry the plugins
     * @param configFile the settings file, or {@code null}
     * @param setup registers listeners on each feed
     * @throws UsageError when a feed cannot be built (configuration, unknown exchange), naming every problem
     */
    static LiveFeeds build(List<FeedRequest> requests, Set<Channel> channels, PluginRegistry registry, Path configFile,
            Consumer<PriceFeed> setup) {
        MarketDataService.Builder service = MarketDataService.builder();
        for (FeedRequest request : requests) {
            PriceFeed.Builder builder = PriceFeed.builder()
                    .exchange(request.exchange())
                    .instruments(request.instruments().stream().map(Instrument::toString).toList())
                    .channels(channels.toArray(Channel[]::new))
                    .plugins(registry);
            if (configFile != null) {
                builder.configFile(configFile);
            }
            request.settings().accept(builder);
            service.feed(builder);
        }
        MarketDataService built;
        try {
            built = service.build();
        } catch (IllegalArgumentException | PluginConflictException e) {
            // every feed's problem, one per line: configuration, unknown exchange, plugin conflict, duplicate exchange
            throw new UsageError(String.join("; ", e.getMessage().lines().map(String::trim).toList()));
        }
        LiveFeeds feeds = new LiveFeeds(built);
        try {
            built.feeds().values().forEach(setup);
        } catch (RuntimeException e) {
            feeds.close();
            throw e;
        }
        return feeds;
    }

    /** The feeds, in the order asked for. */
    List<PriceFeed> feeds() {
        return List.copyOf(service.feeds().values());
    }

    /** Starts every feed: validates its instruments where the exchange lists them, then connects. */
    void start() {
        service.start();
    }

    /** Whether an event says a feed closed on its own (not because this process closed it). */
    static boolean closedByItself(FeedEvent event, boolean closing) {
        return !closing && event instanceof FeedEvent.StateChanged change && change.to() == FeedState.CLOSED;
    }

    /** Closes every feed; listeners get what was already queued. */
    @Override
    public void close() {
        service.close();
    }
}
