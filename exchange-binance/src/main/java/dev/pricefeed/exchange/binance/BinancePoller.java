package dev.pricefeed.exchange.binance;

import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import dev.pricefeed.spi.FallbackPoller;
import dev.pricefeed.spi.support.RestCalls;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Polls {@code /api/v3/ticker/bookTicker} (best bid/offer) and {@code /api/v3/ticker/24hr} (last price and 24 h
 * statistics) for many symbols per request and merges both into one tick per instrument. The 24 h call is split into
 * groups of 20 symbols, its cheapest weight class. 429 and 418 answers become
 * {@link dev.pricefeed.spi.RateLimitedException} with Binance's {@code Retry-After}.
 */
final class BinancePoller implements FallbackPoller {

    /** Symbols per bookTicker request (weight 4 for any number of symbols). */
    static final int BOOK_TICKER_GROUP = 100;

    /** Symbols per 24 h ticker request: 1 to 20 symbols weigh 2, 21 to 100 weigh 40. */
    static final int STATS_GROUP = 20;

    static final int BOOK_TICKER_WEIGHT = 4;
    static final int STATS_WEIGHT = 2;

    /**
     * The request weight this poller spends per minute: a fifth of Binance's documented 6000 per IP, leaving the
     * rest to other programs on the same address.
     */
    static final int WEIGHT_PER_MINUTE = 1200;

    private final HttpClient http;
    private final BinanceEndpoints endpoints;
    private final BinanceSymbols symbols;
    private final Clock clock;

    BinancePoller(HttpClient http, BinanceEndpoints endpoints, BinanceSymbols symbols, Clock clock) {
        this.http = Objects.requireNonNull(http, "http is null");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints is null");
        this.symbols = Objects.requireNonNull(symbols, "symbols is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    @Override
    public List<Tick> poll(List<Instrument> instruments) throws IOException, InterruptedException {
        Objects.requireNonNull(instruments, "instruments is null");
        if (instruments.isEmpty()) {
            return List.of();
        }
        Map<String, Tick.Builder> bySymbol = new LinkedHashMap<>();
        for (Instrument instrument : instruments) {
            bySymbol.put(symbols.toNative(instrument), Tick.builder(BinanceProvider.ID, instrument));
        }
        List<String> all = new ArrayList<>(bySymbol.keySet());
        // stats first, so the dedicated best bid/offer answer has the last word on bid and ask
        for (List<String> group : groups(all, STATS_GROUP)) {
            RestTickerReader.read(RestCalls.get(http, endpoints.rest("/api/v3/ticker/24hr?symbols=" + array(group))),
                    bySymbol);
        }
        for (List<String> group : groups(all, BOOK_TICKER_GROUP)) {
            RestTickerReader.read(RestCalls.get(http,
                    endpoints.rest("/api/v3/ticker/bookTicker?symbols=" + array(group))), bySymbol);
        }
        Instant now = clock.instant();
        List<Tick> ticks = new ArrayList<>(bySymbol.size());
        for (Tick.Builder builder : bySymbol.values()) {
            Tick tick = builder.receivedAt(now).build();
            if (tick.bid() != null || tick.last() != null) {
                ticks.add(tick);
            }
        }
        return ticks;
    }

    @Override
    public Duration minInterval(int instruments) {
        return Duration.ofMillis(60_000L * weight(instruments) / WEIGHT_PER_MINUTE);
    }

    /** The request weight of one poll of that many instruments. */
    static int weight(int instruments) {
        int n = Math.max(1, instruments);
        return ceilDiv(n, BOOK_TICKER_GROUP) * BOOK_TICKER_WEIGHT + ceilDiv(n, STATS_GROUP) * STATS_WEIGHT;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static List<List<String>> groups(List<String> all, int size) {
        List<List<String>> groups = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            groups.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return groups;
    }

    /** The URL-encoded JSON array {@code ["BTCUSDT","ETHUSDT"]}. */
    static String array(List<String> group) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < group.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('"').append(group.get(i)).append('"');
        }
        return URLEncoder.encode(json.append(']').toString(), StandardCharsets.UTF_8);
    }
}
