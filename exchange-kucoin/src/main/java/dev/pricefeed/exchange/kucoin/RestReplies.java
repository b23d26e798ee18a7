package dev.pricefeed.exchange.kucoin;

import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import dev.pricefeed.spi.SymbolMapper;
import dev.pricefeed.spi.support.FrameReader;
import dev.pricefeed.spi.support.JsonFrames;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads KuCoin REST answers ({@code {"code":"200000","data":...}}) with the streaming parser. A {@code code} other than
 * {@code 200000} is an {@link IOException} with KuCoin's code and {@code msg}.
 */
final class RestReplies {

    private static final String SUCCESS = "200000";

    private RestReplies() {
    }

    /** The token and first instance server of a {@code bullet-public} answer. */
    static Bullet bullet(String body) throws IOException {
        Bullet bullet = envelope(body, "bullet-public",
                (parser, value) -> value == Event.START_OBJECT ? bulletData(parser) : skipped(parser, value));
        if (bullet == null) {
            throw new IOException("KuCoin bullet-public answer has no token or no instance server");
        }
        return bullet;
    }

    private static Bullet bulletData(JsonParser parser) throws IOException {
        String token = null;
        String endpoint = null;
        Long pingInterval = null;
        Long pingTimeout = null;
        Event event;
        while ((event = parser.next()) != Event.END_OBJECT) {
            String key = parser.getString();
            Event value = parser.next();
            if (key.equals("token")) {
                token = JsonFrames.text(parser, value);
            } else if (key.equals("instanceServers") && value == Event.START_ARRAY) {
                Event server;
                while ((server = parser.next()) != Event.END_ARRAY) {
                    if (server != Event.START_OBJECT) {
                        JsonFrames.skip(parser, server);
                        continue;
                    }
                    // the first server is used; KuCoin lists one today
                    ServerFields fields = ServerFields.read(parser);
                    if (endpoint == null) {
                        endpoint = fields.endpoint;
                        pingInterval = DataFields.whole(fields.pingInterval);
                        pingTimeout = DataFields.whole(fields.pingTimeout);
                    }
                }
            } else {
                JsonFrames.skip(parser, value);
            }
        }
        if (token == null || token.isEmpty() || endpoint == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            throw new IOException("KuCoin bullet-public endpoint is not a URI: " + endpoint, e);
        }
        // KuCoin documents 18 s and 10 s; fall back to them if the answer leaves them out
        return new Bullet(token, uri,
                Duration.ofMillis(pingInterval == null || pingInterval == 0 ? 18_000 : pingInterval),
                Duration.ofMillis(pingTimeout == null || pingTimeout == 0 ? 10_000 : pingTimeout));
    }

    /** The scalar fields of one {@code instanceServers} entry. */
    private static final class ServerFields {
        String endpoint;
        String pingInterval;
        String pingTimeout;

        static ServerFields read(JsonParser parser) {
            ServerFields fields = new ServerFields();
            Event event;
            while ((event = parser.next()) != Event.END_OBJECT) {
                String key = parser.getString();
                Event value = parser.next();
                if (value == Event.START_OBJECT || value == Event.START_ARRAY) {
                    JsonFrames.skip(parser, value);
                    continue;
                }
                switch (key) {
                    case "endpoint" -> fields.endpoint = JsonFrames.text(parser, value);
                    case "pingInterval" -> fields.pingInterval = JsonFrames.text(parser, value);
                    case "pingTimeout" -> fields.pingTimeout = JsonFrames.text(parser, value);
                    default -> {
                        // encrypt, protocol: nothing to use
                    }
                }
            }
            return fields;
        }
    }

    /** The tick of an {@code orderbook/level1} answer, or {@code null} when KuCoin has no data for the symbol. */
    static Tick level1(String body, Instrument instrument, Instant receivedAt) throws IOException {
        DataFields data = envelope(body, "orderbook/level1",
                (parser, value) -> value == Event.START_OBJECT ? DataFields.read(FrameReader.over(parser)) : skipped(parser, value));
        if (data == null) {
            return null;
        }
        Long millis = DataFields.whole(data.time);
        return Tick.builder(KuCoinProvider.ID, instrument)
                .last(data.price())
                .lastSize(data.size())
                .bid(data.bestBid())
                .bidSize(data.bestBidSize())
                .ask(data.bestAsk())
                .askSize(data.bestAskSize())
                .exchangeTime(millis == null ? null : Instant.ofEpochMilli(millis))
                .sequence(DataFields.whole(data.sequence))
                .receivedAt(receivedAt)
                .build();
    }

    /** The ticks of an {@code allTickers} answer for the wanted symbols (native symbol to instrument). */
    static List<Tick> allTickers(String body, Map<String, Instrument> wanted, Instant receivedAt)
            throws IOException {
        List<Tick> ticks = new ArrayList<>();
        envelope(body, "allTickers", (parser, value) -> {
            if (value == Event.START_OBJECT) {
                allTickersData(parser, wanted, receivedAt, ticks);
            } else {
                JsonFrames.skip(parser, value);
            }
            return null;
        });
        return ticks;
    }

    private static void allTickersData(JsonParser parser, Map<String, Instrument> wanted, Instant receivedAt,
            List<Tick> ticks) {
        Long millis = null;
        List<TickerEntry> entries = new ArrayList<>();
        Event event;
        while ((event = parser.next()) != Event.END_OBJECT) {
            String key = parser.getString();
            Event value = parser.next();
            if (key.equals("time") && value == Event.VALUE_NUMBER) {
                millis = DataFields.whole(parser.getString());
            } else if (key.equals("ticker") && value == Event.START_ARRAY) {
                Event item;
                while ((item = parser.next()) != Event.END_ARRAY) {
                    if (item != Event.START_OBJECT) {
                        JsonFrames.skip(parser, item);
                        continue;
                    }
                    TickerEntry entry = TickerEntry.read(parser);
                    Instrument instrument = wanted.get(entry.symbol);
                    if (instrument == null && entry.symbolName != null) {
                        // a renamed symbol is listed under its old name in "symbol" and its new one in "symbolName"
                        instrument = wanted.get(entry.symbolName);
                    }
                    if (instrument != null) {
                        entry.instrument = instrument;
                        entries.add(entry);
                    }
                }
            } else {
                JsonFrames.skip(parser, value);
            }
        }
        Instant exchangeTime = millis == null ? null : Instant.ofEpochMilli(millis);
        for (TickerEntry entry : entries) {
            ticks.add(Tick.builder(KuCoinProvider.ID, entry.instrument)
                    .last(DataFields.decimal(entry.last))
                    .bid(DataFields.decimal(entry.buy))
                    .bidSize(DataFields.decimal(entry.bestBidSize))
                    .ask(DataFields.decimal(entry.sell))
                    .askSize(DataFields.decimal(entry.bestAskSize))
                    .high(DataFields.decimal(entry.high))
                    .low(DataFields.decimal(entry.low))
                    .volume(DataFields.decimal(entry.vol))
                    .quoteVolume(DataFields.decimal(entry.volValue))
                    .vwap(DataFields.decimal(entry.averagePrice))
                    .exchangeTime(exchangeTime)
                    .receivedAt(receivedAt)
                    .build());
        }
    }

    /** One entry of {@code allTickers}, as wire text. */
    private static final class TickerEntry {
        String symbol;
        String symbolName;
        String buy;
        String bestBidSize;
        String sell;
        String bestAskSize;
        String last;
        String high;
        String low;
        String vol;
        String volValue;
        String averagePrice;
        Instrument instrument;

        static TickerEntry read(JsonParser parser) {
            TickerEntry entry = new TickerEntry();
            Event event;
            while ((event = parser.next()) != Event.END_OBJECT) {
                String key = parser.getString();
                Event value = parser.next();
                if (value == Event.START_OBJECT || value == Event.START_ARRAY) {
                    JsonFrames.skip(parser, value);
                    continue;
                }
                String text = JsonFrames.text(parser, value);
                switch (key) {
                    case "symbol" -> entry.symbol = text;
                    case "symbolName" -> entry.symbolName = text;
                    case "buy" -> entry.buy = text;
                    case "bestBidSize" -> entry.bestBidSize = text;
                    case "sell" -> entry.sell = text;
                    case "bestAskSize" -> entry.bestAskSize = text;
                    case "last" -> entry.last = text;
                    case "high" -> entry.high = text;
                    case "low" -> entry.low = text;
                    case "vol" -> entry.vol = text;
                    case "volValue" -> entry.volValue = text;
                    case "averagePrice" -> entry.averagePrice = text;
                    default -> {
                        // change and fee fields: not part of a tick
                    }
                }
            }
            return entry;
        }
    }

    /** The instruments of a {@code /api/v2/symbols} answer; symbols this library cannot name are left out. */
    static Set<Instrument> symbols(String body, SymbolMapper mapper) throws IOException {
        Set<Instrument> instruments = new LinkedHashSet<>();
        envelope(body, "symbols", (parser, value) -> {
            if (value == Event.START_ARRAY) {
                symbolList(parser, mapper, instruments);
            } else {
                JsonFrames.skip(parser, value);
            }
            return null;
        });
        return instruments;
    }

    private static void symbolList(JsonParser parser, SymbolMapper mapper, Set<Instrument> instruments) {
        Event item;
        while ((item = parser.next()) != Event.END_ARRAY) {
            if (item != Event.START_OBJECT) {
                JsonFrames.skip(parser, item);
                continue;
            }
            Event event;
            while ((event = parser.next()) != Event.END_OBJECT) {
                String key = parser.getString();
                Event value = parser.next();
                if (key.equals("symbol") && value == Event.VALUE_STRING) {
                    Instrument instrument = mapper.fromNative(parser.getString());
                    if (instrument != null) {
                        instruments.add(instrument);
                    }
                } else {
                    JsonFrames.skip(parser, value);
                }
            }
        }
    }

    /** Reads the value of {@code data}; the parser stands on its first event. */
    interface DataReader<T> {
        T read(JsonParser parser, Event value) throws IOException;
    }

    /** Reads the {@code code}/{@code msg}/{@code data} envelope of an answer and returns what {@code data} gave. */
    static <T> T envelope(String body, String endpoint, DataReader<T> data) throws IOException {
        String code = null;
        String msg = null;
        T result = null;
        try (JsonParser parser = start(body)) {
            Event event;
            while ((event = parser.next()) != Event.END_OBJECT) {
                String key = parser.getString();
                Event value = parser.next();
                switch (key) {
                    case "code" -> code = JsonFrames.text(parser, value);
                    case "msg" -> msg = JsonFrames.text(parser, value);
                    case "data" -> result = data.read(parser, value);
                    default -> JsonFrames.skip(parser, value);
                }
            }
        } catch (RuntimeException e) {
            throw new IOException("KuCoin " + endpoint + " answer is not valid JSON: " + e.getMessage(), e);
        }
        requireSuccess(endpoint, code, msg);
        return result;
    }

    private static JsonParser start(String body) {
        JsonParser parser = JsonFrames.parser(body);
        if (parser.next() != Event.START_OBJECT) {
            parser.close();
            throw new IllegalArgumentException("expected a JSON object");
        }
        return parser;
    }

    private static <T> T skipped(JsonParser parser, Event value) {
        JsonFrames.skip(parser, value);
        return null;
    }

    private static void requireSuccess(String endpoint, String code, String msg) throws IOException {
        if (!SUCCESS.equals(code)) {
            throw new IOException("KuCoin " + endpoint + " answered code " + code + (msg == null ? "" : ": " + msg));
        }
    }
}
