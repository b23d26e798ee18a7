package dev.pricefeed.testkit.kucoin;

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
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * KuCoin Spot on 127.0.0.1: {@code POST /api/v1/bullet-public} issues tokens, the WebSocket checks the token, sends
 * {@code welcome} (its id is the client's {@code connectId}), acknowledges subscriptions by id, answers JSON pings with
 * pongs, and pushes {@code /market/ticker}, {@code /spotMarket/level1}, {@code /market/snapshot} and
 * {@code /market/match} frames shaped like KuCoin's. REST serves {@code orderbook/level1}, {@code allTickers} and
 * {@code /api/v2/symbols} and {@code /api/v1/market/candles} ({@link #candles()}, newest first, 1,500 at most). Faults: expired tokens, unanswered pings, a late welcome, plus the server's own.
 *
 * <p>Like KuCoin, a token expired after its connection opened does not end that connection; a new connection that
 * presents an expired token gets {@code {"type":"error","code":401,"data":"token is expired"}} and is closed.
 */
public final class KuCoinSimulator implements ExchangeSimulator, EmulatorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(KuCoinSimulator.class);

    /** KuCoin's limits: topics per subscribe message and per connection. */
    private static final int TOPICS_PER_MESSAGE = 100;
    private static final int TOPICS_PER_CONNECTION = 400;

    private static final String TICKER = "/market/ticker:";
    private static final String LEVEL1 = "/spotMarket/level1:";
    private static final String SNAPSHOT = "/market/snapshot:";
    private static final String MATCH = "/market/match:";
    private static final List<String> TOPICS = List.of(TICKER, LEVEL1, SNAPSHOT, MATCH);

    private static final String TOPICS_KEY = "kucoin.topics";
    private static final String WELCOMED_KEY = "kucoin.welcomed";
    private static final String SILENT_PINGS_KEY = "kucoin.no-pong";

    /** A REST quote set by a test. */
    private record RestQuote(String last, String bid, String ask) {
    }

    private final EmulatorServer server;
    private final List<String> instruments = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> tokens = new ConcurrentHashMap<>();
    private final List<String> issuedTokens = new CopyOnWriteArrayList<>();
    private final List<String> presentedTokens = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokenCounter = new AtomicInteger();
    private final AtomicInteger expiredToIssue = new AtomicInteger();
    private final AtomicInteger tokensRejected = new AtomicInteger();
    private final AtomicInteger subscribesBeforeWelcome = new AtomicInteger();
    /** The next sequence number per single-symbol topic; every publish takes one, subscribed or not. */
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> subscriptionCounts = new ConcurrentHashMap<>();
    private final List<String> subscribeTopics = new CopyOnWriteArrayList<>();
    private final Map<String, RestQuote> restQuotes = new ConcurrentHashMap<>();
    private final CandleSeries candles = new CandleSeries(CandleSeries.DEFAULT_SEED, Clock.systemUTC());
    /** The latest {@code /market/ticker} frame per topic, sent to each new subscriber of that topic. */
    private final Map<String, String> latestTickers = new ConcurrentHashMap<>();
    /** Single-symbol topics a subscribe is refused for, such as {@code /market/ticker:ETH-USDT}. */
    private final Set<String> refusedTopics = ConcurrentHashMap.newKeySet();
    private volatile Duration pingInterval = Duration.ofMillis(200);
    private volatile Duration pingTimeout = Duration.ofSeconds(1);
    private volatile Duration welcomeDelay = Duration.ZERO;

    private KuCoinSimulator(List<String> listed) {
        instruments.addAll(listed);
        this.server = EmulatorServer.start(this);
    }

    /** Starts a simulator listing {@code BTC/USDT} and {@code ETH/USDT}. */
    public static KuCoinSimulator start() {
        return start(List.of("BTC/USDT", "ETH/USDT"));
    }

    /** Starts a simulator listing the given instruments ({@code BASE/QUOTE}). */
    public static KuCoinSimulator start(List<String> listed) {
        List<String> checked = new ArrayList<>();
        for (String text : listed) {
            checked.add(Instrument.of(text).toString());
        }
        return new KuCoinSimulator(checked);
    }

    // ---------------------------------------------------------------- ExchangeSimulator

    @Override
    public String exchangeId() {
        return "kucoin";
    }

    @Override
    public EmulatorServer server() {
        return server;
    }

    /** Points the REST base at this server; the WebSocket endpoint comes from the bullet answer, as on KuCoin. */
    @Override
    public PriceFeed.Builder pointAt(PriceFeed.Builder builder) {
        return builder.restEndpoint(server.httpUri("/"));
    }

    /** The candles {@code /api/v1/market/candles} serves; set its clock to fix "now". */
    public CandleSeries candles() {
        return candles;
    }

    @Override
    public List<String> instruments() {
        return List.copyOf(instruments);
    }

    /**
     * Sends a {@code /market/ticker} frame and a {@code /spotMarket/level1} frame to their subscribers. The ticker frame
     * is also kept and sent to whoever subscribes the topic later (with its original sequence number, so a feed that
     * saw it already drops it), so a feed started after a publish still gets a price.
     */
    @Override
    public void publishTicker(Instrument instrument, String last, String bid, String ask) {
        String symbol = symbol(instrument);
        long now = System.currentTimeMillis();
        String ticker = "{\"type\":\"message\",\"topic\":\"" + TICKER + symbol + "\",\"subject\":\"trade.ticker\","
                + "\"data\":{\"sequence\":\"" + next(TICKER + symbol) + "\",\"price\":\"" + last
                + "\",\"size\":\"0.01\",\"bestAsk\":\"" + ask + "\",\"bestAskSize\":\"1.5\",\"bestBid\":\"" + bid
                + "\",\"bestBidSize\":\"2.5\",\"time\":" + now + "}}";
        latestTickers.put(TICKER + symbol, ticker);
        sendTo(TICKER + symbol, ticker);
        String level1 = "{\"topic\":\"" + LEVEL1 + symbol + "\",\"type\":\"message\",\"subject\":\"level1\","
                + "\"data\":{\"asks\":[\"" + ask + "\",\"1.5\"],\"bids\":[\"" + bid + "\",\"2.5\"],\"timestamp\":"
                + now + "}}";
        sendTo(LEVEL1 + symbol, level1);
    }

    /** Sends a {@code /market/match} frame; {@code time} is nanoseconds in a string, as on KuCoin. */
    @Override
    public void publishTrade(Instrument instrument, String price, String size, Side side, String tradeId) {
        String symbol = symbol(instrument);
        long nanos = System.currentTimeMillis() * 1_000_000L;
        String frame = "{\"topic\":\"" + MATCH + symbol + "\",\"type\":\"message\",\"subject\":\"trade.l3match\","
                + "\"data\":{\"makerOrderId\":\"m" + tradeId + "\",\"price\":\"" + price + "\",\"sequence\":\""
                + next(MATCH + symbol) + "\",\"side\":\"" + side.wireName() + "\",\"size\":\"" + size
                + "\",\"symbol\":\"" + symbol + "\",\"takerOrderId\":\"t" + tradeId + "\",\"time\":\"" + nanos
                + "\",\"tradeId\":\"" + tradeId + "\",\"type\":\"match\"}}";
        sendTo(MATCH + symbol, frame);
    }

    /**
     * Sends a {@code /market/snapshot} frame (numbers, not strings, as on KuCoin) with 24 h statistics; its
     * {@code lastTradedPrice} and {@code sell} are {@code high}, its {@code buy} is {@code low}, and its
     * {@code datetime} is 2 s ago, since KuCoin pushes snapshots every 2 s.
     */
    public void publishSnapshot(Instrument instrument, String open, String high, String low, String vol,
            String volValue) {
        String symbol = symbol(instrument);
        String frame = "{\"topic\":\"" + SNAPSHOT + symbol + "\",\"type\":\"message\",\"subject\":\"trade.snapshot\","
                + "\"data\":{\"sequence\":\"" + next(SNAPSHOT + symbol) + "\",\"data\":{\"averagePrice\":" + open
                + ",\"baseCurrency\":\"" + instrument.base() + "\",\"buy\":" + low + ",\"datetime\":"
                + (System.currentTimeMillis() - 2000) + ",\"high\":" + high + ",\"lastTradedPrice\":" + high + ",\"low\":"
                + low + ",\"marketChange24h\":{\"high\":1,\"low\":1,\"open\":1,\"vol\":1},\"open\":" + open
                + ",\"quoteCurrency\":\"" + instrument.quote() + "\",\"sell\":" + high + ",\"symbol\":\"" + symbol
                + "\",\"trading\":true,\"vol\":" + vol + ",\"volValue\":" + volValue + "}}}";
        sendTo(SNAPSHOT + symbol, frame);
    }

    /** Sets what {@code orderbook/level1} and {@code allTickers} answer for the instrument. */
    @Override
    public void setRestTicker(Instrument instrument, String last, String bid, String ask) {
        restQuotes.put(symbol(instrument), new RestQuote(last, bid, ask));
    }

    @Override
    public int tickerSubscriptions(Instrument instrument) {
        AtomicInteger count = subscriptionCounts.get(TICKER + symbol(instrument));
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.close();
    }

    // ---------------------------------------------------------------- KuCoin-specific commands and counters

    /** Sets the {@code pingInterval} and {@code pingTimeout} the bullet answer announces (default 200 ms and 1 s). */
    public void pingTimes(Duration interval, Duration timeout) {
        this.pingInterval = requireNonNull(interval, "interval is null");
        this.pingTimeout = requireNonNull(timeout, "timeout is null");
    }

    /** Waits this long after the upgrade before sending {@code welcome} (default: at once). */
    public void welcomeDelay(Duration delay) {
        this.welcomeDelay = requireNonNull(delay, "delay is null");
    }

    /** Every token issued so far expires: open connections keep running, new ones presenting it are refused. */
    public void expireTokens() {
        tokens.replaceAll((token, expired) -> Boolean.TRUE);
    }

    /**
     * Refuses the instrument's ticker and level-1 topics from now on: a subscribe message naming one gets
     * {@code {"id":..,"type":"error","code":404,"data":"topic /market/ticker:ETH-USDT is not found"}} and, like
     * KuCoin, subscribes none of its symbols.
     */
    public void refuseTicker(Instrument instrument) {
        refusedTopics.add(TICKER + symbol(instrument));
        refusedTopics.add(LEVEL1 + symbol(instrument));
    }

    /** The next {@code count} bullet answers hand out tokens that are already expired. */
    public void issueExpiredTokens(int count) {
        expiredToIssue.addAndGet(count);
    }

    /** The connections open now stop answering JSON pings but stay open (new connections answer normally). */
    public void stopPongs() {
        for (EmulatorConnection connection : server.connections()) {
            connection.attributes().put(SILENT_PINGS_KEY, Boolean.TRUE);
        }
    }

    /** How many {@code bullet-public} calls were answered. */
    public int bulletCalls() {
        return issuedTokens.size();
    }

    /** The tokens handed out, in order. */
    public List<String> issuedTokens() {
        return List.copyOf(issuedTokens);
    }

    /** The tokens WebSocket connections presented, in order. */
    public List<String> presentedTokens() {
        return List.copyOf(presentedTokens);
    }

    /** How many connections were refused for an expired or unknown token. */
    public int tokensRejected() {
        return tokensRejected.get();
    }

    /** How many subscribe messages arrived before their connection's welcome was sent. */
    public int subscribesBeforeWelcome() {
        return subscribesBeforeWelcome.get();
    }

    /** The {@code topic} of every subscribe message received, in order. */
    public List<String> subscribeTopics() {
        return List.copyOf(subscribeTopics);
    }

    @Override
    public int liveSubscriptions() {
        return server.connections().stream().mapToInt(connection -> topics(connection).size()).sum();
    }

    /** The single-symbol topics a connection subscribed, such as {@code /market/ticker:BTC-USDT}. */
    public Set<String> topicsOf(EmulatorConnection connection) {
        return Set.copyOf(topics(connection));
    }

    // ---------------------------------------------------------------- EmulatorHandler

    @Override
    public void onOpen(EmulatorConnection connection) {
        Map<String, String> query = connection.queryParams();
        String token = query.get("token");
        String connectId = query.getOrDefault("connectId", "");
        if (token != null) {
            presentedTokens.add(token);
        }
        Boolean expired = token == null ? null : tokens.get(token);
        if (expired == null || expired) {
            tokensRejected.incrementAndGet();
            String text = expired == null ? "token is invalid" : "token is expired";
            LOG.debug("kucoin simulator: connection {} refused: {}", connection.id(), text);
            connection.send("{\"id\":\"" + json(connectId) + "\",\"type\":\"error\",\"code\":401,\"data\":\""
                    + text + "\"}");
            connection.close(1008, text);
            return;
        }
        connection.attributes().put(TOPICS_KEY, ConcurrentHashMap.newKeySet());
        String welcome = "{\"id\":\"" + json(connectId) + "\",\"type\":\"welcome\"}";
        Duration delay = welcomeDelay;
        if (delay.isZero()) {
            welcome(connection, welcome);
        } else {
            connection.after(delay, () -> welcome(connection, welcome));
        }
    }

    private static void welcome(EmulatorConnection connection, String welcome) {
        connection.attributes().put(WELCOMED_KEY, Boolean.TRUE);
        connection.send(welcome);
    }

    @Override
    public void onText(EmulatorConnection connection, String text) {
        JsonObject message;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            message = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            LOG.debug("kucoin simulator: connection {} sent something that is not a JSON object: {}",
                    connection.id(), text);
            connection.send("{\"id\":\"\",\"type\":\"error\",\"code\":400,\"data\":\"invalid message\"}");
            return;
        }
        String id = string(message, "id");
        String type = string(message, "type");
        if ("ping".equals(type)) {
            if (!Boolean.TRUE.equals(connection.attributes().get(SILENT_PINGS_KEY))) {
                connection.send("{\"id\":\"" + json(id) + "\",\"type\":\"pong\"}");
            }
        } else if ("subscribe".equals(type)) {
            subscribe(connection, message, id);
        } else if ("unsubscribe".equals(type)) {
            unsubscribe(connection, message, id);
        } else {
            connection.send("{\"id\":\"" + json(id) + "\",\"type\":\"error\",\"code\":415,"
                    + "\"data\":\"type is not supported\"}");
        }
    }

    private void subscribe(EmulatorConnection connection, JsonObject message, String id) {
        if (!Boolean.TRUE.equals(connection.attributes().get(WELCOMED_KEY))) {
            subscribesBeforeWelcome.incrementAndGet();
        }
        String topic = string(message, "topic");
        subscribeTopics.add(String.valueOf(topic));
        List<String> single = split(topic);
        if (single == null) {
            error(connection, id, 404, "topic " + topic + " is not found");
            return;
        }
        for (String t : single) {
            if (refusedTopics.contains(t)) {
                error(connection, id, 404, "topic " + t + " is not found");
                return;
            }
        }
        if (single.size() > TOPICS_PER_MESSAGE) {
            error(connection, id, 509, "exceed max subscription count limitation of " + TOPICS_PER_MESSAGE
                    + " per time");
            return;
        }
        Set<String> subscribed = topics(connection);
        if (subscribed.size() + single.size() > TOPICS_PER_CONNECTION) {
            error(connection, id, 509, "exceed max topic count limitation of " + TOPICS_PER_CONNECTION
                    + " per connection");
            return;
        }
        List<String> added = new ArrayList<>();
        for (String t : single) {
            if (subscribed.add(t)) {
                added.add(t);
            }
        }
        if (message.getBoolean("response", false)) {
            connection.send("{\"id\":\"" + json(id) + "\",\"type\":\"ack\"}");
        }
        for (String t : added) {
            String latest = latestTickers.get(t);
            if (latest != null) {
                connection.send(latest);
            }
            // counted last, so a test that waits for the count publishes after the ack and the replay
            subscriptionCounts.computeIfAbsent(t, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    private void unsubscribe(EmulatorConnection connection, JsonObject message, String id) {
        List<String> single = split(string(message, "topic"));
        if (single == null) {
            error(connection, id, 404, "topic is not found");
            return;
        }
        topics(connection).removeAll(single);
        if (message.getBoolean("response", false)) {
            connection.send("{\"id\":\"" + json(id) + "\",\"type\":\"ack\"}");
        }
    }

    private static void error(EmulatorConnection connection, String id, int code, String text) {
        connection.send("{\"id\":\"" + json(id) + "\",\"type\":\"error\",\"code\":" + code + ",\"data\":\""
                + json(text) + "\"}");
    }

    @Override
    public HttpReply onHttp(HttpCall call) {
        String path = call.path();
        if (path.equals("/api/v1/bullet-public")) {
            return "POST".equals(call.method()) ? bullet()
                    : HttpReply.status(405, "{\"code\":\"405000\",\"msg\":\"Method Not Allowed\"}");
        }
        if (path.equals("/api/v1/market/orderbook/level1")) {
            return level1(call.queryParams().get("symbol"));
        }
        if (path.equals("/api/v1/market/allTickers")) {
            return allTickers();
        }
        if (path.equals("/api/v2/symbols")) {
            return symbols();
        }
        if (path.equals("/api/v1/market/candles")) {
            return KuCoinCandles.answer(call, this::listedInstrument, candles);
        }
        return HttpReply.status(404, "{\"code\":\"404000\",\"msg\":\"Not Found\"}");
    }

    private HttpReply bullet() {
        String token = "sim-token-" + tokenCounter.incrementAndGet() + "-x3Y/+=";
        boolean expired = expiredToIssue.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        tokens.put(token, expired);
        issuedTokens.add(token);
        return HttpReply.json("{\"code\":\"200000\",\"data\":{\"token\":\"" + json(token)
                + "\",\"instanceServers\":[{\"endpoint\":\"" + server.wsUri("/") + "\",\"encrypt\":true,"
                + "\"protocol\":\"websocket\",\"pingInterval\":" + pingInterval.toMillis() + ",\"pingTimeout\":"
                + pingTimeout.toMillis() + "}]}}");
    }

    private HttpReply level1(String symbol) {
        RestQuote quote = symbol == null ? null : restQuotes.get(symbol);
        if (quote == null) {
            return HttpReply.json("{\"code\":\"200000\",\"data\":null}");
        }
        return HttpReply.json("{\"code\":\"200000\",\"data\":{\"time\":" + System.currentTimeMillis()
                + ",\"sequence\":\"" + next(TICKER + symbol) + "\",\"price\":\"" + quote.last()
                + "\",\"size\":\"0.01\",\"bestBid\":\"" + quote.bid() + "\",\"bestBidSize\":\"2.5\",\"bestAsk\":\""
                + quote.ask() + "\",\"bestAskSize\":\"1.5\"}}");
    }

    private HttpReply allTickers() {
        StringBuilder body = new StringBuilder("{\"code\":\"200000\",\"data\":{\"time\":")
                .append(System.currentTimeMillis()).append(",\"ticker\":[");
        boolean first = true;
        for (Map.Entry<String, RestQuote> entry : restQuotes.entrySet()) {
            RestQuote quote = entry.getValue();
            body.append(first ? "" : ",").append("{\"symbol\":\"").append(entry.getKey())
                    .append("\",\"symbolName\":\"").append(entry.getKey())
                    .append("\",\"buy\":\"").append(quote.bid()).append("\",\"bestBidSize\":\"2.5\",\"sell\":\"")
                    .append(quote.ask()).append("\",\"bestAskSize\":\"1.5\",\"changeRate\":\"0.01\",\"high\":\"")
                    .append(quote.ask()).append("\",\"low\":\"").append(quote.bid())
                    .append("\",\"vol\":\"10\",\"volValue\":\"1000\",\"last\":\"").append(quote.last())
                    .append("\",\"averagePrice\":\"").append(quote.last()).append("\"}");
            first = false;
        }
        return HttpReply.json(body.append("]}}").toString());
    }

    /** The listed instrument ({@code BTC/USDT}) of a KuCoin symbol ({@code BTC-USDT}), or null. */
    private String listedInstrument(String symbol) {
        for (String text : instruments) {
            if (symbol(Instrument.of(text)).equals(symbol)) {
                return Instrument.of(text).toString();
            }
        }
        return null;
    }

    private HttpReply symbols() {
        StringBuilder body = new StringBuilder("{\"code\":\"200000\",\"data\":[");
        for (int i = 0; i < instruments.size(); i++) {
            Instrument instrument = Instrument.of(instruments.get(i));
            body.append(i == 0 ? "" : ",").append("{\"symbol\":\"").append(symbol(instrument))
                    .append("\",\"name\":\"").append(symbol(instrument))
                    .append("\",\"baseCurrency\":\"").append(instrument.base())
                    .append("\",\"quoteCurrency\":\"").append(instrument.quote())
                    .append("\",\"enableTrading\":true}");
        }
        return HttpReply.json(body.append("]}").toString());
    }

    // ---------------------------------------------------------------- helpers

    private void sendTo(String topic, String frame) {
        for (EmulatorConnection connection : server.connections()) {
            if (topics(connection).contains(topic)) {
                connection.send(frame);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> topics(EmulatorConnection connection) {
        Object topics = connection.attributes().get(TOPICS_KEY);
        return topics == null ? Set.of() : (Set<String>) topics;
    }

    /** {@code /market/ticker:A-B,C-D} as single-symbol topics, or {@code null} for a topic KuCoin does not have. */
    private static List<String> split(String topic) {
        if (topic == null) {
            return null;
        }
        for (String prefix : TOPICS) {
            if (topic.startsWith(prefix) && topic.length() > prefix.length()) {
                return Arrays.stream(topic.substring(prefix.length()).split(",")).map(s -> prefix + s).toList();
            }
        }
        return null;
    }

    private long next(String topic) {
        return sequences.computeIfAbsent(topic, k -> new AtomicLong(1_000_000)).incrementAndGet();
    }

    private static String symbol(Instrument instrument) {
        return instrument.base() + "-" + instrument.quote();
    }

    private static String string(JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value instanceof JsonString s) {
            return s.getString();
        }
        return value == null || value == JsonValue.NULL ? null : value.toString();
    }

    /** Escapes text for a JSON string literal. */
    private static String json(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public String toString() {
        return "KuCoinSimulator[" + server + "]";
    }
}
