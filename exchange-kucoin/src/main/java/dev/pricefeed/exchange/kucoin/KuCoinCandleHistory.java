package dev.pricefeed.exchange.kucoin;

import static java.util.Objects.requireNonNull;

import dev.pricefeed.Candle;
import dev.pricefeed.Instrument;
import dev.pricefeed.spi.CandleHistory;
import dev.pricefeed.spi.SymbolMapper;
import dev.pricefeed.spi.support.CandleIntervals;
import dev.pricefeed.spi.support.CandlePages;
import dev.pricefeed.spi.support.PacedRequests;
import dev.pricefeed.spi.support.RestCalls;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * KuCoin candles from REST {@code GET /api/v1/market/candles?symbol=&type=&startAt=&endAt=}: the range is split into
 * windows of 1,500 candles (KuCoin's maximum per request), asked for oldest window first; each answer comes newest
 * first and is put in order. Paced within the fallback poller's share of KuCoin's public pool.
 */
final class KuCoinCandleHistory implements CandleHistory {

    /** Candles per request: KuCoin's maximum. */
    static final int MAX_ROWS = 1500;

    /** The request weight of one klines call in KuCoin's public pool (3, as ccxt's KuCoin weight table has it). */
    static final int KLINES_WEIGHT = 3;

    /** KuCoin's intervals up to a day; 1week is left out (not aligned to the epoch). */
    static final CandleIntervals INTERVALS = CandleIntervals.minuteHourDay(KuCoinProvider.ID, "min", "hour", "day");

    private final HttpClient http;
    private final URI rest;
    private final SymbolMapper symbols;
    private final Clock clock;
    private final PacedRequests requests = new PacedRequests("kucoin candles",
            KuCoinPoller.BUDGET_WINDOW.multipliedBy(KLINES_WEIGHT).dividedBy(KuCoinPoller.WEIGHT_BUDGET),
            Duration.ofSeconds(30), 3);

    KuCoinCandleHistory(HttpClient http, URI rest, SymbolMapper symbols, Clock clock) {
        this.http = requireNonNull(http, "http is null");
        this.rest = requireNonNull(rest, "rest is null");
        this.symbols = requireNonNull(symbols, "symbols is null");
        this.clock = requireNonNull(clock, "clock is null");
    }


    @Override
    public List<Duration> intervals() {
        return INTERVALS.intervals();
    }

    @Override
    public List<Candle> candles(Instrument instrument, Duration interval, Instant from, Instant to)
            throws IOException, InterruptedException {
        requireNonNull(instrument, "instrument is null");
        String type = INTERVALS.code(interval);
        String symbol = URLEncoder.encode(symbols.toNative(instrument), StandardCharsets.UTF_8);
        // endAt one second before the window's end holds this window's candles whether endAt is inclusive or not
        return CandlePages.fetch(from, to, interval, MAX_ROWS, clock, requests, window -> KlineRows.read(
                RestCalls.get(http, KuCoinConnector.resolve(rest, "/api/v1/market/candles?symbol=" + symbol
                        + "&type=" + type + "&startAt=" + window.start().getEpochSecond() + "&endAt="
                        + (window.end().getEpochSecond() - 1))),
                instrument, interval, clock.instant()));
    }
}
