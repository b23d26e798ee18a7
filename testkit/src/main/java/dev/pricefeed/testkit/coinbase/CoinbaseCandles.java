package dev.pricefeed.testkit.coinbase;

import dev.pricefeed.testkit.CandleSeries;
import dev.pricefeed.testkit.HttpCall;
import dev.pricefeed.testkit.HttpReply;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The emulator's Coinbase Exchange {@code GET /products/{id}/candles}: rows of JSON numbers {@code [time, low, high,
 * open, close, volume]} of the {@link CandleSeries}, newest first, opening in {@code [start, end]} (ISO 8601, both
 * inclusive; without both, the newest 300 up to now). Like Coinbase it refuses a granularity other than 60, 300, 900,
 * 3600, 21600 or 86400 seconds and a range of more than 300 candles, with HTTP 400.
 */
final class CoinbaseCandles {

    static final int MAX_ROWS = 300;
    private static final Set<Long> GRANULARITIES = Set.of(60L, 300L, 900L, 3600L, 21600L, 86400L);

    private CoinbaseCandles() {
    }

    static HttpReply answer(HttpCall call, String productId, CandleSeries series) {
        Map<String, String> params = call.queryParams();
        long seconds;
        try {
            seconds = Long.parseLong(params.getOrDefault("granularity", "0"));
        } catch (NumberFormatException e) {
            seconds = 0;
        }
        if (!GRANULARITIES.contains(seconds)) {
            return HttpReply.status(400, CoinbaseFrames.restError("Unsupported granularity"));
        }
        Duration interval = Duration.ofSeconds(seconds);
        Instant start;
        Instant end;
        try {
            boolean both = params.containsKey("start") && params.containsKey("end");
            end = both ? Instant.parse(params.get("end")) : series.now();
            start = both ? Instant.parse(params.get("start")) : end.minus(interval.multipliedBy(MAX_ROWS - 1));
        } catch (DateTimeParseException e) {
            return HttpReply.status(400, CoinbaseFrames.restError("Invalid start or end"));
        }
        if (Duration.between(start, end).getSeconds() / seconds > MAX_ROWS) {
            return HttpReply.status(400, CoinbaseFrames.restError(
                    "granularity too small for the requested time range. Count of aggregations requested exceeds 300"));
        }
        List<CandleSeries.Row> rows = series.rows(productId.replace('-', '/'), interval, start, end);
        StringBuilder json = new StringBuilder("[");
        for (int i = rows.size() - 1; i >= 0; i--) {
            CandleSeries.Row row = rows.get(i);
            json.append(i == rows.size() - 1 ? "" : ",").append('[').append(row.openTime().getEpochSecond())
                    .append(',').append(row.low().toPlainString())
                    .append(',').append(row.high().toPlainString())
                    .append(',').append(row.open().toPlainString())
                    .append(',').append(row.close().toPlainString())
                    .append(',').append(row.volume().toPlainString()).append(']');
        }
        return HttpReply.json(json.append(']').toString());
    }
}
