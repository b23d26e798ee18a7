package dev.pricefeed.exchange.binance;

import dev.pricefeed.Instrument;
import dev.pricefeed.spi.AuthenticationException;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One feed's link to Binance Spot's public market streams and REST API. */
final class BinanceConnector implements ExchangeConnector {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceConnector.class);

    /** Subscriptions per SUBSCRIBE message: at most 200 streams, a modest frame Binance accepts. */
    static final int SUBSCRIPTIONS_PER_MESSAGE = 100;

    /**
     * Outgoing messages per second: Binance allows 5 and counts pong frames too, and Tyrus answers the server's
     * pings outside the runtime's pacing, so one message of the budget is left for those pongs.
     */
    static final int MESSAGES_PER_SECOND = 4;

    private final ExchangeContext context;
    private final BinanceEndpoints endpoints;
    private final BinanceSymbols symbols;
    private final QuoteOrder quoteOrder = new QuoteOrder();
    private final Limits limits;
    private final BinancePoller poller;
    private final BinanceCandleHistory history;

    BinanceConnector(ExchangeContext context) {
        this.context = Objects.requireNonNull(context, "context is null");
        this.endpoints = BinanceEndpoints.from(context);
        this.symbols = new BinanceSymbols(context.instruments());
        this.limits = new Limits(context.options().integer(BinanceProvider.MAX_STREAMS.key()),
                SUBSCRIPTIONS_PER_MESSAGE, MESSAGES_PER_SECOND, Duration.ofSeconds(1),
                context.options().duration(BinanceProvider.CONNECTION_LIFETIME.key()));
        this.poller = new BinancePoller(context.httpClient(), endpoints, symbols, context.clock());
        this.history = new BinanceCandleHistory(context.httpClient(), endpoints, symbols, context.clock());
    }

    @Override
    public Limits limits() {
        return limits;
    }

    @Override
    public String route(Subscription subscription) {
        return subscription.channel().isPrivate() ? "private" : "public";
    }

    @Override
    public int weight(Subscription subscription) {
        return StreamNames.count(subscription);
    }

    @Override
    public ConnectionSession connect(String route, List<Subscription> subscriptions) throws IOException {
        Objects.requireNonNull(subscriptions, "subscriptions is null");
        if (!"public".equals(route)) {
            // account data on Binance now needs the signed WebSocket API, which this plugin does not speak yet
            throw new AuthenticationException("the Binance plugin supports public channels only (TICKER, TRADES); "
                    + "EXECUTIONS and BALANCES are not available");
        }
        return new BinanceSession(endpoints.streamUri(), symbols, quoteOrder, subscriptions);
    }

    @Override
    public MessageParser newParser(Optional<ConnectionSession> connection) {
        if (connection.orElse(null) instanceof BinanceSession session) {
            return session.newParser();
        }
        return new BinanceParser(symbols, new PendingRequests(), new QuoteOrder());
    }

    @Override
    public FallbackPoller poller() {
        return poller;
    }

    /** Candles from REST {@code klines}, 1,000 per request. */
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
        Map<String, Instrument> catalog = ExchangeInfoReader.read(
                RestCalls.get(context.httpClient(), endpoints.rest("/api/v3/exchangeInfo")));
        symbols.installCatalog(catalog);
        LOG.debug("Binance lists {} symbols", catalog.size());
        return Optional.of(Set.copyOf(catalog.values()));
    }
}
