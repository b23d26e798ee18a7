package dev.pricefeed.testkit.runtime;

import dev.pricefeed.Instrument;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.Side;
import dev.pricefeed.testkit.EmulatorConnection;
import dev.pricefeed.testkit.EmulatorHandler;
import dev.pricefeed.testkit.EmulatorServer;
import dev.pricefeed.testkit.ExchangeSimulator;
import dev.pricefeed.testkit.HttpCall;
import dev.pricefeed.testkit.HttpReply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The emulator mode of the test-only exchange: acks, nacks, pongs, heartbeats, REST ticker and instruments. */
final class TestSimulator implements ExchangeSimulator, EmulatorHandler {

    static final List<String> LISTED = List.of("BTC/USD", "ETH/USD", "SOL/USD", "ADA/USD", "XRP/USD", "DOT/USD");

    private final EmulatorServer server;
    private final Map<Instrument, AtomicInteger> tickerSubscriptions = new ConcurrentHashMap<>();
    private final Map<Instrument, String> restTickers = new ConcurrentHashMap<>();
    final Set<String> refusedSymbols = ConcurrentHashMap.newKeySet();
    /** Receive times (nanoTime) of every subscribe message, for the pacing test. */
    final List<Long> subscribeTimes = new CopyOnWriteArrayList<>();
    volatile boolean answerPings = true;
    /** When set, the instrument list is answered only once this opens (or after 10 s). */
    volatile CountDownLatch holdInstrumentList;
    /** Counts down when the instrument list is asked for. */
    final CountDownLatch instrumentListAsked = new CountDownLatch(1);
    volatile boolean sendWelcome;

    private final String exchangeId;

    TestSimulator() {
        this("test");
    }

    /** A simulator for the test exchange under another id ({@link TestExchange.Second}). */
    TestSimulator(String exchangeId) {
        this.exchangeId = exchangeId;
        this.server = EmulatorServer.start(this);
    }

    @Override
    public void onOpen(EmulatorConnection connection) {
        if (sendWelcome) {
            connection.send("{\"type\":\"welcome\"}");
        }
    }

    @Override
    public void onText(EmulatorConnection connection, String text) {
        JsonObject message;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            message = reader.readObject();
        }
        String op = message.getString("op", "");
        if (op.equals("ping")) {
            if (answerPings) {
                connection.send("{\"type\":\"pong\"}");
            }
            return;
        }
        if (!op.equals("subscribe")) {
            return;
        }
        subscribeTimes.add(System.nanoTime());
        String channel = message.getString("channel");
        for (JsonString symbol : message.getJsonArray("symbols").getValuesAs(JsonString.class)) {
            String s = symbol.getString();
            if (refusedSymbols.contains(s)) {
                connection.send("{\"type\":\"nack\",\"channel\":\"" + channel + "\",\"symbol\":\"" + s
                        + "\",\"reason\":\"Currency pair not supported " + s + "\"}");
                continue;
            }
            connection.attributes().put(channel + ":" + s, Boolean.TRUE);
            if (channel.equals("ticker")) {
                tickerSubscriptions.computeIfAbsent(Instrument.of(s), k -> new AtomicInteger()).incrementAndGet();
            }
            connection.send("{\"type\":\"ack\",\"channel\":\"" + channel + "\",\"symbol\":\"" + s + "\"}");
        }
    }

    @Override
    public HttpReply onHttp(HttpCall call) {
        if (call.path().equals("/instruments")) {
            instrumentListAsked.countDown();
            CountDownLatch hold = holdInstrumentList;
            if (hold != null) {
                try {
                    hold.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return HttpReply.json(String.join(",", LISTED));
        }
        if (call.path().equals("/ticker")) {
            StringBuilder body = new StringBuilder();
            for (String symbol : call.queryParams().getOrDefault("symbols", "").split(",")) {
                String line = restTickers.get(Instrument.of(symbol));
                if (line != null) {
                    body.append(line).append('\n');
                }
            }
            return HttpReply.json(body.toString());
        }
        return HttpReply.notFound();
    }

    @Override
    public String exchangeId() {
        return exchangeId;
    }

    @Override
    public EmulatorServer server() {
        return server;
    }

    @Override
    public PriceFeed.Builder pointAt(PriceFeed.Builder builder) {
        return builder.endpoint(server.wsUri("/ws")).restEndpoint(server.httpUri("/"));
    }

    @Override
    public List<String> instruments() {
        return LISTED;
    }

    /** Sends a raw frame to every connection subscribed to the instrument's ticker. */
    void sendToTickerSubscribers(Instrument instrument, String frame) {
        for (EmulatorConnection connection : server.connections()) {
            if (connection.attributes().containsKey("ticker:" + instrument)) {
                connection.send(frame);
            }
        }
    }

    @Override
    public void publishTicker(Instrument instrument, String last, String bid, String ask) {
        sendToTickerSubscribers(instrument, "{\"type\":\"tick\",\"symbol\":\"" + instrument + "\",\"last\":\"" + last
                + "\",\"bid\":\"" + bid + "\",\"ask\":\"" + ask + "\"}");
    }

    @Override
    public void publishTrade(Instrument instrument, String price, String size, Side side, String tradeId) {
        for (EmulatorConnection connection : server.connections()) {
            if (connection.attributes().containsKey("trades:" + instrument)) {
                connection.send("{\"type\":\"trade\",\"symbol\":\"" + instrument + "\",\"price\":\"" + price
                        + "\",\"size\":\"" + size + "\",\"side\":\"" + side.wireName() + "\",\"id\":\"" + tradeId
                        + "\"}");
            }
        }
    }

    @Override
    public void setRestTicker(Instrument instrument, String last, String bid, String ask) {
        restTickers.put(instrument, "{\"symbol\":\"" + instrument + "\",\"last\":\"" + last + "\",\"bid\":\"" + bid
                + "\",\"ask\":\"" + ask + "\"}");
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
}
