package dev.pricefeed.testkit.kraken;

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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Kraken Spot in emulator mode, on an {@link EmulatorServer}:
 * <ul>
 *   <li>WebSocket v2 on {@code /v2} (public) and {@code /auth/v2} (private): a {@code status} frame on connect, one
 *   ack per symbol ({@code Currency pair not supported X/Y} for pairs it does not list, as Kraken answers), a
 *   snapshot then updates for {@code ticker} and {@code trade}, {@code heartbeat} on a quiet subscribed connection,
 *   {@code ping}/{@code pong};</li>
 *   <li>{@code executions} and {@code balances} on the private endpoint only, each subscribe checked against the
 *   tokens issued by its {@code GetWebSocketsToken} ({@code ESession:Invalid session} otherwise), with a snapshot and
 *   per-connection sequence numbers;</li>
 *   <li>REST {@code /0/private/GetWebSocketsToken} checking {@code API-Key}, {@code API-Sign} and the nonce,
 *   {@code /0/public/Ticker} keyed by Kraken's result keys ({@code XXBTZUSD}), {@code /0/public/AssetPairs} and
 *   {@code /0/public/OHLC} (the newest 720 candles of {@link #candles()}, the last one unfinished);
 *   Kraken-style {@code EAPI:Rate limit exceeded} through {@link #rateLimitRest(int)}, HTTP faults through
 *   {@link EmulatorServer#failHttp}.</li>
 * </ul>
 */
public final class KrakenSimulator implements ExchangeSimulator, EmulatorHandler {

    /** What the emulator lists unless told otherwise. */
    public static final List<String> DEFAULT_INSTRUMENTS = List.of("BTC/USD", "ETH/USD", "DOGE/USD", "SOL/USD",
            "ETH/BTC", "BTC/USDT");
    /** The API key the private REST endpoint accepts. */
    public static final String API_KEY = "emulator-api-key";
    /** The API secret (base64) the private REST endpoint checks signatures with. */
    public static final String API_SECRET =
            "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";
    /** The public WebSocket path. */
    public static final String PUBLIC_PATH = "/v2";
    /** The private WebSocket path. */
    public static final String PRIVATE_PATH = "/auth/v2";
    private static final int TRADE_SNAPSHOT_SIZE = 50;
    private static final String PRIVATE_ON_PUBLIC =
            "Private data and trading are unavailable on this endpoint. Try ws-auth.kraken.com";

    private final Builder settings;
    private final EmulatorServer server;
    private final Map<String, KrakenPair> bySymbol = new LinkedHashMap<>();
    private final Map<String, KrakenPair> byRestName = new LinkedHashMap<>();
    private final Map<String, KrakenWire.Quote> quotes = new ConcurrentHashMap<>();
    private final Map<String, KrakenWire.Quote> restQuotes = new ConcurrentHashMap<>();
    private final Map<String, Deque<KrakenWire.TradeRow>> recentTrades = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> tickerSubscriptions = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> tradeSubscriptions = new ConcurrentHashMap<>();
    private final Map<String, String> balances = new LinkedHashMap<>();
    private final Map<Integer, KrakenClient> clients = new ConcurrentHashMap<>();
    private final List<KrakenClient> privateClients = new CopyOnWriteArrayList<>();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final CandleSeries candles = new CandleSeries(CandleSeries.DEFAULT_SEED, Clock.systemUTC());
    private final AtomicInteger failedSubscribes = new AtomicInteger();
    private final Set<String> refusedTickers = ConcurrentHashMap.newKeySet();
    private final KrakenAuth auth;
    /** Subscribing and publishing hold this lock, so a snapshot never overtakes a newer update. */
    private final Object publishLock = new Object();

    private KrakenSimulator(Builder settings) {
        this.settings = settings;
        for (String text : settings.instruments) {
            KrakenPair pair = KrakenPair.of(Instrument.of(text));
            bySymbol.put(pair.symbol(), pair);
            byRestName.put(pair.altname(), pair);
            byRestName.put(pair.restKey(), pair);
            quotes.put(pair.symbol(), new KrakenWire.Quote("100.0", "99.9", "100.1"));
        }
        balances.put("USD", "1000.5");
        balances.put("BTC", "0.25");
        this.auth = new KrakenAuth(API_KEY, API_SECRET);
        this.server = EmulatorServer.start(this);
    }

    /** Starts a simulator that behaves like Kraken: heartbeats every second on a quiet subscribed connection. */
    public static KrakenSimulator start() {
        return builder().start();
    }

    /** Starts configuring a simulator. */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings of a simulator. */
    public static final class Builder {
        private List<String> instruments = DEFAULT_INSTRUMENTS;
        private Duration heartbeatInterval = Duration.ofSeconds(1);
        private String systemStatus = "online";

        private Builder() {
        }

        /** The instruments it lists, written {@code BASE/QUOTE}. */
        public Builder instruments(List<String> instruments) {
            this.instruments = List.copyOf(instruments);
            return this;
        }

        /** How often a quiet, subscribed connection gets a heartbeat (Kraken: about every second). */
        public Builder heartbeatInterval(Duration interval) {
            this.heartbeatInterval = requireNonNull(interval, "interval is null");
            return this;
        }

        /** The {@code system} value of the status frame sent on connect ({@code online}, {@code maintenance}, ...). */
        public Builder systemStatus(String status) {
            this.systemStatus = requireNonNull(status, "status is null");
            return this;
        }

        /** Starts the simulator. */
        public KrakenSimulator start() {
            return new KrakenSimulator(this);
        }
    }

    // ---------------------------------------------------------------- ExchangeSimulator

    @Override
    public String exchangeId() {
        return "kraken";
    }

    @Override
    public EmulatorServer server() {
        return server;
    }

    /** Points the {@code websocket}, {@code websocket-auth} and {@code rest} endpoints here. */
    @Override
    public PriceFeed.Builder pointAt(PriceFeed.Builder builder) {
        return builder.endpoint("websocket", server.wsUri(PUBLIC_PATH))
                .endpoint("websocket-auth", server.wsUri(PRIVATE_PATH))
                .restEndpoint(server.httpUri("/"));
    }

    /** Also sets the credentials this simulator accepts; returns the builder. */
    public PriceFeed.Builder pointAtWithCredentials(PriceFeed.Builder builder) {
        return pointAt(builder).credentials(API_KEY, API_SECRET);
    }

    @Override
    public List<String> instruments() {
        return settings.instruments;
    }

    /** Sends a ticker update to every connection subscribed to the instrument's ticker. */
    @Override
    public void publishTicker(Instrument instrument, String last, String bid, String ask) {
        String symbol = instrument.toString();
        KrakenWire.Quote quote = new KrakenWire.Quote(last, bid, ask);
        synchronized (publishLock) {
            quotes.put(symbol, quote);
            sendToSubscribers("ticker", symbol, KrakenWire.ticker("update", symbol, quote));
        }
    }

    /** Sends a trade update to every connection subscribed to the instrument's trades, and keeps it for snapshots. */
    @Override
    public void publishTrade(Instrument instrument, String price, String size, Side side, String tradeId) {
        String symbol = instrument.toString();
        KrakenWire.TradeRow row = new KrakenWire.TradeRow(symbol, price, size, side.wireName(), tradeId,
                KrakenWire.now());
        synchronized (publishLock) {
            Deque<KrakenWire.TradeRow> recent = recentTrades.computeIfAbsent(symbol, s -> new ArrayDeque<>());
            recent.addLast(row);
            while (recent.size() > TRADE_SNAPSHOT_SIZE) {
                recent.removeFirst();
            }
            sendToSubscribers("trade", symbol, KrakenWire.trades("update", List.of(row)));
        }
    }

    @Override
    public void setRestTicker(Instrument instrument, String last, String bid, String ask) {
        restQuotes.put(instrument.toString(), new KrakenWire.Quote(last, bid, ask));
    }

    @Override
    public int tickerSubscriptions(Instrument instrument) {
        AtomicInteger count = tickerSubscriptions.get(instrument.toString());
        return count == null ? 0 : count.get();
    }

    @Override
    public int liveSubscriptions() {
        return clients.values().stream().mapToInt(client -> client.subscriptions.size()).sum();
    }

    @Override
    public void close() {
        server.close();
    }

    // ---------------------------------------------------------------- Kraken-specific controls

    /** The candles {@code /0/public/OHLC} serves; set its clock to fix "now". */
    public CandleSeries candles() {
        return candles;
    }

    /** How many times a client subscribed the instrument's trades since start. */
    public int tradeSubscriptions(Instrument instrument) {
        AtomicInteger count = tradeSubscriptions.get(instrument.toString());
        return count == null ? 0 : count.get();
    }

    /** How many subscribe requests (per symbol or channel) were refused since start. */
    public int failedSubscribes() {
        return failedSubscribes.get();
    }

    /**
     * Refuses the instrument's ticker from now on, per symbol as Kraken does: {@code {"method":"subscribe",
     * "success":false,"error":"Currency pair not supported BTC/USD","symbol":"BTC/USD",...}}, while the request's other
     * symbols are acknowledged.
     */
    public void refuseTicker(Instrument instrument) {
        refusedTickers.add(KrakenPair.of(instrument).symbol());
    }

    /** Sends a balance change (a deposit) to every private connection subscribed to {@code balances}. */
    public void publishBalanceChange(String ledgerId, String asset, String amount, String balance) {
        synchronized (publishLock) {
            balances.put(asset, balance);
            for (KrakenClient client : privateClients) {
                if (client.subscribedTo("balances", null)) {
                    client.send(KrakenWire.balanceUpdate(ledgerId, asset, amount, balance,
                            client.balancesSequence.incrementAndGet()));
                }
            }
        }
    }

    /** Sends a fill to every private connection subscribed to {@code executions}. */
    public void publishExecution(String orderId, Instrument instrument, Side side, String qty, String price) {
        synchronized (publishLock) {
            for (KrakenClient client : privateClients) {
                if (client.subscribedTo("executions", null)) {
                    client.send(KrakenWire.executionTrade(orderId, instrument.toString(), side.wireName(), qty, price,
                            client.executionsSequence.incrementAndGet()));
                }
            }
        }
    }

    /** The tokens each private connection subscribed with, by connection in accept order. */
    public List<List<String>> tokensByPrivateConnection() {
        List<List<String>> result = new ArrayList<>();
        for (KrakenClient client : privateClients) {
            result.add(List.copyOf(client.tokens));
        }
        return result;
    }

    /** Every token issued by {@code GetWebSocketsToken}, oldest first. */
    public List<String> issuedTokens() {
        return auth.issued();
    }

    /**
     * The next {@code count} tokens {@code GetWebSocketsToken} hands out are already expired: a private subscribe with
     * one gets Kraken's {@code ESession:Invalid session}.
     */
    public void issueExpiredTokens(int count) {
        auth.issueExpired(count);
    }

    /** Makes every token issued so far invalid, as if it had expired. */
    public void expireTokens() {
        auth.expireAll();
    }

    /** Application pings received on a connection (1-based accept order). */
    public long pingsReceived(int connection) {
        KrakenClient client = clients.get(connection);
        return client == null ? 0 : client.pings.get();
    }

    /** The next {@code times} public REST calls answer Kraken's {@code EAPI:Rate limit exceeded} (HTTP 200). */
    public void rateLimitRest(int times) {
        rateLimited.set(times);
    }

    // ---------------------------------------------------------------- EmulatorHandler

    @Override
    public void onOpen(EmulatorConnection connection) {
        boolean isPrivate = connection.path().startsWith(PRIVATE_PATH);
        KrakenClient client = new KrakenClient(connection, isPrivate);
        clients.put(connection.id(), client);
        if (isPrivate) {
            privateClients.add(client);
        }
        client.send(KrakenWire.status(settings.systemStatus));
        long intervalNanos = settings.heartbeatInterval.toNanos();
        connection.every(settings.heartbeatInterval, () -> {
            if (!client.subscriptions.isEmpty() && System.nanoTime() - client.lastSentNanos >= intervalNanos / 2) {
                client.send(KrakenWire.heartbeat());
            }
        });
    }

    @Override
    public void onClose(EmulatorConnection connection) {
        KrakenClient client = clients.get(connection.id());
        if (client != null) {
            client.subscriptions.clear();
        }
    }

    @Override
    public void onText(EmulatorConnection connection, String text) {
        KrakenClient client = clients.get(connection.id());
        if (client == null) {
            return;
        }
        JsonObject request;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            request = reader.readObject();
        } catch (JsonException | ClassCastException e) {
            client.send(KrakenWire.subscribeError("error", "Malformed request", null, null));
            return;
        }
        String requestId = request.containsKey("req_id") ? request.get("req_id").toString() : null;
        String method = request.getString("method", "");
        switch (method) {
            case "ping" -> {
                client.pings.incrementAndGet();
                client.send(KrakenWire.pong(requestId));
            }
            case "subscribe" -> subscribe(client, request.getJsonObject("params"), requestId);
            default -> client.send(KrakenWire.subscribeError(method.isEmpty() ? "error" : method,
                    "Method not found", null, requestId));
        }
    }

    private void subscribe(KrakenClient client, JsonObject params, String requestId) {
        if (params == null) {
            client.send(KrakenWire.subscribeError("subscribe", "EGeneral:Invalid arguments", null, requestId));
            return;
        }
        String channel = params.getString("channel", "");
        switch (channel) {
            case "ticker", "trade" -> subscribePublic(client, channel, params, requestId);
            case "executions", "balances" -> subscribePrivate(client, channel, params, requestId);
            default -> {
                failedSubscribes.incrementAndGet();
                client.send(KrakenWire.subscribeError("subscribe", "Channel not supported " + channel, null,
                        requestId));
            }
        }
    }

    private void subscribePublic(KrakenClient client, String channel, JsonObject params, String requestId) {
        JsonArray symbols = params.getJsonArray("symbol");
        if (symbols == null || symbols.isEmpty()) {
            client.send(KrakenWire.subscribeError("subscribe", "EGeneral:Invalid arguments", null, requestId));
            return;
        }
        // Kraken's ticker and trade channels send a snapshot unless told not to.
        boolean snapshot = params.getBoolean("snapshot", true);
        for (JsonValue value : symbols) {
            String symbol = value instanceof JsonString s ? s.getString() : value.toString();
            if (!bySymbol.containsKey(symbol) || channel.equals("ticker") && refusedTickers.contains(symbol)) {
                failedSubscribes.incrementAndGet();
                client.send(KrakenWire.subscribeError("subscribe", "Currency pair not supported " + symbol, symbol,
                        requestId));
                continue;
            }
            synchronized (publishLock) {
                client.send(KrakenWire.ackPublic(channel, symbol, snapshot, requestId));
                if (channel.equals("ticker")) {
                    if (snapshot) {
                        client.send(KrakenWire.ticker("snapshot", symbol, quotes.get(symbol)));
                    }
                    client.subscriptions.add(KrakenClient.key(channel, symbol));
                    tickerSubscriptions.computeIfAbsent(symbol, s -> new AtomicInteger()).incrementAndGet();
                } else {
                    if (snapshot) {
                        Deque<KrakenWire.TradeRow> recent = recentTrades.get(symbol);
                        client.send(KrakenWire.trades("snapshot", recent == null ? List.of() : recent));
                    }
                    client.subscriptions.add(KrakenClient.key(channel, symbol));
                    tradeSubscriptions.computeIfAbsent(symbol, s -> new AtomicInteger()).incrementAndGet();
                }
            }
        }
    }

    private void subscribePrivate(KrakenClient client, String channel, JsonObject params, String requestId) {
        if (!client.privateEndpoint) {
            failedSubscribes.incrementAndGet();
            client.send(KrakenWire.subscribeError("subscribe", PRIVATE_ON_PUBLIC, null, requestId));
            return;
        }
        String token = params.getString("token", null);
        if (!auth.valid(token)) {
            failedSubscribes.incrementAndGet();
            client.send(KrakenWire.subscribeError("subscribe", "ESession:Invalid session", null, requestId));
            return;
        }
        synchronized (publishLock) {
            client.tokens.add(token);
            client.send(KrakenWire.ackPrivate(channel, requestId));
            if (channel.equals("balances")) {
                client.send(KrakenWire.balancesSnapshot(new LinkedHashMap<>(balances),
                        client.balancesSequence.incrementAndGet()));
            } else {
                client.send(KrakenWire.executionsSnapshot(client.executionsSequence.incrementAndGet()));
            }
            client.subscriptions.add(KrakenClient.key(channel, null));
        }
    }

    private void sendToSubscribers(String channel, String symbol, String frame) {
        for (KrakenClient client : clients.values()) {
            if (client.connection.isOpen() && client.subscribedTo(channel, symbol)) {
                client.send(frame);
            }
        }
    }

    @Override
    public HttpReply onHttp(HttpCall call) {
        String path = call.path();
        if (path.startsWith("/0/public/") && rateLimited.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return HttpReply.json(KrakenWire.restErrors(List.of("EAPI:Rate limit exceeded")));
        }
        return switch (path) {
            case "/0/public/Ticker" -> restTicker(call);
            case "/0/public/AssetPairs" -> HttpReply.json(KrakenWire.assetPairs(bySymbol.values()));
            case "/0/public/OHLC" -> KrakenOhlc.answer(call, this::pairByName, candles);
            case "/0/private/GetWebSocketsToken" -> token(call);
            default -> HttpReply.notFound();
        };
    }

    private KrakenPair pairByName(String name) {
        KrakenPair pair = byRestName.get(name);
        return pair != null ? pair : bySymbol.get(name);
    }

    private HttpReply restTicker(HttpCall call) {
        String pairs = call.queryParams().get("pair");
        if (pairs == null || pairs.isEmpty()) {
            return HttpReply.json(KrakenWire.restErrors(List.of("EGeneral:Invalid arguments")));
        }
        Map<KrakenPair, KrakenWire.Quote> answer = new LinkedHashMap<>();
        for (String name : pairs.split(",")) {
            KrakenPair pair = byRestName.get(name);
            if (pair == null) {
                pair = bySymbol.get(name);
            }
            if (pair == null) {
                return HttpReply.json(KrakenWire.restErrors(List.of("EQuery:Unknown asset pair")));
            }
            KrakenWire.Quote quote = restQuotes.get(pair.symbol());
            answer.put(pair, quote != null ? quote : quotes.get(pair.symbol()));
        }
        return HttpReply.json(KrakenWire.restTicker(answer));
    }

    private HttpReply token(HttpCall call) {
        if (!call.method().equals("POST")) {
            return HttpReply.json(KrakenWire.restErrors(List.of("EGeneral:Invalid arguments")));
        }
        KrakenAuth.Outcome outcome = auth.issueToken(call.header("API-Key").orElse(null),
                call.header("API-Sign").orElse(null), call.path(), call.body());
        return HttpReply.json(outcome.token() != null ? KrakenWire.token(outcome.token())
                : KrakenWire.restErrors(List.of(outcome.error())));
    }
}
