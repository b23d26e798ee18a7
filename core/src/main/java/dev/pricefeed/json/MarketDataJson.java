package dev.pricefeed.json;

import dev.pricefeed.FeedEvent;
import dev.pricefeed.Instrument;
import dev.pricefeed.Side;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The JSON Lines objects of ticks, trades and feed events: what the command line prints and what the Kafka topics
 * carry. Decimals are JSON strings in plain notation (the exact value received), times ISO-8601 UTC, {@code sequence}
 * a string, and fields the exchange did not send are left out. Ticks and trades read back into equal values.
 */
public final class MarketDataJson {

    /** The version of this schema; carried by Kafka records as a header so readers can tell old from new. */
    public static final int SCHEMA_VERSION = 1;

    private MarketDataJson() {
    }

    /** The merged current view of one instrument, as one JSON object on one line. */
    public static String tick(Tick tick) {
        return new JsonObjectWriter()
                .string("type", "tick")
                .string("exchange", tick.exchange())
                .text("instrument", tick.instrument())
                .decimal("last", tick.last())
                .decimal("lastSize", tick.lastSize())
                .decimal("bid", tick.bid())
                .decimal("bidSize", tick.bidSize())
                .decimal("ask", tick.ask())
                .decimal("askSize", tick.askSize())
                .decimal("open", tick.open())
                .decimal("high", tick.high())
                .decimal("low", tick.low())
                .decimal("volume", tick.volume())
                .decimal("quoteVolume", tick.quoteVolume())
                .decimal("vwap", tick.vwap())
                .text("exchangeTime", tick.exchangeTime())
                .text("receivedAt", tick.receivedAt())
                .text("sequence", tick.sequence())
                .end();
    }

    /** One public trade, as one JSON object on one line. */
    public static String trade(Trade trade) {
        return new JsonObjectWriter()
                .string("type", "trade")
                .string("exchange", trade.exchange())
                .text("instrument", trade.instrument())
                .decimal("price", trade.price())
                .decimal("size", trade.size())
                .string("side", trade.side() == null ? null : trade.side().wireName())
                .string("tradeId", trade.tradeId())
                .text("exchangeTime", trade.exchangeTime())
                .text("receivedAt", trade.receivedAt())
                .end();
    }

    /** A state change, error, gap, staleness or handover event, as one JSON object on one line. */
    public static String event(FeedEvent event) {
        JsonObjectWriter json = new JsonObjectWriter();
        if (event instanceof FeedEvent.StateChanged e) {
            json.string("type", "state").string("exchange", e.exchange()).text("at", e.at())
                    .text("from", e.from()).text("to", e.to()).string("reason", e.reason());
        } else if (event instanceof FeedEvent.Error e) {
            json.string("type", "error").string("exchange", e.exchange()).text("at", e.at())
                    .string("code", e.code()).string("message", e.message());
        } else if (event instanceof FeedEvent.SubscriptionFailed e) {
            json.string("type", "error").string("exchange", e.exchange()).text("at", e.at())
                    .string("code", "subscription-failed")
                    .string("channel", e.channel() == null ? null : e.channel().name().toLowerCase(Locale.ROOT))
                    .text("instrument", e.instrument()).string("message", e.reason());
        } else if (event instanceof FeedEvent.SequenceGap e) {
            json.string("type", "gap").string("exchange", e.exchange()).text("at", e.at())
                    .text("instrument", e.instrument()).string("stream", e.stream())
                    .number("firstMissing", e.firstMissing()).number("lastMissing", e.lastMissing())
                    .number("missed", e.missed());
        } else if (event instanceof FeedEvent.Stale e) {
            json.string("type", "stale").string("exchange", e.exchange()).text("at", e.at())
                    .text("instrument", e.instrument()).text("silentFor", e.silentFor());
        } else if (event instanceof FeedEvent.Fresh e) {
            json.string("type", "fresh").string("exchange", e.exchange()).text("at", e.at())
                    .text("instrument", e.instrument());
        } else if (event instanceof FeedEvent.Handover e) {
            json.string("type", "handover").string("exchange", e.exchange()).text("at", e.at())
                    .string("reason", e.reason());
        } else {
            json.string("type", "event").string("exchange", event.exchange()).text("at", event.at())
                    .string("detail", event.toString());
        }
        return json.end();
    }

    /**
     * Reads a tick object written by {@link #tick(Tick)}.
     *
     * @throws IllegalArgumentException when the text is not such an object, naming what is wrong
     */
    public static Tick readTick(String line) {
        JsonObject json = object(line, "tick");
        return Tick.builder(required(json, "exchange"), instrument(json))
                .last(decimal(json, "last"))
                .lastSize(decimal(json, "lastSize"))
                .bid(decimal(json, "bid"))
                .bidSize(decimal(json, "bidSize"))
                .ask(decimal(json, "ask"))
                .askSize(decimal(json, "askSize"))
                .open(decimal(json, "open"))
                .high(decimal(json, "high"))
                .low(decimal(json, "low"))
                .volume(decimal(json, "volume"))
                .quoteVolume(decimal(json, "quoteVolume"))
                .vwap(decimal(json, "vwap"))
                .exchangeTime(time(json, "exchangeTime"))
                .receivedAt(requiredTime(json, "receivedAt"))
                .sequence(sequence(json))
                .build();
    }

    /**
     * Reads a trade object written by {@link #trade(Trade)}.
     *
     * @throws IllegalArgumentException when the text is not such an object, naming what is wrong
     */
    public static Trade readTrade(String line) {
        JsonObject json = object(line, "trade");
        BigDecimal price = decimal(json, "price");
        BigDecimal size = decimal(json, "size");
        if (price == null || size == null) {
            throw new IllegalArgumentException("trade object without " + (price == null ? "price" : "size"));
        }
        String side = optional(json, "side");
        return new Trade(required(json, "exchange"), instrument(json), price, size, side(side),
                optional(json, "tradeId"), time(json, "exchangeTime"), requiredTime(json, "receivedAt"));
    }

    private static JsonObject object(String line, String type) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
        }
        String actual = optional(json, "type");
        if (!type.equals(actual)) {
            throw new IllegalArgumentException("expected a " + type + " object, got type " + actual);
        }
        return json;
    }

    private static String optional(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw new IllegalArgumentException(name + " is not a JSON string: " + value);
    }

    private static String required(JsonObject json, String name) {
        String value = optional(json, name);
        if (value == null) {
            throw new IllegalArgumentException("object without " + name);
        }
        return value;
    }

    private static Instrument instrument(JsonObject json) {
        return Instrument.of(required(json, "instrument"));
    }

    private static BigDecimal decimal(JsonObject json, String name) {
        String text = optional(json, name);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a decimal: " + text, e);
        }
    }

    private static Instant time(JsonObject json, String name) {
        String text = optional(json, name);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is not an ISO-8601 time: " + text, e);
        }
    }

    private static Instant requiredTime(JsonObject json, String name) {
        Instant time = time(json, name);
        if (time == null) {
            throw new IllegalArgumentException("object without " + name);
        }
        return time;
    }

    private static Long sequence(JsonObject json) {
        String text = optional(json, "sequence");
        if (text == null) {
            return null;
        }
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sequence is not a whole number: " + text, e);
        }
    }

    private static Side side(String text) {
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "buy" -> Side.BUY;
            case "sell" -> Side.SELL;
            default -> throw new IllegalArgumentException("side is neither buy nor sell: " + text);
        };
    }
}
