package dev.pricefeed.cli;

import dev.pricefeed.Channel;
import dev.pricefeed.Delivery;
import dev.pricefeed.PluginRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs live feeds until Ctrl-C or a time limit, printing prices as a table or as JSON Lines; shared by {@code watch}
 * and {@code demo}.
 */
final class WatchRun {

    private final CliEnvironment env;
    private final LineOutput out;
    private final LineOutput err;
    private HttpAddress http;

    WatchRun(CliEnvironment env, LineOutput out, LineOutput err) {
        this.env = Objects.requireNonNull(env, "env is null");
        this.out = Objects.requireNonNull(out, "out is null");
        this.err = Objects.requireNonNull(err, "err is null");
    }

    /** Also serves the dashboard, {@code /metrics} and {@code /health} on this address while the feeds run. */
    WatchRun monitoredAt(HttpAddress address) {
        this.http = address;
        return this;
    }

    /**
     * Opens the feeds, prints until stopped, closes them.
     *
     * @param requests the feeds to open
     * @param channels their channels
     * @param registry the plugins
     * @param configFile the settings file, or {@code null}
     * @param format table or JSON Lines
     * @param eventsOnStdout whether events go to standard output with the data (JSON Lines only)
     * @param duration how long to run, or {@code null} until Ctrl-C
     * @param addOn what the run adds to the feeds besides prices ({@link FeedAddOn#NONE} for nothing)
     * @return the exit code: 0 when stopped as asked, 1 when a feed closed by itself
     */
    int run(List<FeedRequest> requests, Set<Channel> channels, PluginRegistry registry, Path configFile,
            OutputFormat format, boolean eventsOnStdout, Duration duration, FeedAddOn addOn)
            throws InterruptedException {
        AtomicBoolean closing = new AtomicBoolean();
        AtomicInteger code = new AtomicInteger(Cli.OK);
        EventOutput events = new EventOutput(eventsOnStdout ? out : err);
        TableView table = format == OutputFormat.TABLE ? new TableView(out, env.clock(), addOn::tableLines) : null;
        Set<Channel> subscribed = EnumSet.copyOf(channels);
        subscribed.addAll(addOn.channels());
        try (Monitoring monitoring = http == null ? null : new Monitoring(http, env.clock());
                LiveFeeds feeds = LiveFeeds.build(requests, subscribed, registry, configFile, feed -> {
            if (monitoring != null) {
                monitoring.watch(feed);
            }
            if (table == null) {
                feed.onTick(tick -> print(JsonLines.tick(tick)), Delivery.queue());
                if (channels.contains(Channel.TRADES)) {
                    feed.onTrade(trade -> print(JsonLines.trade(trade)));
                }
            }
            addOn.register(feed, table == null ? out : null);
            feed.onEvent(event -> {
                if (table != null) {
                    table.event(event);
                } else {
                    events.accept(event);
                }
                if (LiveFeeds.closedByItself(event, closing.get())) {
                    code.set(Cli.FAILURE);
                    env.stop().requestStop();
                }
            });
        })) {
            if (monitoring != null) {
                // bound before any feed connects, so a taken port fails at once
                err.println("pricefeed: dashboard, /metrics and /health on " + monitoring.start());
            }
            feeds.start();
            addOn.started();
            if (table != null) {
                table.start(feeds.feeds());
            }
            try {
                env.stop().await(duration);
            } finally {
                closing.set(true);
                addOn.close();
                if (table != null) {
                    table.close();
                }
            }
        }
        if (code.get() != Cli.OK) {
            err.println("pricefeed: a feed closed by itself; see the events above and logs/pricefeed.log");
        }
        return code.get();
    }

    private void print(String line) {
        if (!out.println(line)) {
            // the reader went away (a closed pipe): nothing more to do
            env.stop().requestStop();
        }
    }

    /** The format when none is asked for: a table in a terminal, JSON Lines otherwise. */
    static OutputFormat defaultFormat(CliEnvironment env) {
        return env.terminal() ? OutputFormat.TABLE : OutputFormat.JSONL;
    }
}
