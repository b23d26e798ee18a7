package dev.pricefeed.cli;

import dev.pricefeed.Channel;
import dev.pricefeed.PriceFeed;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** The options of the commands that open live feeds: channels, endpoint overrides and a run limit. */
final class FeedOptions {

    @Option(names = "--channels", split = ",", paramLabel = "CHANNEL",
            description = "ticker and/or trades, comma-separated (default: ticker).")
    List<Channel> channels = new ArrayList<>();

    @Option(names = "--endpoint", paramLabel = "[EXCHANGE=]URI",
            description = "WebSocket endpoint override, such as ws://127.0.0.1:8080/v2; with several exchanges "
                    + "write kraken=ws://...; repeatable.")
    List<String> endpoints = new ArrayList<>();

    @Option(names = "--rest-endpoint", paramLabel = "[EXCHANGE=]URI",
            description = "REST endpoint override (instrument list, fallback polling); like --endpoint.")
    List<String> restEndpoints = new ArrayList<>();

    @Option(names = "--duration", paramLabel = "TIME",
            description = "Stop by itself after this long, such as 30s or 5m (default: run until Ctrl-C).")
    Duration duration;

    /** The channels asked for; ticker when none. */
    Set<Channel> channels() {
        return channels.isEmpty() ? EnumSet.of(Channel.TICKER) : EnumSet.copyOf(channels);
    }

    /** Checks the options against the exchanges being opened, and returns the builder settings per exchange. */
    Map<String, Consumer<PriceFeed.Builder>> endpointSettings(Set<String> exchanges) {
        for (Channel channel : channels()) {
            if (channel.isPrivate()) {
                throw new UsageError("channel " + channel.name().toLowerCase(Locale.ROOT)
                        + " is private and not available here; use ticker and/or trades");
            }
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new UsageError("--duration must be positive, got " + duration);
        }
        Map<String, URI> websocket = byExchange("--endpoint", endpoints, exchanges);
        Map<String, URI> rest = byExchange("--rest-endpoint", restEndpoints, exchanges);
        Map<String, Consumer<PriceFeed.Builder>> settings = new HashMap<>();
        for (String exchange : exchanges) {
            URI ws = websocket.get(exchange);
            URI http = rest.get(exchange);
            settings.put(exchange, builder -> {
                if (ws != null) {
                    builder.endpoint(ws);
                }
                if (http != null) {
                    builder.restEndpoint(http);
                }
            });
        }
        return settings;
    }

    private static Map<String, URI> byExchange(String option, List<String> values, Set<String> exchanges) {
        Map<String, URI> uris = new HashMap<>();
        for (String value : values) {
            int equals = value.indexOf('=');
            int scheme = value.indexOf("://");
            String exchange;
            String uri;
            if (equals > 0 && (scheme < 0 || equals < scheme)) {
                exchange = value.substring(0, equals).trim().toLowerCase(Locale.ROOT);
                uri = value.substring(equals + 1).trim();
                if (!exchanges.contains(exchange)) {
                    throw new UsageError(option + " " + value + " names " + exchange + ", which is not being opened "
                            + exchanges);
                }
            } else if (exchanges.size() == 1) {
                exchange = exchanges.iterator().next();
                uri = value.trim();
            } else {
                throw new UsageError(option + " " + value + " is ambiguous with several exchanges: write "
                        + option + " " + exchanges.iterator().next() + "=" + value);
            }
            uris.put(exchange, uri(option, uri));
        }
        return uris;
    }

    private static URI uri(String option, String text) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new UsageError(option + " '" + text + "' is not an absolute URI with a host, such as "
                        + "ws://127.0.0.1:8080/");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new UsageError(option + " '" + text + "' is not a URI: " + e.getMessage());
        }
    }
}
