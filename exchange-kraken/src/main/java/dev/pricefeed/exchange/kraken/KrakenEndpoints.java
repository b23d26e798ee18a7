package dev.pricefeed.exchange.kraken;

import static java.util.Objects.requireNonNull;

import dev.pricefeed.spi.ExchangeContext;
import java.net.URI;

/**
 * Where a Kraken feed connects: production URLs unless the context overrides them by name ({@code websocket},
 * {@code websocket-auth}, {@code rest}).
 *
 * @param websocket public WebSocket v2 market data
 * @param websocketAuth private WebSocket v2 (executions, balances)
 * @param rest REST base for tokens, the pair catalog and the fallback ticker
 */
public record KrakenEndpoints(URI websocket, URI websocketAuth, URI rest) {

    /** Kraken's public WebSocket v2 endpoint. */
    public static final URI WEBSOCKET = URI.create("wss://ws.kraken.com/v2");
    /** Kraken's private WebSocket v2 endpoint. */
    public static final URI WEBSOCKET_AUTH = URI.create("wss://ws-auth.kraken.com/v2");
    /** Kraken's REST base. */
    public static final URI REST = URI.create("https://api.kraken.com");

    public KrakenEndpoints {
        requireNonNull(websocket, "websocket is null");
        requireNonNull(websocketAuth, "websocketAuth is null");
        requireNonNull(rest, "rest is null");
    }

    /** The endpoints of a feed, with the context's overrides applied. */
    public static KrakenEndpoints of(ExchangeContext context) {
        return new KrakenEndpoints(
                context.endpoint("websocket").orElse(WEBSOCKET),
                context.endpoint("websocket-auth").orElse(WEBSOCKET_AUTH),
                context.endpoint("rest").orElse(REST));
    }

    /** A path (such as {@code /0/public/Ticker}) below a REST base that may itself carry a path prefix. */
    static URI resolve(URI base, String path) {
        String text = base.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text + path);
    }
}
