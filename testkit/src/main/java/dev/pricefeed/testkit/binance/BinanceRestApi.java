package dev.pricefeed.testkit.binance;

import dev.pricefeed.Instrument;
import dev.pricefeed.testkit.CandleSeries;
import dev.pricefeed.testkit.HttpCall;
import dev.pricefeed.testkit.HttpReply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The emulator's Binance REST endpoints: {@code /api/v3/exchangeInfo}, {@code /api/v3/ticker/bookTicker} and
 * {@code /api/v3/ticker/24hr} (with {@code symbol=}, {@code symbols=[..]} or neither), {@code /api/v3/klines}
 * ({@link BinanceKlines}), answering
 * {@code {"code":-1121,"msg":"Invalid symbol."}} with HTTP 400 for a symbol it does not list.
 */
final class BinanceRestApi {

    private static final String INVALID_SYMBOL = "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}";

    private final Map<String, Instrument> listed;
    private final Function<Instrument, BinanceWire.Quote> quotes;
    private final CandleSeries candles;

    /**
     * @param listed the listed instruments by symbol
     * @param quotes the quote REST answers with for an instrument, or null to leave it out
     * @param candles the candles {@code /api/v3/klines} serves
     */
    BinanceRestApi(Map<String, Instrument> listed, Function<Instrument, BinanceWire.Quote> quotes,
            CandleSeries candles) {
        this.listed = listed;
        this.quotes = quotes;
        this.candles = candles;
    }

    HttpReply answer(HttpCall call) {
        if (!call.method().equals("GET")) {
            return HttpReply.status(405, "{\"code\":-1000,\"msg\":\"method not allowed\"}");
        }
        return switch (call.path()) {
            case "/api/v3/exchangeInfo" -> HttpReply.json(exchangeInfo());
            case "/api/v3/ticker/bookTicker" -> tickers(call, this::bookTicker);
            case "/api/v3/ticker/24hr" -> tickers(call, this::dayTicker);
            case "/api/v3/ping" -> HttpReply.json("{}");
            case "/api/v3/klines" -> BinanceKlines.answer(call, listed, candles);
            default -> HttpReply.notFound();
        };
    }

    private String exchangeInfo() {
        StringBuilder json = new StringBuilder("{\"timezone\":\"UTC\",\"serverTime\":").append(System.currentTimeMillis())
                .append(",\"rateLimits\":[{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\","
                        + "\"intervalNum\":1,\"limit\":6000}],\"exchangeFilters\":[],\"symbols\":[");
        boolean first = true;
        for (Map.Entry<String, Instrument> entry : listed.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append("{\"symbol\":\"").append(entry.getKey()).append("\",\"status\":\"TRADING\",\"baseAsset\":\"")
                    .append(entry.getValue().base()).append("\",\"baseAssetPrecision\":8,\"quoteAsset\":\"")
                    .append(entry.getValue().quote()).append("\",\"quotePrecision\":8,")
                    .append("\"orderTypes\":[\"LIMIT\",\"MARKET\"],\"filters\":[{\"filterType\":\"PRICE_FILTER\",")
                    .append("\"minPrice\":\"0.01000000\",\"maxPrice\":\"1000000.00000000\",\"tickSize\":\"0.01000000\"}],")
                    .append("\"permissions\":[],\"permissionSets\":[[\"SPOT\"]]}");
        }
        return json.append("]}").toString();
    }

    private HttpReply tickers(HttpCall call, Function<String, String> render) {
        Map<String, String> params = call.queryParams();
        List<String> symbols;
        boolean single = params.containsKey("symbol");
        if (single) {
            symbols = List.of(params.get("symbol"));
        } else if (params.containsKey("symbols")) {
            symbols = symbolArray(params.get("symbols"));
            if (symbols == null) {
                return HttpReply.status(400, "{\"code\":-1100,\"msg\":\"Illegal characters found in parameter "
                        + "'symbols'; legal range is a JSON array of symbols.\"}");
            }
        } else {
            symbols = new ArrayList<>(listed.keySet());
        }
        List<String> objects = new ArrayList<>();
        for (String symbol : symbols) {
            if (!listed.containsKey(symbol)) {
                return HttpReply.status(400, INVALID_SYMBOL);
            }
            String object = render.apply(symbol);
            if (object != null) {
                objects.add(object);
            }
        }
        if (single) {
            return objects.isEmpty() ? HttpReply.status(400, INVALID_SYMBOL) : HttpReply.json(objects.get(0));
        }
        return HttpReply.json("[" + String.join(",", objects) + "]");
    }

    private static List<String> symbolArray(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonArray array = reader.readArray();
            List<String> symbols = new ArrayList<>();
            for (JsonValue value : array) {
                if (value.getValueType() != JsonValue.ValueType.STRING) {
                    return null;
                }
                symbols.add(((JsonString) value).getString());
            }
            return symbols;
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    private String bookTicker(String symbol) {
        BinanceWire.Quote quote = quotes.apply(listed.get(symbol));
        if (quote == null) {
            return null;
        }
        return "{\"symbol\":\"" + symbol + "\",\"bidPrice\":\"" + quote.bid() + "\",\"bidQty\":\"" + quote.size()
                + "\",\"askPrice\":\"" + quote.ask() + "\",\"askQty\":\"" + quote.size() + "\"}";
    }

    private String dayTicker(String symbol) {
        BinanceWire.Quote quote = quotes.apply(listed.get(symbol));
        if (quote == null) {
            return null;
        }
        long now = System.currentTimeMillis();
        return "{\"symbol\":\"" + symbol + "\",\"priceChange\":\"0\",\"priceChangePercent\":\"0\","
                + "\"weightedAvgPrice\":\"" + quote.last() + "\",\"prevClosePrice\":\"" + quote.last()
                + "\",\"lastPrice\":\"" + quote.last() + "\",\"lastQty\":\"" + quote.size() + "\",\"bidPrice\":\""
                + quote.bid() + "\",\"bidQty\":\"" + quote.size() + "\",\"askPrice\":\"" + quote.ask()
                + "\",\"askQty\":\"" + quote.size() + "\",\"openPrice\":\"" + quote.last() + "\",\"highPrice\":\""
                + quote.last() + "\",\"lowPrice\":\"" + quote.last() + "\",\"volume\":\"" + quote.volume()
                + "\",\"quoteVolume\":\"" + quote.volume() + "\",\"openTime\":" + (now - 86_400_000L)
                + ",\"closeTime\":" + now + ",\"firstId\":0,\"lastId\":0,\"count\":1}";
    }
}
