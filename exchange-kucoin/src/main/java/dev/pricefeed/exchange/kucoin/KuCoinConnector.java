package dev.pricefeed.exchange.kucoin;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.spi.AuthenticationException;
import dev.pricefeed.spi.CandleHistory;
import dev.pricefeed.spi.ConnectionSession;
import dev.pricefeed.spi.ExchangeConnector;
import dev.pricefeed.spi.ExchangeContext;
import dev.pricefeed.spi.FallbackPoller;
import dev.pricefeed.spi.KeepAlive;
import dev.pricefeed.spi.Limits;
import dev.pricefeed.spi.MessageParser;
import dev.pricefeed.spi.Subscription;
import dev.pricefeed.spi.SymbolMapper;
import dev.pricefeed.spi.support.RestCalls;
import dev.pricefeed.spi.support.SeparatorSymbols;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * KuCoin Spot's public market data. Every connect starts with {@code POST /api/v1/bullet-public} for a fresh token
 * (KuCoin tokens expire, so a token is never reused across connections), then opens the returned instance server with
 * {@code token} and a new {@code connectId}.
 */
final class KuCoinConnector implements ExchangeConnector {

    /** KuCoin's public REST base. */
    static final URI DEFAULT_REST = URI.create("https://api.kucoin.com");

    private static final Logger LOG = LoggerFactory.getLogger(KuCoinConnector.class);
    /** KuCoin allows 100 client messages per 10 s per connection (pings included). */
    private static final int MESSAGES_PER_WINDOW = 100;
    private static final Duration MESSAGE_WINDOW = Duration.ofSeconds(10);

    private final ExchangeContext context;
    private final boolean stats;
    private final SymbolMapper symbols = new SeparatorSymbols('-');
    /** Shared by every connection, so a handover's old connection cannot overwrite newer data. */
    private final StreamOrder order = new StreamOrder();
    private final URI rest;
    private final Optional<URI> websocketOverride;
    private final Limits limits;
    private final KuCoinPoller poller;
    private final KuCoinCandleHistory history;

    KuCoinConnector(ExchangeContext context) {
        this.context = Objects.requireNonNull(context, "context is null");
        this.stats = context.options().bool(KuCoinProvider.STATS.key());
        this.rest = context.endpoint("rest").orElse(DEFAULT_REST);
        this.websocketOverride = context.endpoint("websocket");
        this.limits = new Limits(context.options().integer(KuCoinProvider.MAX_TOPICS_PER_CONNECTION.key()),
                context.options().integer(KuCoinProvider.MAX_TOPICS_PER_MESSAGE.key()),
                MESSAGES_PER_WINDOW, MESSAGE_WINDOW, null);
        this.poller = new KuCoinPoller(context.httpClient(), rest, symbols, context.clock());
        this.history = new KuCoinCandleHistory(context.httpClient(), rest, symbols, context.clock());
    }

    @Override
    public Limits limits() {
        return limits;
    }

    /** Private channels would need {@code bullet-private}, which this plugin does not do yet. */
    @Override
    public String route(Subscription subscription) {
        return subscription.channel().isPrivate() ? "private" : "public";
    }

    /** Topics the subscription opens: {@code TICKER} is ticker + level1 (+ snapshot with stats), {@code TRADES} one. */
    @Override
    public int weight(Subscription subscription) {
        if (subscription.channel() == Channel.TICKER) {
            return stats ? 3 : 2;
        }
        return 1;
    }

    @Override
    public ConnectionSession connect(String route, List<Subscription> subscriptions)
            throws IOException, InterruptedException {
        if (!"public".equals(route)) {
            throw new AuthenticationException("the kucoin plugin does not support private channels yet");
        }
        Bullet bullet = RestReplies.bullet(RestCalls.post(context.httpClient(),
                resolve(rest, "/api/v1/bullet-public"), "application/json", "{}", Map.of()));
        URI endpoint = websocketOverride.orElse(bullet.endpoint());
        String connectId = UUID.randomUUID().toString().replace("-", "");
        URI uri = withToken(endpoint, bullet.token(), connectId);
        // no pong within pingTimeout after a ping means the link is dead; pings keep pongs coming when quiet
        KeepAlive keepAlive = KeepAlive.applicationPing(bullet.pingInterval(), bullet.pingTimeout(),
                bullet.pingInterval().plus(bullet.pingTimeout()));
        LOG.debug("kucoin bootstrap: {} with connectId {} for {} subscriptions", bullet, connectId,
                subscriptions.size());
        return new KuCoinSession(uri, keepAlive, stats, symbols, order);
    }

    @Override
    public MessageParser newParser(Optional<ConnectionSession> connection) {
        if (connection.orElse(null) instanceof KuCoinSession session) {
            return session.newParser();
        }
        return new KuCoinParser(symbols, new PendingAcks(), new StreamOrder());
    }

    @Override
    public FallbackPoller poller() {
        return poller;
    }

    /** Candles from REST {@code market/candles}, 1,500 per request. */
    @Override
    public Optional<CandleHistory> history() {
        return Optional.of(history);
    }

    @Override
    public SymbolMapper symbols() {
        return symbols;
    }

    /** Every symbol of {@code GET /api/v2/symbols}, trading or not. */
    @Override
    public Optional<Set<Instrument>> listInstruments() throws IOException, InterruptedException {
        return Optional.of(RestReplies.symbols(RestCalls.get(context.httpClient(), resolve(rest, "/api/v2/symbols")),
                symbols));
    }

    /** Whether a ticker also subscribes {@code /market/snapshot} ({@code kucoin.stats}). */
    boolean stats() {
        return stats;
    }

    /** A path (with query) under a base URI that may itself end in a path, such as an emulator's prefix. */
    static URI resolve(URI base, String pathAndQuery) {
        String text = base.toString();
        if (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text + pathAndQuery);
    }

    /** The endpoint with {@code token} and {@code connectId} added to any query it already has. */
    static URI withToken(URI endpoint, String token, String connectId) {
        String text = endpoint.toString();
        String separator = endpoint.getRawQuery() == null ? "?" : "&";
        return URI.create(text + separator + "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&connectId=" + URLEncoder.encode(connectId, StandardCharsets.UTF_8));
    }
}
