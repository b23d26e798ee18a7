package dev.pricefeed.exchange.coinbase;

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
import dev.pricefeed.spi.support.SeparatorSymbols;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Connects one feed to Coinbase Exchange or Coinbase Advanced Trade market data, as {@code coinbase.feed} says. */
final class CoinbaseConnector implements ExchangeConnector {

    /** The Coinbase Exchange REST API, used for the product list and the REST fallback of both feeds. */
    static final URI DEFAULT_REST = URI.create("https://api.exchange.coinbase.com");

    /**
     * Coinbase asks for at most about 10 client messages per second (Advanced Trade: 8 per IP), so 8 per second is
     * safe for both; it has no documented cap on products per connection or per message, so 100 subscriptions per
     * message keeps frames small, and connections live as long as they stay healthy.
     */
    private static final Limits LIMITS = new Limits(Integer.MAX_VALUE, 100, 8, Duration.ofSeconds(1), null);

    private final ExchangeContext context;
    private final CoinbaseFeed feed;
    private final URI websocket;
    private final URI rest;
    private final SymbolMapper symbols = new SeparatorSymbols('-');
    private final ProductTickerPoller poller;
    private final CoinbaseCandleHistory history;

    CoinbaseConnector(ExchangeContext context) {
        this.context = Objects.requireNonNull(context, "context is null");
        this.feed = CoinbaseFeed.fromOption(context.options().string(CoinbaseProvider.FEED.key()));
        this.websocket = context.endpoint("websocket").orElse(feed.defaultUri());
        this.rest = context.endpoint("rest").orElse(DEFAULT_REST);
        this.poller = new ProductTickerPoller(context.httpClient(), rest, symbols, context.clock());
        this.history = new CoinbaseCandleHistory(context.httpClient(), rest, symbols, context.clock());
    }

    /** The feed this connector speaks. */
    CoinbaseFeed feed() {
        return feed;
    }

    @Override
    public Limits limits() {
        return LIMITS;
    }

    @Override
    public ConnectionSession connect(String route, List<Subscription> subscriptions) {
        return new CoinbaseSession(feed, websocket, symbols);
    }

    @Override
    public MessageParser newParser(Optional<ConnectionSession> connection) {
        if (connection.orElse(null) instanceof CoinbaseSession session) {
            return session.newParser();
        }
        return new CoinbaseParser(symbols, new SubscriptionLedger(feed, symbols));
    }

    @Override
    public FallbackPoller poller() {
        return poller;
    }

    /** Candles from the Exchange REST {@code candles}, 300 per request, whichever feed this connector speaks. */
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
        return Optional.of(ProductCatalog.fetch(context.httpClient(), rest));
    }
}
