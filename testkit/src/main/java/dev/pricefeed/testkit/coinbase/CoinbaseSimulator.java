package dev.pricefeed.testkit.coinbase;

import static java.util.Objects.requireNonNull;

import dev.pricefeed.Instrument;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.Side;
import dev.pricefeed.testkit.CandleSeries;
import dev.pricefeed.testkit.EmulatorConnection;
import dev.pricefeed.testkit.EmulatorHandler;
import dev.pricefeed.testkit.EmulatorServer;
import dev.pricefeed.testkit.ExchangeSimulator;
import dev.pricefeed.testkit.HttpCall;
import dev.pricefeed.testkit.HttpReply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Coinbase's emulator mode, speaking both feeds on one server: Coinbase Exchange on {@code /} and Advanced Trade on
 * {@code /advanced}, with the REST product list, product ticker and product candles ({@link #candles()}). Like Coinbase it closes connections that have
 * not subscribed within the subscribe deadline, answers every subscribe with the full {@code subscriptions} list,
 * sends heartbeats per product (Exchange) or per connection (Advanced Trade), numbers messages per product
 * (Exchange {@code sequence}, which also counts order-book messages no one here sees) or per connection (Advanced
 * Trade {@code sequence_num}), and loses messages on command.
 */
public final class CoinbaseSimulator implements ExchangeSimulator, EmulatorHandler {

    /** The two feeds and the emulator path each is served on. */
    public enum Feed {
        /** Coinbase Exchange {@code ws-feed}, served on {@code /}. */
        EXCHANGE("/"),
        /** Coinbase Advanced Trade market data, served on {@code /advanced}. */
        ADVANCED_TRADE("/advanced");

        private final String path;

        Feed(String path) {
            this.path = path;
        }

        /** The emulator path of this feed. */
        public String path() {
            return path;
        }
    }

    private static final Set<String> EXCHANGE_CHANNELS =
            Set.of("heartbeat", "ticker", "ticker_batch", "matches", "level2_batch", "status");
    private static final Set<String> ADVANCED_CHANNELS =
            Set.of("heartbeats", "ticker", "ticker_batch", "market_trades", "level2", "candles", "status");
    private static final Set<String> ADVANCED_WITHOUT_PRODUCTS = Set.of("heartbeats", "status");

    private final Object lock = new Object();
    private final Feed feed;
    private final Duration subscribeDeadline;
    private final Duration heartbeatInterval;
    private final int sequenceStride;
    private final Clock clock;
    private final Map<String, ProductState> products = new LinkedHashMap<>();
    /** Product ids whose ticker subscription is refused, as if Coinbase did not list them. */
    private final Set<String> refusedTickers = ConcurrentHashMap.newKeySet();
    private final CandleSeries candles;
    private final List<String> instruments;
    private final Map<EmulatorConnection, CoinbaseClient> clients = new LinkedHashMap<>();
    private final List<CoinbaseClient> everyClient = new ArrayList<>();
    private final Map<String, AtomicInteger> subscriptionCounts = new ConcurrentHashMap<>();
    private final Set<String> ignoredChannels = ConcurrentHashMap.newKeySet();
    private final EmulatorServer server;

    private CoinbaseSimulator(Builder builder) {
        this.feed = builder.feed;
        this.subscribeDeadline = builder.subscribeDeadline;
        this.heartbeatInterval = builder.heartbeatInterval;
        this.sequenceStride = builder.sequenceStride;
        this.clock = builder.clock;
        this.candles = new CandleSeries(CandleSeries.DEFAULT_SEED, builder.clock);
        this.instruments = List.copyOf(builder.instruments);
        for (String instrument : instruments) {
            String id = productId(Instrument.of(instrument));
            products.put(id, new ProductState(id));
        }
        this.server = EmulatorServer.start(this);
    }

    /** A simulator of the Coinbase Exchange feed with Coinbase's timings (5 s subscribe deadline, 1 s heartbeats). */
    public static CoinbaseSimulator start() {
        return builder().start();
    }

    /** A builder for a simulator with other settings. */
    public static Builder builder() {
        return new Builder();
    }

    // ---- ExchangeSimulator ----

    @Override
    public String exchangeId() {
        return "coinbase";
    }

    @Override
    public EmulatorServer server() {
        return server;
    }

    /**
     * Points the feed's {@code websocket} endpoint at the path of this simulator's {@link Feed} and {@code rest} at
     * the server; for {@link Feed#ADVANCED_TRADE} the feed also needs {@code .option("feed", "advanced-trade")}.
     */
    @Override
    public PriceFeed.Builder pointAt(PriceFeed.Builder builder) {
        return builder.endpoint(server.wsUri(feed.path())).restEndpoint(server.httpUri("/"));
    }

    @Override
    public List<String> instruments() {
        return instruments;
    }

    @Override
    public void publishTicker(Instrument instrument, String last, String bid, String ask) {
        ProductState.Quote quote = new ProductState.Quote(requireNonNull(last, "last is null"),
                requireNonNull(bid, "bid is null"), requireNonNull(ask, "ask is null"));
        synchronized (lock) {
            ProductState product = product(instrument);
            product.lastTicker = quote;
            if (product.open24h == null) {
                product.open24h = quote.last();
            }
            product.sequence += sequenceStride;
            Instant now = clock.instant();
            for (CoinbaseClient client : clients.values()) {
                if (client.feed == Feed.EXCHANGE && client.has("ticker", product.productId)) {
                    client.connection.send(CoinbaseFrames.exchangeTicker(product.productId, product.sequence, quote,
                            product.open24h, product.lastTradeId, now));
                } else if (client.feed == Feed.ADVANCED_TRADE && client.has("ticker", product.productId)) {
                    client.connection.send(CoinbaseFrames.advancedTicker(client.nextSequenceNum++, "update",
                            product.productId, quote, now));
                }
            }
        }
    }

    /** {@inheritDoc} The trade id must be a whole number, as Coinbase Exchange's are. */
    @Override
    public void publishTrade(Instrument instrument, String price, String size, Side side, String tradeId) {
        publish(instrument, price, size, side, Long.parseLong(requireNonNull(tradeId, "tradeId is null")));
    }

    /** Publishes a trade with the product's next trade id and returns that id. */
    public long publishTrade(Instrument instrument, String price, String size, Side side) {
        synchronized (lock) {
            long id = product(instrument).lastTradeId + 1;
            publish(instrument, price, size, side, id);
            return id;
        }
    }

    @Override
    public void setRestTicker(Instrument instrument, String last, String bid, String ask) {
        synchronized (lock) {
            product(instrument).restTicker = new ProductState.Quote(last, bid, ask);
        }
    }

    /**
     * Refuses the instrument's ticker from now on: a subscribe naming it gets Coinbase's error ({@code Failed to
     * subscribe} / {@code <id> is not a valid product}) and, like Coinbase, subscribes nothing of that message.
     */
    public void refuseTicker(Instrument instrument) {
        refusedTickers.add(productId(instrument));
    }

    /** The candles {@code /products/{id}/candles} serves; set its clock to fix "now". */
    public CandleSeries candles() {
        return candles;
    }

    @Override
    public int tickerSubscriptions(Instrument instrument) {
        return subscriptions("ticker", instrument);
    }

    /**
     * How many times a client subscribed the instrument on the channel (its feed's name, such as {@code matches} or
     * {@code market_trades}) since start; counted once the subscription is in place, so data published afterwards
     * reaches it.
     */
    public int subscriptions(String channel, Instrument instrument) {
        AtomicInteger count = subscriptionCounts.get(channel + ":" + productId(instrument));
        return count == null ? 0 : count.get();
    }

    @Override
    public int liveSubscriptions() {
        synchronized (lock) {
            return clients.values().stream().flatMap(client -> client.channels.values().stream())
                    .mapToInt(products -> Math.max(1, products.size())).sum();
        }
    }

    @Override
    public void close() {
        server.close();
    }

    // ---- Coinbase-specific controls ----

    /**
     * Loses the next {@code count} trades of the instrument in transit: its trade ids and sequence numbers skip them,
     * and every Advanced Trade connection's {@code sequence_num} skips {@code count} messages.
     */
    public void sequenceGap(Instrument instrument, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        synchronized (lock) {
            ProductState product = product(instrument);
            product.lastTradeId += count;
            product.sequence += (long) count * sequenceStride;
            for (CoinbaseClient client : clients.values()) {
                if (client.feed == Feed.ADVANCED_TRADE) {
                    client.nextSequenceNum += count;
                }
            }
        }
    }

    /**
     * Accepts subscriptions to the channel (its feed's name, such as {@code matches}) but leaves them out of the
     * {@code subscriptions} reply and sends no data for them, as Coinbase does with channels that need authentication.
     */
    public void ignoreChannel(String channel) {
        ignoredChannels.add(requireNonNull(channel, "channel is null"));
    }

    /** When each connection accepted so far first subscribed, oldest first. */
    public List<SubscribeTiming> subscribeTimings() {
        synchronized (lock) {
            List<SubscribeTiming> timings = new ArrayList<>(everyClient.size());
            for (CoinbaseClient client : everyClient) {
                Duration after = client.firstSubscribeNanos == null ? null
                        : Duration.ofNanos(client.firstSubscribeNanos - client.openedNanos);
                timings.add(new SubscribeTiming(client.connection.id(), after, client.closedForMissingSubscribe));
            }
            return timings;
        }
    }

    /** The subscribe deadline this simulator enforces. */
    public Duration subscribeDeadline() {
        return subscribeDeadline;
    }

    // ---- EmulatorHandler ----

    @Override
    public void onOpen(EmulatorConnection connection) {
        Feed connectionFeed = feedOf(connection.path());
        if (connectionFeed == null) {
            connection.close(1008, "no Coinbase feed on " + connection.path());
            return;
        }
        CoinbaseClient client = new CoinbaseClient(connection, connectionFeed, System.nanoTime());
        synchronized (lock) {
            clients.put(connection, client);
            everyClient.add(client);
        }
        connection.after(subscribeDeadline, () -> enforceDeadline(client));
        connection.every(heartbeatInterval, () -> heartbeats(client));
    }

    @Override
    public void onText(EmulatorConnection connection, String text) {
        synchronized (lock) {
            CoinbaseClient client = clients.get(connection);
            if (client == null) {
                return;
            }
            JsonObject message;
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                message = reader.readObject();
            } catch (JsonException | IllegalStateException e) {
                connection.send(client.feed == Feed.EXCHANGE
                        ? CoinbaseFrames.exchangeError("Failed to subscribe", "malformed JSON")
                        : CoinbaseFrames.advancedError("malformed JSON"));
                return;
            }
            if (client.feed == Feed.EXCHANGE) {
                exchangeRequest(client, message);
            } else {
                advancedRequest(client, message);
            }
        }
    }

    @Override
    public void onClose(EmulatorConnection connection) {
        synchronized (lock) {
            clients.remove(connection);
        }
    }

    @Override
    public HttpReply onHttp(HttpCall call) {
        if (!"GET".equals(call.method())) {
            return HttpReply.status(404, CoinbaseFrames.restError("NotFound"));
        }
        String path = call.path();
        synchronized (lock) {
            if (path.equals("/products")) {
                return HttpReply.json(CoinbaseFrames.restProducts(products.keySet()));
            }
            if (path.startsWith("/products/") && path.endsWith("/candles")) {
                String id = path.substring("/products/".length(), path.length() - "/candles".length());
                if (products.containsKey(id)) {
                    return CoinbaseCandles.answer(call, id, candles);
                }
            }
            if (path.startsWith("/products/") && path.endsWith("/ticker")) {
                ProductState product = products.get(path.substring("/products/".length(), path.length() - "/ticker".length()));
                ProductState.Quote quote = product == null ? null
                        : product.restTicker != null ? product.restTicker : product.lastTicker;
                if (quote != null) {
                    return HttpReply.json(CoinbaseFrames.restTicker(product.lastTradeId, quote, clock.instant()));
                }
            }
        }
        return HttpReply.status(404, CoinbaseFrames.restError("NotFound"));
    }

    // ---- the Exchange feed ----

    private void exchangeRequest(CoinbaseClient client, JsonObject message) {
        String type = message.getString("type", "");
        boolean subscribe = type.equals("subscribe");
        if (!subscribe && !type.equals("unsubscribe")) {
            client.connection.send(CoinbaseFrames.exchangeError("Failed to subscribe",
                    "type has to be either subscribe or unsubscribe"));
            return;
        }
        noteSubscribe(client);
        List<String> rootProducts = strings(message.get("product_ids"));
        Map<String, List<String>> wanted = new LinkedHashMap<>();
        JsonValue channels = message.get("channels");
        if (channels instanceof JsonArray array) {
            for (JsonValue channel : array) {
                if (channel instanceof JsonString name) {
                    wanted.put(name.getString(), rootProducts);
                } else if (channel instanceof JsonObject object) {
                    List<String> own = strings(object.get("product_ids"));
                    wanted.put(object.getString("name", ""), own.isEmpty() ? rootProducts : own);
                }
            }
        }
        for (Map.Entry<String, List<String>> channel : wanted.entrySet()) {
            if (!EXCHANGE_CHANNELS.contains(channel.getKey())) {
                client.connection.send(CoinbaseFrames.exchangeError("Failed to subscribe",
                        channel.getKey() + " is not a valid channel"));
                return;
            }
            for (String id : channel.getValue()) {
                if (!products.containsKey(id) || channel.getKey().equals("ticker") && refusedTickers.contains(id)) {
                    client.connection.send(CoinbaseFrames.exchangeError("Failed to subscribe",
                            id + " is not a valid product"));
                    return;
                }
            }
        }
        Map<String, Set<String>> added = new HashMap<>();
        for (Map.Entry<String, List<String>> channel : wanted.entrySet()) {
            if (ignoredChannels.contains(channel.getKey())) {
                continue;
            }
            if (subscribe) {
                added.put(channel.getKey(), client.add(channel.getKey(), channel.getValue()));
            } else {
                client.remove(channel.getKey(), channel.getValue(), channel.getValue().isEmpty());
            }
        }
        client.connection.send(CoinbaseFrames.exchangeSubscriptions(client.channels));
        added.forEach((channel, ids) -> ids.forEach(id -> count(channel, id)));
        Instant now = clock.instant();
        for (String id : added.getOrDefault("ticker", Set.of())) {
            ProductState product = products.get(id);
            if (product.lastTicker != null) {
                client.connection.send(CoinbaseFrames.exchangeTicker(id, product.sequence, product.lastTicker,
                        product.open24h, product.lastTradeId, now));
            }
        }
        for (String id : added.getOrDefault("matches", Set.of())) {
            ProductState product = products.get(id);
            if (product.lastTrade != null) {
                client.connection.send(CoinbaseFrames.exchangeMatch("last_match", id, product.sequence,
                        product.lastTrade));
            }
        }
    }

    // ---- the Advanced Trade feed ----

    private void advancedRequest(CoinbaseClient client, JsonObject message) {
        String type = message.getString("type", "");
        boolean subscribe = type.equals("subscribe");
        if (!subscribe && !type.equals("unsubscribe")) {
            client.connection.send(CoinbaseFrames.advancedError("type has to be either subscribe or unsubscribe"));
            return;
        }
        noteSubscribe(client);
        if (message.containsKey("channels") || !message.containsKey("channel")) {
            client.connection.send(CoinbaseFrames.advancedError("exactly one channel per message, in \"channel\""));
            return;
        }
        String channel = message.getString("channel", "");
        List<String> ids = strings(message.get("product_ids"));
        if (!ADVANCED_CHANNELS.contains(channel)) {
            client.connection.send(CoinbaseFrames.advancedError(channel + " is not a valid channel"));
            return;
        }
        if (ids.isEmpty() && !ADVANCED_WITHOUT_PRODUCTS.contains(channel)) {
            client.connection.send(CoinbaseFrames.advancedError(channel + " needs product_ids"));
            return;
        }
        for (String id : ids) {
            if (!products.containsKey(id) || channel.equals("ticker") && refusedTickers.contains(id)) {
                client.connection.send(CoinbaseFrames.advancedError("Failed to subscribe: " + id
                        + " is not a valid product"));
                return;
            }
        }
        Set<String> added = Set.of();
        if (!ignoredChannels.contains(channel)) {
            if (subscribe) {
                added = client.add(channel, ids);
            } else {
                client.remove(channel, ids, ids.isEmpty());
            }
        }
        Instant now = clock.instant();
        client.connection.send(CoinbaseFrames.advancedSubscriptions(client.nextSequenceNum++, client.channels, now));
        for (String id : added) {
            ProductState product = products.get(id);
            count(channel, id);
            if (channel.equals("ticker")) {
                if (product.lastTicker != null) {
                    client.connection.send(CoinbaseFrames.advancedTicker(client.nextSequenceNum++, "snapshot", id,
                            product.lastTicker, now));
                }
            } else if (channel.equals("market_trades") && product.lastTrade != null) {
                client.connection.send(CoinbaseFrames.advancedTrade(client.nextSequenceNum++, "snapshot", id,
                        product.lastTrade, now));
            }
        }
    }

    // ---- shared ----

    private void publish(Instrument instrument, String price, String size, Side side, long tradeId) {
        requireNonNull(side, "side is null");
        ProductState.LastTrade trade = new ProductState.LastTrade(tradeId, requireNonNull(price, "price is null"),
                requireNonNull(size, "size is null"), side, clock.instant().toString());
        synchronized (lock) {
            ProductState product = product(instrument);
            product.lastTrade = trade;
            product.lastTradeId = tradeId;
            product.sequence += sequenceStride;
            Instant now = clock.instant();
            for (CoinbaseClient client : clients.values()) {
                if (client.feed == Feed.EXCHANGE && client.has("matches", product.productId)) {
                    client.connection.send(CoinbaseFrames.exchangeMatch("match", product.productId, product.sequence,
                            trade));
                } else if (client.feed == Feed.ADVANCED_TRADE && client.has("market_trades", product.productId)) {
                    client.connection.send(CoinbaseFrames.advancedTrade(client.nextSequenceNum++, "update",
                            product.productId, trade, now));
                }
            }
        }
    }

    private void heartbeats(CoinbaseClient client) {
        synchronized (lock) {
            if (!clients.containsKey(client.connection)) {
                return;
            }
            Instant now = clock.instant();
            if (client.feed == Feed.EXCHANGE) {
                for (String id : client.channels.getOrDefault("heartbeat", Set.of())) {
                    ProductState product = products.get(id);
                    client.connection.send(CoinbaseFrames.exchangeHeartbeat(id, product.sequence,
                            product.lastTradeId, now));
                }
            } else if (client.channels.containsKey("heartbeats")) {
                client.connection.send(CoinbaseFrames.advancedHeartbeat(client.nextSequenceNum++,
                        ++client.heartbeatCounter, now, System.nanoTime() - client.openedNanos));
            }
        }
    }

    private void enforceDeadline(CoinbaseClient client) {
        synchronized (lock) {
            if (client.firstSubscribeNanos != null) {
                return;
            }
            client.closedForMissingSubscribe = true;
        }
        client.connection.close(1008, "no subscribe within " + subscribeDeadline.toMillis() + " ms");
    }

    private static void noteSubscribe(CoinbaseClient client) {
        if (client.firstSubscribeNanos == null) {
            client.firstSubscribeNanos = System.nanoTime();
        }
    }

    private void count(String channel, String productId) {
        subscriptionCounts.computeIfAbsent(channel + ":" + productId, k -> new AtomicInteger()).incrementAndGet();
    }

    private ProductState product(Instrument instrument) {
        ProductState product = products.get(productId(requireNonNull(instrument, "instrument is null")));
        if (product == null) {
            throw new IllegalArgumentException(instrument + " is not listed by this simulator; it lists " + instruments);
        }
        return product;
    }

    private static String productId(Instrument instrument) {
        return instrument.base() + "-" + instrument.quote();
    }

    private static Feed feedOf(String path) {
        for (Feed candidate : Feed.values()) {
            if (candidate.path().equals(path)) {
                return candidate;
            }
        }
        return null;
    }

    private static List<String> strings(JsonValue value) {
        List<String> result = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (item instanceof JsonString text) {
                    result.add(text.getString());
                }
            }
        }
        return result;
    }

    /** Settings of a {@link CoinbaseSimulator}. */
    public static final class Builder {
        private Feed feed = Feed.EXCHANGE;
        private Duration subscribeDeadline = Duration.ofSeconds(5);
        private Duration heartbeatInterval = Duration.ofSeconds(1);
        private int sequenceStride = 3;
        private Clock clock = Clock.systemUTC();
        private final Set<String> instruments = new LinkedHashSet<>(List.of("BTC/USD", "ETH/USD"));

        private Builder() {
        }

        /** The feed {@link #pointAt} points feeds at (both are always served). */
        public Builder feed(Feed value) {
            this.feed = requireNonNull(value, "feed is null");
            return this;
        }

        /** How long a connection may stay without a subscribe before it is closed (Coinbase: 5 s). */
        public Builder subscribeDeadline(Duration value) {
            this.subscribeDeadline = requireNonNull(value, "subscribeDeadline is null");
            return this;
        }

        /** How often heartbeats go out (Coinbase: every second). */
        public Builder heartbeatInterval(Duration value) {
            this.heartbeatInterval = requireNonNull(value, "heartbeatInterval is null");
            return this;
        }

        /**
         * How far a product's sequence advances per published ticker or trade (default 3: Coinbase's sequence also
         * counts the order-book messages between them, which only the full channel shows).
         */
        public Builder sequenceStride(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("sequenceStride must be at least 1, got " + value);
            }
            this.sequenceStride = value;
            return this;
        }

        /** The products listed, written {@code BASE/QUOTE} (default BTC/USD and ETH/USD). */
        public Builder instruments(String... values) {
            instruments.clear();
            for (String value : values) {
                instruments.add(Instrument.of(value).toString());
            }
            return this;
        }

        /** The clock for the times in frames. */
        public Builder clock(Clock value) {
            this.clock = requireNonNull(value, "clock is null");
            return this;
        }

        /** Starts the simulator. */
        public CoinbaseSimulator start() {
            return new CoinbaseSimulator(this);
        }
    }
}
