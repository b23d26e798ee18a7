package dev.pricefeed.exchange.kraken;

import static java.util.Objects.requireNonNull;

import dev.pricefeed.Instrument;
import dev.pricefeed.spi.CandleHistory;
import dev.pricefeed.spi.ConnectionSession;
import dev.pricefeed.spi.ExchangeConnector;
import dev.pricefeed.spi.ExchangeContext;
import dev.pricefeed.spi.FallbackPoller;
import dev.pricefeed.spi.Limits;
import dev.pricefeed.spi.MessageParser;
import dev.pricefeed.spi.Subscription;
import dev.pricefeed.spi.SymbolMapper;
import dev.pricefeed.spi.support.RestCalls;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Kraken feed: WebSocket v2 market data on the public endpoint, executions and balances on the private endpoint with
 * a fresh token per connect, REST ticker polling as fallback, and the pair catalog from REST {@code AssetPairs}.
 */
final class KrakenConnector implements ExchangeConnector {

    /** The route of executions and balances, which live on {@code ws-auth}. */
    static final String PRIVATE = "private";
    /** The route of market data. */
    static final String PUBLIC = "public";

    /**
     * Kraken documents no per-connection cap and a dynamic message rate; these stay well inside what its own
     * tools send: 200 subscriptions per connection, 50 symbols per message, 5 messages per second.
     */
    static final Limits LIMITS = new Limits(200, 50, 5, Duration.ofSeconds(1), null);

    private final ExchangeContext context;
    private final KrakenEndpoints endpoints;
    private final String eventTrigger;
    private final KrakenPairCatalog catalog = new KrakenPairCatalog();
    private final KrakenSymbols symbols = new KrakenSymbols(catalog);
    private final KrakenRestPoller poller;
    private final KrakenTokenClient tokens;
    private final KrakenCandleHistory history;
    private final KrakenTokenRenewals renewals = new KrakenTokenRenewals();

    KrakenConnector(ExchangeContext context) {
        this.context = requireNonNull(context, "context is null");
        this.endpoints = KrakenEndpoints.of(context);
        this.eventTrigger = context.options().string(KrakenProvider.EVENT_TRIGGER.key());
        this.poller = new KrakenRestPoller(context.httpClient(), endpoints.rest(), symbols, context.clock());
        this.tokens = new KrakenTokenClient(context.httpClient(), endpoints.rest(), context.credentials(),
                new KrakenNonce(context.clock()));
        this.history = new KrakenCandleHistory(context.httpClient(), endpoints.rest(), symbols, context.clock());
    }

    @Override
    public Limits limits() {
        return LIMITS;
    }

    @Override
    public String route(Subscription subscription) {
        return subscription.channel().isPrivate() ? PRIVATE : PUBLIC;
    }

    @Override
    public ConnectionSession connect(String route, List<Subscription> subscriptions)
            throws IOException, InterruptedException {
        KrakenConnectionState state = new KrakenConnectionState(symbols, renewals);
        if (PRIVATE.equals(route)) {
            String token = tokens.fetchToken();
            return new KrakenSession(endpoints.websocketAuth(), subscriptions, symbols, eventTrigger, token, state);
        }
        if (PUBLIC.equals(route)) {
            return new KrakenSession(endpoints.websocket(), subscriptions, symbols, eventTrigger, null, state);
        }
        throw new IllegalArgumentException("unknown Kraken route '" + route + "'");
    }

    @Override
    public MessageParser newParser(Optional<ConnectionSession> connection) {
        if (connection.orElse(null) instanceof KrakenSession session) {
            return session.newParser();
        }
        return new KrakenParser(new KrakenConnectionState(symbols));
    }

    @Override
    public FallbackPoller poller() {
        return poller;
    }

    /** Candles from REST {@code OHLC}: the newest 720 of an interval at most. */
    @Override
    public Optional<CandleHistory> history() {
        return Optional.of(history);
    }

    @Override
    public SymbolMapper symbols() {
        return symbols;
    }

    @Override
    public Optional<Set<Instrument>> listInstruments() throws IOException, InterruptedException {
        URI uri = KrakenEndpoints.resolve(endpoints.rest(), "/0/public/AssetPairs");
        catalog.update(KrakenAssetPairs.read(RestCalls.get(context.httpClient(), uri), symbols));
        return Optional.of(catalog.instruments());
    }
}
