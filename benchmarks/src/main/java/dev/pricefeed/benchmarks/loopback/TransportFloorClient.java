package dev.pricefeed.benchmarks.loopback;

import dev.pricefeed.AccountEvent;
import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.config.ConfigSources;
import dev.pricefeed.config.FeedConfig;
import dev.pricefeed.runtime.DefaultExchangeContext;
import dev.pricefeed.spi.ExchangeConnector;
import dev.pricefeed.spi.ExchangeProvider;
import dev.pricefeed.spi.MessageParser;
import dev.pricefeed.spi.ParseSink;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A reference, not a product: the JDK's own WebSocket client ({@code java.net.http}, callbacks run on its selector
 * thread) feeding pricefeed's Binance or Coinbase parser, ticks handed straight to the harness. No runtime, no cache,
 * no dispatcher thread: what the parser plus a lean transport cost per frame, to tell the runtime's and Tyrus's share.
 * On Coinbase it sends the one subscribe message the feed would (ticker and heartbeat of BTC-USD).
 */
final class TransportFloorClient implements Client {

    private ScheduledExecutorService scheduler;
    private ExchangeConnector connector;
    private WebSocket socket;
    private final String exchange;

    TransportFloorClient(String exchange) {
        this.exchange = exchange;
    }

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public void start(URI websocket, URI rest, Arrivals arrivals) throws Exception {
        boolean coinbase = exchange.equals("coinbase");
        ExchangeProvider binance = ServiceLoader.load(ExchangeProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals(exchange)).findFirst().orElseThrow();
        // the plugin's declared options come with the config, as PriceFeed.build resolves them
        FeedConfig config = FeedConfig.resolve(exchange, List.of(coinbase ? "BTC/USD" : "BTC/USDT"),
                EnumSet.of(Channel.TICKER), ConfigSources.builder().build(), binance.options());
        scheduler = Executors.newSingleThreadScheduledExecutor();
        connector = binance.create(new DefaultExchangeContext(config, DefaultExchangeContext.newHttpClient(),
                Clock.systemUTC(), scheduler));
        MessageParser parser = connector.newParser(Optional.empty());
        ParseSink sink = new Sink(arrivals, coinbase);
        HttpClient client = HttpClient.newBuilder().executor(Runnable::run).build();
        URI uri = coinbase ? websocket : websocket.resolve("/stream?streams=" + TickerFrames.STREAM);
        socket = client.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public void onOpen(WebSocket webSocket) {
                webSocket.request(Long.MAX_VALUE);
                if (coinbase) {
                    webSocket.sendText("{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\"],"
                            + "\"channels\":[\"ticker\",\"heartbeat\"]}", true);
                }
            }

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                if (!last) {
                    partial.append(data);
                } else if (partial.length() > 0) {
                    partial.append(data);
                    parser.parse(partial.toString(), sink);
                    partial.setLength(0);
                } else {
                    parser.parse(data.toString(), sink);
                }
                return null;
            }
        }).join();
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
        if (connector != null) {
            connector.close();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Hands ticks to the harness; everything else is ignored. */
    private static final class Sink implements ParseSink {
        private final Arrivals arrivals;
        private final boolean coinbase;

        Sink(Arrivals arrivals, boolean coinbase) {
            this.arrivals = arrivals;
            this.coinbase = coinbase;
        }

        @Override
        public Instant receivedAt() {
            return Instant.now();
        }

        @Override
        public void tick(Tick tick) {
            // see TickerFrames for where each exchange's frames carry the number and the send time
            BigDecimal number = coinbase ? tick.open() : tick.quoteVolume();
            if (number != null) {
                arrivals.arrived(number.longValue(), tick.volume().longValue());
            }
        }

        @Override
        public void trade(Trade trade) {
        }

        @Override
        public void account(AccountEvent event) {
        }

        @Override
        public boolean sequence(String stream, Instrument instrument, long sequence) {
            return true;
        }

        @Override
        public void heartbeat() {
        }

        @Override
        public void pong() {
        }

        @Override
        public void welcome() {
        }

        @Override
        public void subscribed(Channel channel, Instrument instrument) {
        }

        @Override
        public void subscribeFailed(Channel channel, Instrument instrument, String reason) {
        }

        @Override
        public void exchangeError(String code, String message) {
        }

        @Override
        public void reconnectRequested(String reason) {
        }

        @Override
        public void unknown(String type) {
        }
    }
}
