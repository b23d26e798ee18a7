package dev.pricefeed.exchange.binance;

import static java.util.Objects.requireNonNull;

import dev.pricefeed.Candle;
import dev.pricefeed.Instrument;
import dev.pricefeed.spi.CandleHistory;
import dev.pricefeed.spi.support.CandleIntervals;
import dev.pricefeed.spi.support.CandlePages;
import dev.pricefeed.spi.support.PacedRequests;
import dev.pricefeed.spi.support.RestCalls;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Binance candles from REST {@code GET /api/v3/klines?symbol=&interval=&startTime=&endTime=&limit=1000}: the range is
 * split into windows of 1,000 candles (Binance's maximum per request), asked for oldest first, and paced within the
 * same share of Binance's per-IP request weight as the fallback poller (each request weighs 2).
 */
final class BinanceCandleHistory implements CandleHistory {

    /** Candles per request: Binance's maximum {@code limit}. */
    static final int MAX_ROWS = 1000;

    /** The request weight of one klines call. */
    static final int KLINES_WEIGHT = 2;

    /** Binance's intervals up to a day; 3d, 1w and 1M are left out (not aligned to the epoch). */
    static final CandleIntervals INTERVALS = CandleIntervals.minuteHourDay(BinanceProvider.ID, "m", "h", "d");

    private final HttpClient http;
    private final BinanceEndpoints endpoints;
    private final BinanceSymbols symbols;
    private final Clock clock;
    private final PacedRequests requests = new PacedRequests("binance klines",
            Duration.ofMillis(60_000L * KLINES_WEIGHT / BinancePoller.WEIGHT_PER_MINUTE), Duration.ofSeconds(30), 3);

    BinanceCandleHistory(HttpClient http, BinanceEndpoints endpoints, BinanceSymbols symbols, Clock clock) {
        this.http = requireNonNull(http, "http is null");
        this.endpoints = requireNonNull(endpoints, "endpoints is null");
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
        String code = INTERVALS.code(interval);
        String symbol = symbols.toNative(instrument);
        // endTime is inclusive on Binance
        return CandlePages.fetch(from, to, interval, MAX_ROWS, clock, requests, window -> KlineReader.read(
                RestCalls.get(http, endpoints.rest("/api/v3/klines?symbol=" + symbol + "&interval=" + code
                        + "&startTime=" + window.start().toEpochMilli() + "&endTime="
                        + (window.end().toEpochMilli() - 1) + "&limit=" + MAX_ROWS)),
                instrument, interval, clock.instant()));
    }
}
