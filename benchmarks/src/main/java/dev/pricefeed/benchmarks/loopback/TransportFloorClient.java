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
 *
 * <p>As {@code jdk-floor} it parses nothing: it finds the frame number and send time by scanning the characters the
 * JDK hands over, allocating nothing itself, so what it costs and allocates per frame is the JDK client's own share.
 */
final class TransportFloorClient implements Client {

    private ScheduledExecutorService scheduler;
    private ExchangeConnector connector;
    private WebSocket socket;
    private final String exchange;
    private final boolean parse;

    TransportFloorClient(String exchange, boolean parse) {
        this.exchange = exchange;
        this.parse = parse;
    }

    @Override
    public String name() {
        return parse ? "reference" : "jdk-floor";
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
                    read(partial);
                    partial.setLength(0);
                } else {
                    read(data);
                }
                return null;
            }

            private void read(CharSequence frame) {
                if (parse) {
                    // as the runtime does: the parser reads the JDK's characters in place
                    parser.parse(frame, sink);
                    return;
                }
                long number = digitsAfter(frame, coinbase ? "\"open_24h\":\"" : "\"q\":\"");
                if (number >= 0) {
                    arrivals.arrived(number, digitsAfter(frame, coinbase ? "\"volume_24h\":\"" : "\"v\":\""));
                }
            }
        }).join();
    }

    /** The digits right after the first {@code key} in {@code frame}, or -1 when it is not there. */
    static long digitsAfter(CharSequence frame, String key) {
        int last = frame.length() - key.length();
        for (int at = 0; at <= last; at++) {
            int i = 0;
            while (i < key.length() && frame.charAt(at + i) == key.charAt(i)) {
                i++;
            }
            if (i == key.length()) {
                long value = 0;
                for (int d = at + i; d < frame.length() && Character.isDigit(frame.charAt(d)); d++) {
                    value = value * 10 + (frame.charAt(d) - '0');
                }
                return value;
            }
        }
        return -1;
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
