package dev.pricefeed.exchange.kucoin;

import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import dev.pricefeed.spi.FallbackPoller;
import dev.pricefeed.spi.SymbolMapper;
import dev.pricefeed.spi.support.RestCalls;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Polls KuCoin's public REST API: {@code /api/v1/market/orderbook/level1} per instrument for a few instruments,
 * {@code /api/v1/market/allTickers} (one call, every symbol) for more. Paced within KuCoin's public pool of 2000
 * weight per 30 s per IP; HTTP 429 becomes a {@link dev.pricefeed.spi.RateLimitedException} through
 * {@link RestCalls}.
 */
final class KuCoinPoller implements FallbackPoller {

    /** Above this many instruments one {@code allTickers} call (weight 15) is cheaper than level-1 calls (2 each). */
    static final int ALL_TICKERS_ABOVE = 5;

    private static final int LEVEL1_WEIGHT = 2;
    private static final int ALL_TICKERS_WEIGHT = 15;
    /** Half of KuCoin's 2000 per 30 s, leaving room for bootstraps and other clients on the same IP. */
    static final int WEIGHT_BUDGET = 1000;
    static final Duration BUDGET_WINDOW = Duration.ofSeconds(30);
    /** KuCoin refreshes its allTickers snapshot every 2 s; polling it faster returns the same data. */
    private static final Duration ALL_TICKERS_REFRESH = Duration.ofSeconds(2);

    private final HttpClient http;
    private final URI rest;
    private final SymbolMapper symbols;
    private final Clock clock;

    KuCoinPoller(HttpClient http, URI rest, SymbolMapper symbols, Clock clock) {
        this.http = Objects.requireNonNull(http, "http is null");
        this.rest = Objects.requireNonNull(rest, "rest is null");
        this.symbols = Objects.requireNonNull(symbols, "symbols is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    @Override
    public List<Tick> poll(List<Instrument> instruments) throws IOException, InterruptedException {
        if (instruments.size() > ALL_TICKERS_ABOVE) {
            Map<String, Instrument> wanted = new HashMap<>();
            for (Instrument instrument : instruments) {
                wanted.put(symbols.toNative(instrument), instrument);
            }
            String body = RestCalls.get(http, KuCoinConnector.resolve(rest, "/api/v1/market/allTickers"));
            return RestReplies.allTickers(body, wanted, clock.instant());
        }
        List<Tick> ticks = new ArrayList<>(instruments.size());
        for (Instrument instrument : instruments) {
            String symbol = URLEncoder.encode(symbols.toNative(instrument), StandardCharsets.UTF_8);
            String body = RestCalls.get(http,
                    KuCoinConnector.resolve(rest, "/api/v1/market/orderbook/level1?symbol=" + symbol));
            Tick tick = RestReplies.level1(body, instrument, clock.instant());
            if (tick != null) {
                ticks.add(tick);
            }
        }
        return ticks;
    }

    @Override
    public Duration minInterval(int instruments) {
        if (instruments > ALL_TICKERS_ABOVE) {
            Duration byWeight = BUDGET_WINDOW.multipliedBy(ALL_TICKERS_WEIGHT).dividedBy(WEIGHT_BUDGET);
            return byWeight.compareTo(ALL_TICKERS_REFRESH) > 0 ? byWeight : ALL_TICKERS_REFRESH;
        }
        return BUDGET_WINDOW.multipliedBy((long) LEVEL1_WEIGHT * Math.max(1, instruments)).dividedBy(WEIGHT_BUDGET);
    }
}
