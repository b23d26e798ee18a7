package dev.pricefeed.exchange.binance;

import dev.pricefeed.spi.ExchangeContext;
import java.net.URI;
import java.util.Objects;

/**
 * Where the feed connects: production hosts unless the {@code websocket} or {@code rest} endpoint is overridden.
 *
 * @param websocket the WebSocket base ({@code wss://stream.binance.com:9443}) or a full stream URL
 * @param rest the REST base ({@code https://api.binance.com})
 */
record BinanceEndpoints(URI websocket, URI rest) {

    /** Binance's production market-stream host. */
    static final URI WEBSOCKET = URI.create("wss://stream.binance.com:9443");

    /** Binance's production REST host. */
    static final URI REST = URI.create("https://api.binance.com");

    BinanceEndpoints {
        Objects.requireNonNull(websocket, "websocket is null");
        Objects.requireNonNull(rest, "rest is null");
    }

    /** The endpoints of a feed: overrides first, production otherwise. */
    static BinanceEndpoints from(ExchangeContext context) {
        return new BinanceEndpoints(context.endpoint("websocket").orElse(WEBSOCKET),
                context.endpoint("rest").orElse(REST));
    }

    /**
     * The URI to open: a bare host gets the combined endpoint {@code /stream} (every event then names its stream);
     * a URI with a path ({@code /stream}, {@code /ws}) is used as given.
     */
    URI streamUri() {
        String path = websocket.getRawPath();
        if (path == null || path.isEmpty() || "/".equals(path)) {
            return URI.create(trimSlash(websocket.toString()) + "/stream");
        }
        return websocket;
    }

    /** A REST URI: the base followed by a path and query such as {@code /api/v3/exchangeInfo}. */
    URI rest(String pathAndQuery) {
        return URI.create(trimSlash(rest.toString()) + pathAndQuery);
    }

    private static String trimSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
