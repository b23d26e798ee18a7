package dev.pricefeed.exchange.kraken;

import static java.util.Objects.requireNonNull;

import dev.pricefeed.Candle;
import dev.pricefeed.Instrument;
import dev.pricefeed.spi.CandleHistory;
import dev.pricefeed.spi.support.CandleCollector;
import dev.pricefeed.spi.support.CandleIntervals;
import dev.pricefeed.spi.support.CandleWindows;
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
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kraken candles from REST {@code GET /0/public/OHLC?pair=&interval=&since=}. Kraken keeps only the newest 720
 * candles of each interval ("older data cannot be retrieved, regardless of the value of since"), and every answer
 * runs up to the unfinished candle, so one request covers everything Kraken can give for a range; candles older than
 * that window are missing from the answer and a warning says so. Requests are paced at Kraken's one public call per
 * second.
 */
final class KrakenCandleHistory implements CandleHistory {

    /** Kraken answers at most this many rows, the newest ones. */
    static final int MAX_ROWS = 720;

    /** Kraken's intervals in minutes; its 1w and 15d candles are left out (not aligned to the epoch). */
    static final CandleIntervals INTERVALS = CandleIntervals.of(KrakenProvider.ID, Map.of(
            Duration.ofMinutes(1), "1", Duration.ofMinutes(5), "5", Duration.ofMinutes(15), "15",
            Duration.ofMinutes(30), "30", Duration.ofHours(1), "60", Duration.ofHours(4), "240",
            Duration.ofDays(1), "1440"));

    private static final Logger LOG = LoggerFactory.getLogger(KrakenCandleHistory.class);

    private final HttpClient http;
    private final URI ohlcUri;
    private final KrakenSymbols symbols;
    private final Clock clock;
    private final PacedRequests requests = new PacedRequests("kraken OHLC", KrakenRestPoller.MIN_INTERVAL,
            Duration.ofSeconds(30), 3);

    KrakenCandleHistory(HttpClient http, URI restBase, KrakenSymbols symbols, Clock clock) {
        this.http = requireNonNull(http, "http is null");
        this.ohlcUri = KrakenEndpoints.resolve(requireNonNull(restBase, "restBase is null"), "/0/public/OHLC");
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
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        Instant first = CandleWindows.alignUp(from, interval);
        if (!first.isBefore(to)) {
            return List.of();
        }
        // "since" returns rows after that time, so one second before the first open time includes it
        URI uri = URI.create(ohlcUri + "?pair=" + URLEncoder.encode(symbols.restPair(instrument), StandardCharsets.UTF_8)
                + "&interval=" + code + "&since=" + (first.getEpochSecond() - 1));
        List<Candle> page = requests.send(() -> KrakenOhlcReader.read(RestCalls.get(http, uri), instrument, interval,
                clock.instant()));
        CandleCollector collector = new CandleCollector(from, to);
        page.forEach(collector::add);
        if (!page.isEmpty() && page.get(0).openTime().isAfter(first)) {
            LOG.warn("kraken keeps only the newest {} {} candles of {}: none before {} (asked from {})", MAX_ROWS,
                    CandleIntervals.label(interval), instrument, page.get(0).openTime(), first);
        }
        return collector.candles();
    }
}
