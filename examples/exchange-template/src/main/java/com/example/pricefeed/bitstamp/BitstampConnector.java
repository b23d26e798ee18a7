package com.example.pricefeed.bitstamp;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
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

/** One feed's link to Bitstamp; its options are declared by {@link BitstampProvider#options()}. */
final class BitstampConnector implements ExchangeConnector {

    static final URI DEFAULT_WEBSOCKET = URI.create("wss://ws.bitstamp.net");
    static final URI DEFAULT_REST = URI.create("https://www.bitstamp.net");

    private final ExchangeContext context;
    private final BitstampSymbols symbols;
    private final URI websocket;
    private final String rest;
    private final Duration heartbeat;

    BitstampConnector(ExchangeContext context) {
        this.context = context;
        this.symbols = new BitstampSymbols(context.instruments());
        this.websocket = context.endpoint("websocket").orElse(DEFAULT_WEBSOCKET);
        String base = context.endpoint("rest").orElse(DEFAULT_REST).toString();
        this.rest = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.heartbeat = context.options().duration(BitstampProvider.HEARTBEAT_INTERVAL.key());
    }

    @Override
    public Limits limits() {
        // one channel per subscribe message; Bitstamp publishes no message rate, so stay gentle
        return new Limits(500, 1, 20, Duration.ofSeconds(1), null);
    }

    @Override
    public ConnectionSession connect(String route, List<Subscription> subscriptions) {
        return new BitstampSession(websocket, heartbeat, symbols);
    }

    @Override
    public MessageParser newParser(Optional<ConnectionSession> connection) {
        // the parser keeps no per-connection state, so a live connection and a replay get the same kind
        Set<Channel> channels = context.channels();
        return new BitstampParser(symbols, channels.contains(Channel.TICKER), channels.contains(Channel.TRADES));
    }

    @Override
    public FallbackPoller poller() {
        return new BitstampPoller(context, rest, symbols);
    }

    @Override
    public SymbolMapper symbols() {
        return symbols;
    }

    @Override
    public Optional<Set<Instrument>> listInstruments() throws IOException, InterruptedException {
        String body = RestCalls.get(context.httpClient(), URI.create(rest + "/api/v2/trading-pairs-info/"));
        return Optional.of(BitstampRest.tradingPairs(body));
    }
}
