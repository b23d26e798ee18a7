package com.example.pricefeed.bitstamp;

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
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bitstamp's emulator mode: answers {@code bts:subscribe} and {@code bts:heartbeat} like Bitstamp's WebSocket API v2,
 * pushes {@code trade} and order-book {@code data} frames to subscribers, and serves the REST ticker and pair list.
 */
public final class BitstampSimulator implements ExchangeSimulator, EmulatorHandler {

    /** The pairs it lists by default. */
    public static final List<String> DEFAULT_INSTRUMENTS = List.of("BTC/USD", "ETH/USD", "ETH/BTC");

    private final List<String> instruments;
    private final Map<EmulatorConnection, Set<String>> channels = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> subscribes = new ConcurrentHashMap<>();
    private final Map<String, String[]> restQuotes = new ConcurrentHashMap<>();
    private final EmulatorServer server;

    private BitstampSimulator(List<String> instruments) {
        this.instruments = List.copyOf(instruments);
        this.server = EmulatorServer.start(this);
    }

    /** Starts a simulator listing {@link #DEFAULT_INSTRUMENTS} on 127.0.0.1 and an ephemeral port. */
    public static BitstampSimulator start() {
        return new BitstampSimulator(DEFAULT_INSTRUMENTS);
    }

    @Override
    public String exchangeId() {
        return BitstampProvider.ID;
    }

    @Override
    public EmulatorServer server() {
        return server;
    }

    @Override
    public PriceFeed.Builder pointAt(PriceFeed.Builder builder) {
        return builder.endpoint(server.wsUri("/")).restEndpoint(server.httpUri("/"));
    }

    @Override
    public List<String> instruments() {
        return instruments;
    }

    /** Sends the top of the book (bid and ask) and a trade at the last price, as Bitstamp's two channels would. */
    @Override
    public void publishTicker(Instrument instrument, String last, String bid, String ask) {
        String pair = pair(instrument);
        long micros = System.currentTimeMillis() * 1000;
        String book = "{\"data\":{\"timestamp\":\"" + micros / 1_000_000 + "\",\"microtimestamp\":\"" + micros
                + "\",\"bids\":[[\"" + bid + "\",\"0.50000000\"],[\"" + new BigDecimal(bid).subtract(BigDecimal.ONE)
                + "\",\"1.25000000\"]],\"asks\":[[\"" + ask + "\",\"0.40000000\"],[\""
                + new BigDecimal(ask).add(BigDecimal.ONE) + "\",\"2.00000000\"]]},\"channel\":\"order_book_" + pair
                + "\",\"event\":\"data\"}";
        send("order_book_" + pair, book);
        send("live_trades_" + pair, trade(pair, last, "0.01000000", Side.BUY, Long.toString(micros), micros));
    }

    @Override
    public void publishTrade(Instrument instrument, String price, String size, Side side, String tradeId) {
        String pair = pair(instrument);
        send("live_trades_" + pair, trade(pair, price, size, side, tradeId, System.currentTimeMillis() * 1000));
    }

    @Override
    public void setRestTicker(Instrument instrument, String last, String bid, String ask) {
        restQuotes.put(pair(instrument), new String[] {last, bid, ask});
    }

    /** Counts subscriptions of the order book channel, which the connector opens for the ticker. */
    @Override
    public int tickerSubscriptions(Instrument instrument) {
        AtomicInteger count = subscribes.get("order_book_" + pair(instrument));
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public void onText(EmulatorConnection connection, String text) {
        JsonObject request;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            request = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            connection.send(error("", "Incorrect JSON format."));
            return;
        }
        String event = request.getString("event", "");
        JsonObject data = request.getJsonObject("data");
        String channel = data == null ? "" : data.getString("channel", "");
        switch (event) {
            case "bts:heartbeat" -> connection.send(
                    "{\"event\":\"bts:heartbeat\",\"channel\":\"\",\"data\":{\"status\":\"success\"}}");
            case "bts:subscribe" -> subscribe(connection, channel);
            case "bts:unsubscribe" -> {
                Set<String> subscribed = channels.get(connection);
                if (subscribed != null) {
                    subscribed.remove(channel);
                }
                connection.send("{\"event\":\"bts:unsubscription_succeeded\",\"channel\":\"" + channel
                        + "\",\"data\":{}}");
            }
            default -> connection.send(error("", "Bad event."));
        }
    }

    @Override
    public void onClose(EmulatorConnection connection) {
        channels.remove(connection);
    }

    @Override
    public HttpReply onHttp(HttpCall call) {
        String path = call.path();
        if (path.equals("/api/v2/trading-pairs-info/")) {
            StringBuilder body = new StringBuilder("[");
            for (String instrument : instruments) {
                if (body.length() > 1) {
                    body.append(',');
                }
                body.append("{\"name\":\"").append(instrument).append("\",\"url_symbol\":\"")
                        .append(pair(Instrument.of(instrument))).append("\",\"trading\":\"Enabled\"}");
            }
            return HttpReply.json(body.append(']').toString());
        }
        if (path.startsWith("/api/v2/ticker/") && path.endsWith("/")) {
            String pair = path.substring("/api/v2/ticker/".length(), path.length() - 1);
            // every listed pair has a ticker; one not set yet shows a placeholder price
            String[] quote = restQuotes.getOrDefault(pair, listed(pair) ? new String[] {"100.00", "99.99", "100.01"}
                    : null);
            if (quote != null) {
                return HttpReply.json("{\"timestamp\":\"" + System.currentTimeMillis() / 1000 + "\",\"open\":\""
                        + quote[0] + "\",\"high\":\"" + quote[2] + "\",\"low\":\"" + quote[1] + "\",\"last\":\""
                        + quote[0] + "\",\"volume\":\"12.50000000\",\"vwap\":\"" + quote[0] + "\",\"bid\":\""
                        + quote[1] + "\",\"ask\":\"" + quote[2] + "\",\"side\":\"0\"}");
            }
        }
        return HttpReply.status(404, "{\"errors\":[{\"message\":\"Not found\"}]}");
    }

    private boolean listed(String pair) {
        return instruments.stream().map(Instrument::of).map(BitstampSimulator::pair).anyMatch(pair::equals);
    }

    private void subscribe(EmulatorConnection connection, String channel) {
        String pair = channel.startsWith("live_trades_") ? channel.substring("live_trades_".length())
                : channel.startsWith("order_book_") ? channel.substring("order_book_".length()) : "";
        if (!listed(pair)) {
            connection.send(error(channel, "Bad subscription string."));
            return;
        }
        channels.computeIfAbsent(connection, c -> ConcurrentHashMap.newKeySet()).add(channel);
        subscribes.computeIfAbsent(channel, c -> new AtomicInteger()).incrementAndGet();
        connection.send("{\"event\":\"bts:subscription_succeeded\",\"channel\":\"" + channel + "\",\"data\":{}}");
    }

    private void send(String channel, String frame) {
        channels.forEach((connection, subscribed) -> {
            if (subscribed.contains(channel)) {
                connection.send(frame);
            }
        });
    }

    private static String trade(String pair, String price, String size, Side side, String id, long micros) {
        return "{\"data\":{\"id\":" + id + ",\"timestamp\":\"" + micros / 1_000_000 + "\",\"amount\":" + size
                + ",\"amount_str\":\"" + size + "\",\"price\":" + price + ",\"price_str\":\"" + price
                + "\",\"type\":" + (side == Side.BUY ? 0 : 1) + ",\"microtimestamp\":\"" + micros
                + "\",\"buy_order_id\":1,\"sell_order_id\":2},\"channel\":\"live_trades_" + pair
                + "\",\"event\":\"trade\"}";
    }

    private static String error(String channel, String message) {
        return "{\"event\":\"bts:error\",\"channel\":\"" + channel + "\",\"data\":{\"code\":null,\"message\":\""
                + message + "\"}}";
    }

    private static String pair(Instrument instrument) {
        return (instrument.base() + instrument.quote()).toLowerCase(Locale.ROOT);
    }
}
