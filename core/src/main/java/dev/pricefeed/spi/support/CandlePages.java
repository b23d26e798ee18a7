package dev.pricefeed.spi.support;

import static java.util.Objects.requireNonNull;

import dev.pricefeed.Candle;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Fetches a range of candles window by window ({@link CandleWindows}): one paced request per window, oldest first,
 * stopping after the window that holds "now" (later ones can hold nothing), collected by a {@link CandleCollector}.
 */
public final class CandlePages {

    /** One request for the candles of a window, in whatever order the exchange sends them. */
    @FunctionalInterface
    public interface PageRequest {
        /** Sends the request for a window and reads its candles. */
        List<Candle> fetch(CandleWindows.Window window) throws IOException, InterruptedException;
    }

    private CandlePages() {
    }

    /**
     * The candles opening in {@code [from, to)}, oldest first, one per open time, fetched {@code perPage} at a time.
     *
     * @throws dev.pricefeed.spi.RateLimitedException when the exchange keeps refusing (see {@link PacedRequests})
     * @throws IOException when a request fails
     */
    public static List<Candle> fetch(Instant from, Instant to, Duration interval, int perPage, Clock clock,
            PacedRequests requests, PageRequest request) throws IOException, InterruptedException {
        requireNonNull(clock, "clock is null");
        requireNonNull(requests, "requests is null");
        requireNonNull(request, "request is null");
        CandleCollector collector = new CandleCollector(from, to);
        for (CandleWindows.Window window : CandleWindows.split(from, to, interval, perPage)) {
            for (Candle candle : requests.send(() -> request.fetch(window))) {
                collector.add(candle);
            }
            if (!window.end().isBefore(clock.instant())) {
                break;
            }
        }
        return collector.candles();
    }
}
