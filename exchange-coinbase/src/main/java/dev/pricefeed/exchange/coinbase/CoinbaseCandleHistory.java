package dev.pricefeed.exchange.coinbase;

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
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Coinbase Exchange candles from REST {@code GET /products/{id}/candles?granularity=&start=&end=}, on the same REST
 * base as the fallback poller whichever feed the connector speaks. Coinbase refuses a range of more than 300
 * candles, so the range is split into windows of 300, asked for oldest first; answers come newest first, may hold
 * candles before {@code start}, and leave out intervals without trades. Paced like the fallback poller (10 requests
 * per second).
 */
final class CoinbaseCandleHistory implements CandleHistory {

    /** Candles per request: Coinbase's maximum. */
    static final int MAX_ROWS = 300;

    /** Coinbase's granularities in seconds: 1m, 5m, 15m, 1h, 6h, 1d (no 4h). */
    static final CandleIntervals INTERVALS = CandleIntervals.of(CoinbaseParser.EXCHANGE, Map.of(
            Duration.ofMinutes(1), "60", Duration.ofMinutes(5), "300", Duration.ofMinutes(15), "900",
            Duration.ofHours(1), "3600", Duration.ofHours(6), "21600", Duration.ofDays(1), "86400"));

    private final HttpClient http;
    private final URI rest;
    private final SymbolMapper symbols;
    private final Clock clock;
    private final PacedRequests requests = new PacedRequests("coinbase candles", ProductTickerPoller.PER_REQUEST,
            Duration.ofSeconds(30), 3);

    CoinbaseCandleHistory(HttpClient http, URI rest, SymbolMapper symbols, Clock clock) {
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
        String granularity = INTERVALS.code(interval);
        String product = symbols.toNative(instrument);
        // end one second before the window's end keeps the count at 300 whether Coinbase counts the end or not
        return CandlePages.fetch(from, to, interval, MAX_ROWS, clock, requests, window -> ProductCandleReader.read(
                RestCalls.get(http, RestUris.resolve(rest, "products/" + product + "/candles?granularity="
                        + granularity + "&start=" + window.start() + "&end=" + window.end().minusSeconds(1))),
                instrument, interval, clock.instant()));
    }
}
