package dev.pricefeed.testkit.binance;

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
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance Spot in emulator mode, on an {@link EmulatorServer}:
 * <ul>
 *   <li>market streams on {@code /stream} (combined: every event wrapped as {@code {"stream":..,"data":..}}) and
 *   {@code /ws} or {@code /ws/<stream>} (raw events); streams in the URL ({@code ?streams=a/b}) or subscribed live
 *   with {@code SUBSCRIBE} / {@code UNSUBSCRIBE} / {@code LIST_SUBSCRIPTIONS} / {@code SET_PROPERTY} /
 *   {@code GET_PROPERTY}, answered {@code {"result":null,"id":n}} or with the documented error replies;</li>
 *   <li>{@code <symbol>@ticker} pushed periodically (Binance: every second), {@code @bookTicker} and {@code @trade}
 *   on publish; trades can be numbered so a test can prove none went missing;</li>
 *   <li>server ping frames every N with a pong deadline, a connection lifetime, the {@code serverShutdown} event;</li>
 *   <li>Binance's limits: at most 1024 streams per connection (more are refused with an error reply) and at most
 *   5 incoming messages per second (a client that sends more is disconnected, as Binance does);</li>
 *   <li>REST {@code exchangeInfo}, {@code ticker/bookTicker} and {@code ticker/24hr}; 429/418 through
 *   {@link #rateLimitRest}.</li>
 * </ul>
 */
public final class BinanceSimulator implements ExchangeSimulator, EmulatorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceSimulator.class);

    /** What the emulator lists unless told otherwise. */
    public static final List<String> DEFAULT_INSTRUMENTS = List.of("BTC/USDT", "ETH/USDT", "BNB/USDT", "ETH/BTC",
            "BNB/BTC", "SOL/USDT", "BTC/USDC", "XRP/USDT");

    private static final String METHODS = "`SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, "
            + "`GET_PROPERTY`";
    private static final Duration RATE_WINDOW = Duration.ofSeconds(1);

    private final Settings settings;
    private final EmulatorServer server;
    private final Map<String, Instrument> listed;
    private final Map<Instrument, BinanceWire.Quote> quotes = new ConcurrentHashMap<>();
    private final Map<Instrument, BinanceWire.Quote> restQuotes = new ConcurrentHashMap<>();
    private final Map<Instrument, AtomicInteger> tickerSubscriptions = new ConcurrentHashMap<>();
    private final Map<Instrument, AtomicLong> tradeNumbers = new ConcurrentHashMap<>();
    private final Map<Integer, StreamClient> clients = new ConcurrentHashMap<>();
    private final Set<String> refusedStreams = ConcurrentHashMap.newKeySet();
    private final AtomicLong updateIds = new AtomicLong(1_000);
    private final AtomicInteger subscribeRequests = new AtomicInteger();
    private final AtomicInteger rateViolations = new AtomicInteger();
    private final BinanceRestApi rest;
    /** Publishing holds this lock so every connection sees the same events in the same order. */
    private final Object publishLock = new Object();
    private final CandleSeries candles = new CandleSeries(CandleSeries.DEFAULT_SEED, Clock.systemUTC());

    private BinanceSimulator(Settings settings) {
        this.settings = settings;
        Map<String, Instrument> symbols = new LinkedHashMap<>();
        for (String text : settings.instruments) {
            Instrument instrument = Instrument.of(text);
            symbols.put(BinanceWire.symbol(instrument), instrument);
            quotes.put(instrument, BinanceWire.Quote.of("100.00", "99.99", "100.01"));
        }
        this.listed = Map.copyOf(symbols);
        this.rest = new BinanceRestApi(listed, instrument -> {
            BinanceWire.Quote quote = restQuotes.get(instrument);
            return quote != null ? quote : quotes.get(instrument);
        }, candles);
        this.server = EmulatorServer.start(this);
    }

    /** Starts a simulator that behaves like Binance: ticker every second, pings every 20 s, pong deadline 60 s. */
    public static BinanceSimulator start() {
        return builder().start();
    }

    /** Starts configuring a simulator. */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- ExchangeSimulator

    @Override
    public String exchangeId() {
        return "binance";
    }

    @Override
    public EmulatorServer server() {
        return server;
    }

    /** Points the feed's {@code websocket} endpoint at this host (the connector adds {@code /stream}) and REST here. */
    @Override
    public PriceFeed.Builder pointAt(PriceFeed.Builder builder) {
        return builder.endpoint(server.wsUri("/")).restEndpoint(server.httpUri("/"));
    }

    @Override
    public List<String> instruments() {
        return settings.instruments;
    }

    /** Sends a {@code @bookTicker} event, then a {@code @ticker} event, and keeps the quote for the periodic push. */
    @Override
    public void publishTicker(Instrument instrument, String last, String bid, String ask) {
        BinanceWire.Quote quote = BinanceWire.Quote.of(last, bid, ask);
        synchronized (publishLock) {
            quotes.put(instrument, quote);
            String book = BinanceWire.bookTicker(instrument, quote, updateIds.addAndGet(7));
            sendToSubscribers(BinanceWire.stream(instrument, "bookTicker"), book);
            sendToSubscribers(BinanceWire.stream(instrument, "ticker"),
                    BinanceWire.ticker(instrument, quote, System.currentTimeMillis()));
        }
    }

    /** Sends a {@code @trade} event; the trade id must be a number, as Binance's {@code t} is. */
    @Override
    public void publishTrade(Instrument instrument, String price, String size, Side side, String tradeId) {
        long id = Long.parseLong(tradeId);
        synchronized (publishLock) {
            sendToSubscribers(BinanceWire.stream(instrument, "trade"),
                    BinanceWire.trade(instrument, id, price, size, side, System.currentTimeMillis()));
        }
    }

    @Override
    public void setRestTicker(Instrument instrument, String last, String bid, String ask) {
        restQuotes.put(instrument, BinanceWire.Quote.of(last, bid, ask));
    }

    /** The candles {@code /api/v3/klines} serves; set its clock to fix "now". */
    public CandleSeries candles() {
        return candles;
    }

    @Override
    public int tickerSubscriptions(Instrument instrument) {
        AtomicInteger count = tickerSubscriptions.get(instrument);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.close();
    }

    // ---------------------------------------------------------------- Binance-specific controls

    /**
     * Publishes the next numbered trade of the instrument (ids 1, 2, 3, ... per instrument, price {@code 100.<id>})
     * to every connection subscribed to its trades and returns its number.
     */
    public long publishNumberedTrade(Instrument instrument) {
        synchronized (publishLock) {
            long id = tradeNumbers.computeIfAbsent(instrument, k -> new AtomicLong()).incrementAndGet();
            sendToSubscribers(BinanceWire.stream(instrument, "trade"), BinanceWire.trade(instrument, id,
                    "100." + id, "0.5", id % 2 == 0 ? Side.BUY : Side.SELL, System.currentTimeMillis()));
            return id;
        }
    }

    /** Sends the {@code serverShutdown} event to every open connection (raw, or as {@code !serverShutdown}). */
    public void serverShutdown() {
        String event = BinanceWire.serverShutdown(System.currentTimeMillis());
        for (EmulatorConnection connection : server.connections()) {
            StreamClient client = clients.get(connection.id());
            if (client != null) {
                client.sendEvent("!serverShutdown", event);
            }
        }
    }

    /** Subscribing a stream with this name gets an error reply ({@code Invalid request: invalid stream}). */
    public void refuseStream(String stream) {
        refusedStreams.add(requireNonNull(stream, "stream is null"));
    }

    /**
     * Refuses the instrument's ticker streams ({@code <symbol>@ticker}, {@code <symbol>@bookTicker}) from now on: a
     * SUBSCRIBE naming one gets the error reply for its id and, like Binance, subscribes none of its streams.
     */
    public void refuseTicker(Instrument instrument) {
        refuseStream(BinanceWire.stream(instrument, "ticker"));
        refuseStream(BinanceWire.stream(instrument, "bookTicker"));
    }

    /** The next {@code times} REST calls get this status (429 or 418) with Binance's body and {@code Retry-After}. */
    public void rateLimitRest(int status, Duration retryAfter, int times) {
        String body = status == 418
                ? "{\"code\":-1003,\"msg\":\"Way too many requests; IP(127.0.0.1) banned. Please use the websocket "
                        + "for live updates to avoid bans.\"}"
                : "{\"code\":-1003,\"msg\":\"Too much request weight used; current limit is 6000 request weight per "
                        + "1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.\"}";
        server.failHttp("/api/v3/", status, body, retryAfter, times);
    }

    /** The streams a connection (by its accept number) is subscribed to right now. */
    public Set<String> streams(int connectionId) {
        StreamClient client = clients.get(connectionId);
        return client == null ? Set.of() : Set.copyOf(client.streams);
    }

    /** The streams of every connection accepted so far, by accept number (closed connections keep their last set). */
    public Map<Integer, Set<String>> streamsByConnection() {
        Map<Integer, Set<String>> all = new LinkedHashMap<>();
        clients.keySet().stream().sorted().forEach(id -> all.put(id, Set.copyOf(clients.get(id).streams)));
        return all;
    }

    @Override
    public int liveSubscriptions() {
        return clients.values().stream().filter(client -> client.connection.isOpen())
                .mapToInt(client -> client.streams.size()).sum();
    }

    /** How many SUBSCRIBE requests arrived, on every connection. */
    public int subscribeRequests() {
        return subscribeRequests.get();
    }

    /** The most messages any one connection sent within any window of that length, by receive time. */
    public int maxMessagesPerConnectionWithin(Duration window) {
        return clients.values().stream().mapToInt(c -> c.maxInWindow(window)).max().orElse(0);
    }

    /** The text messages every connection sent, in total. */
    public int messagesReceived() {
        return clients.values().stream().mapToInt(StreamClient::messages).sum();
    }

    /** How many connections were dropped for sending more messages per second than allowed. */
    public int rateViolations() {
        return rateViolations.get();
    }

    // ---------------------------------------------------------------- EmulatorHandler

    @Override
    public void onOpen(EmulatorConnection connection) {
        String path = connection.path();
        boolean combined = path.equals("/stream") || path.startsWith("/stream/");
        boolean raw = path.equals("/ws") || path.startsWith("/ws/");
        if (!combined && !raw) {
            connection.close(1008, "unknown path " + path);
            return;
        }
        StreamClient client = new StreamClient(connection, combined);
        clients.put(connection.id(), client);
        List<String> fromUrl = new ArrayList<>();
        if (combined) {
            String streams = connection.queryParams().get("streams");
            if (streams != null && !streams.isEmpty()) {
                fromUrl.addAll(List.of(streams.split("/")));
            }
        } else if (path.length() > "/ws/".length()) {
            fromUrl.addAll(List.of(path.substring("/ws/".length()).split("/")));
        }
        for (String stream : fromUrl) {
            addStream(client, stream);
        }
        if (settings.pingInterval != null) {
            connection.pingEvery(settings.pingInterval, settings.pongDeadline);
        }
        if (settings.lifetime != null) {
            connection.closeAfter(settings.lifetime, 1001, "connection lifetime reached");
        }
        if (settings.tickerInterval != null) {
            connection.every(settings.tickerInterval, () -> pushTickers(client));
        }
    }

    @Override
    public void onText(EmulatorConnection connection, String text) {
        StreamClient client = clients.get(connection.id());
        if (client == null) {
            return;
        }
        if (client.received(System.nanoTime(), RATE_WINDOW) > settings.maxMessagesPerSecond) {
            rateViolations.incrementAndGet();
            LOG.info("connection {}: more than {} messages per second, disconnecting as Binance does",
                    connection.id(), settings.maxMessagesPerSecond);
            connection.drop();
            return;
        }
        JsonObject request;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            request = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            connection.send(BinanceWire.error(3, "Invalid JSON: expected value at line 1 column 1", null));
            return;
        }
        JsonValue idValue = request.get("id");
        String id;
        if (idValue == null || idValue.getValueType() == JsonValue.ValueType.NULL) {
            id = "null";
        } else if (idValue instanceof JsonNumber number && number.isIntegral() && number.longValue() >= 0) {
            id = number.toString();
        } else {
            connection.send(BinanceWire.error(2, "Invalid request: request ID must be an unsigned integer", null));
            return;
        }
        JsonValue methodValue = request.get("method");
        if (!(methodValue instanceof JsonString methodText)) {
            connection.send(BinanceWire.error(2, "Invalid request: missing field `method`", null));
            return;
        }
        String method = methodText.getString();
        switch (method) {
            case "SUBSCRIBE" -> subscribe(client, request, id);
            case "UNSUBSCRIBE" -> unsubscribe(client, request, id);
            case "LIST_SUBSCRIPTIONS" -> connection.send(BinanceWire.result(id, list(client)));
            case "SET_PROPERTY" -> setProperty(client, request, id);
            case "GET_PROPERTY" -> getProperty(client, request, id);
            default -> connection.send(BinanceWire.error(2, "Invalid request: unknown variant `" + method
                    + "`, expected one of " + METHODS, null));
        }
    }

    @Override
    public HttpReply onHttp(HttpCall call) {
        return rest.answer(call);
    }

    // ---------------------------------------------------------------- requests

    private void subscribe(StreamClient client, JsonObject request, String id) {
        subscribeRequests.incrementAndGet();
        List<String> streams = params(request);
        if (streams == null) {
            client.connection.send(BinanceWire.error(2, "Invalid request: invalid stream", id));
            return;
        }
        for (String stream : streams) {
            if (refusedStreams.contains(stream) || !wellFormed(stream)) {
                client.connection.send(BinanceWire.error(2, "Invalid request: invalid stream", id));
                return;
            }
        }
        Set<String> after = new HashSet<>(client.streams);
        after.addAll(streams);
        if (after.size() > settings.maxStreamsPerConnection) {
            // Binance documents the limit but not its error text; this wording is the emulator's
            client.connection.send(BinanceWire.error(2, "Invalid request: more than " + settings.maxStreamsPerConnection
                    + " streams on one connection", id));
            return;
        }
        synchronized (publishLock) {
            for (String stream : streams) {
                addStream(client, stream);
            }
            client.connection.send(BinanceWire.result(id, "null"));
        }
    }

    private void unsubscribe(StreamClient client, JsonObject request, String id) {
        List<String> streams = params(request);
        if (streams == null) {
            client.connection.send(BinanceWire.error(2, "Invalid request: invalid stream", id));
            return;
        }
        client.streams.removeAll(streams);
        client.connection.send(BinanceWire.result(id, "null"));
    }

    private static String list(StreamClient client) {
        StringBuilder json = new StringBuilder("[");
        client.streams.stream().sorted().forEach(s -> json.append(json.length() > 1 ? "," : "").append('"').append(s)
                .append('"'));
        return json.append(']').toString();
    }

    private static void setProperty(StreamClient client, JsonObject request, String id) {
        List<JsonValue> params = request.containsKey("params") && request.get("params") instanceof JsonArray a
                ? a : List.of();
        if (params.size() != 2 || !(params.get(0) instanceof JsonString name) || !name.getString().equals("combined")) {
            client.connection.send(BinanceWire.error(0, "Unknown property", id));
            return;
        }
        JsonValue value = params.get(1);
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            client.connection.send(BinanceWire.error(1, "Invalid value type: expected Boolean", id));
            return;
        }
        client.combined = value == JsonValue.TRUE;
        client.connection.send(BinanceWire.result(id, "null"));
    }

    private static void getProperty(StreamClient client, JsonObject request, String id) {
        List<JsonValue> params = request.containsKey("params") && request.get("params") instanceof JsonArray a
                ? a : List.of();
        if (params.size() != 1 || !(params.get(0) instanceof JsonString name) || !name.getString().equals("combined")) {
            client.connection.send(BinanceWire.error(0, "Unknown property", id));
            return;
        }
        client.connection.send(BinanceWire.result(id, Boolean.toString(client.combined)));
    }

    private static List<String> params(JsonObject request) {
        if (!(request.get("params") instanceof JsonArray array)) {
            return null;
        }
        List<String> streams = new ArrayList<>();
        for (JsonValue value : array) {
            if (!(value instanceof JsonString text)) {
                return null;
            }
            streams.add(text.getString());
        }
        return streams;
    }

    /** Binance answers an error for a malformed stream name, but silently accepts an unknown symbol. */
    private static boolean wellFormed(String stream) {
        int at = stream.indexOf('@');
        if (at <= 0 || at == stream.length() - 1) {
            return false;
        }
        for (int i = 0; i < at; i++) {
            char c = stream.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    private void addStream(StreamClient client, String stream) {
        if (client.streams.add(stream) && stream.endsWith("@ticker")) {
            Instrument instrument = listed.get(stream.substring(0, stream.indexOf('@')).toUpperCase(Locale.ROOT));
            if (instrument != null) {
                tickerSubscriptions.computeIfAbsent(instrument, k -> new AtomicInteger()).incrementAndGet();
            }
        }
    }

    // ---------------------------------------------------------------- publishing

    private void sendToSubscribers(String stream, String payload) {
        for (EmulatorConnection connection : server.connections()) {
            StreamClient client = clients.get(connection.id());
            if (client != null && client.streams.contains(stream)) {
                client.sendEvent(stream, payload);
            }
        }
    }

    /** The periodic {@code @ticker} push of every ticker stream of one connection, with the current quotes. */
    private void pushTickers(StreamClient client) {
        synchronized (publishLock) {
            long now = System.currentTimeMillis();
            for (String stream : client.streams) {
                if (!stream.endsWith("@ticker")) {
                    continue;
                }
                Instrument instrument = listed.get(stream.substring(0, stream.indexOf('@')).toUpperCase(Locale.ROOT));
                BinanceWire.Quote quote = instrument == null ? null : quotes.get(instrument);
                if (quote != null) {
                    client.sendEvent(stream, BinanceWire.ticker(instrument, quote, now));
                }
            }
        }
    }

    // ---------------------------------------------------------------- configuration

    /** Settings of a simulator. */
    private record Settings(List<String> instruments, Duration tickerInterval, Duration pingInterval,
            Duration pongDeadline, Duration lifetime, int maxStreamsPerConnection, int maxMessagesPerSecond) {
    }

    /** Configures a {@link BinanceSimulator}; defaults follow Binance. */
    public static final class Builder {
        private List<String> instruments = DEFAULT_INSTRUMENTS;
        private Duration tickerInterval = Duration.ofSeconds(1);
        private Duration pingInterval = Duration.ofSeconds(20);
        private Duration pongDeadline = Duration.ofMinutes(1);
        private Duration lifetime;
        private int maxStreamsPerConnection = 1024;
        private int maxMessagesPerSecond = 5;

        private Builder() {
        }

        /** The instruments listed in exchangeInfo and streamed, written {@code BASE/QUOTE}. */
        public Builder instruments(Collection<String> instruments) {
            this.instruments = List.copyOf(instruments);
            return this;
        }

        /** How often each subscribed {@code @ticker} stream is pushed (Binance: 1 s); {@code null} for never. */
        public Builder tickerInterval(Duration interval) {
            this.tickerInterval = interval;
            return this;
        }

        /** Server ping frames every interval; a connection whose pong is later than the deadline is dropped. */
        public Builder pingEvery(Duration interval, Duration pongDeadline) {
            this.pingInterval = requireNonNull(interval, "interval is null");
            this.pongDeadline = requireNonNull(pongDeadline, "pongDeadline is null");
            return this;
        }

        /** No server pings at all. */
        public Builder noPings() {
            this.pingInterval = null;
            return this;
        }

        /** Closes every connection (code 1001) once it has lived that long (Binance: 24 h); {@code null} for never. */
        public Builder lifetime(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        /** The most streams one connection may subscribe (Binance: 1024). */
        public Builder maxStreamsPerConnection(int max) {
            this.maxStreamsPerConnection = max;
            return this;
        }

        /** The most messages a client may send per second before it is disconnected (Binance: 5). */
        public Builder maxMessagesPerSecond(int max) {
            this.maxMessagesPerSecond = max;
            return this;
        }

        /** Starts the simulator on 127.0.0.1 and an ephemeral port. */
        public BinanceSimulator start() {
            return new BinanceSimulator(new Settings(instruments, tickerInterval, pingInterval, pongDeadline, lifetime,
                    maxStreamsPerConnection, maxMessagesPerSecond));
        }
    }
}
