package dev.pricefeed.testkit.binance;

import dev.pricefeed.Instrument;
import dev.pricefeed.testkit.CandleSeries;
import dev.pricefeed.testkit.HttpCall;
import dev.pricefeed.testkit.HttpReply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The emulator's {@code GET /api/v3/klines}: rows of the {@link CandleSeries} oldest first, {@code limit} at most
 * (default 500, maximum 1000), from {@code startTime} or, without it, the newest ones up to {@code endTime} or now;
 * both times inclusive, in epoch milliseconds; the current candle is included unfinished. Intervals 1m to 1d.
 */
final class BinanceKlines {

    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 1000;
    private static final Map<String, Duration> INTERVALS = Map.ofEntries(
            Map.entry("1m", Duration.ofMinutes(1)), Map.entry("3m", Duration.ofMinutes(3)),
            Map.entry("5m", Duration.ofMinutes(5)), Map.entry("15m", Duration.ofMinutes(15)),
            Map.entry("30m", Duration.ofMinutes(30)), Map.entry("1h", Duration.ofHours(1)),
            Map.entry("2h", Duration.ofHours(2)), Map.entry("4h", Duration.ofHours(4)),
            Map.entry("6h", Duration.ofHours(6)), Map.entry("8h", Duration.ofHours(8)),
            Map.entry("12h", Duration.ofHours(12)), Map.entry("1d", Duration.ofDays(1)));

    private BinanceKlines() {
    }

    static HttpReply answer(HttpCall call, Map<String, Instrument> listed, CandleSeries series) {
        Map<String, String> params = call.queryParams();
        Instrument instrument = params.get("symbol") == null ? null : listed.get(params.get("symbol"));
        if (instrument == null) {
            return HttpReply.status(400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
        }
        Duration interval = INTERVALS.get(params.getOrDefault("interval", ""));
        if (interval == null) {
            return HttpReply.status(400, "{\"code\":-1120,\"msg\":\"Invalid interval.\"}");
        }
        int limit;
        Instant start;
        Instant end;
        try {
            limit = Integer.parseInt(params.getOrDefault("limit", String.valueOf(DEFAULT_LIMIT)));
            start = params.containsKey("startTime") ? Instant.ofEpochMilli(Long.parseLong(params.get("startTime")))
                    : null;
            end = params.containsKey("endTime") ? Instant.ofEpochMilli(Long.parseLong(params.get("endTime")))
                    : series.now();
        } catch (NumberFormatException e) {
            return HttpReply.status(400, "{\"code\":-1100,\"msg\":\"Illegal characters found in a parameter.\"}");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return HttpReply.status(400, "{\"code\":-1130,\"msg\":\"Data sent for parameter 'limit' is not valid.\"}");
        }
        List<CandleSeries.Row> rows;
        if (start != null) {
            rows = series.rows(instrument.toString(), interval, start, end);
            rows = rows.subList(0, Math.min(limit, rows.size()));
        } else {
            rows = series.rows(instrument.toString(), interval, end.minus(interval.multipliedBy(limit)), end);
            rows = rows.subList(Math.max(0, rows.size() - limit), rows.size());
        }
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < rows.size(); i++) {
            CandleSeries.Row row = rows.get(i);
            json.append(i == 0 ? "" : ",").append('[').append(row.openTime().toEpochMilli())
                    .append(",\"").append(row.open().toPlainString())
                    .append("\",\"").append(row.high().toPlainString())
                    .append("\",\"").append(row.low().toPlainString())
                    .append("\",\"").append(row.close().toPlainString())
                    .append("\",\"").append(row.volume().toPlainString())
                    .append("\",").append(row.closeTime().toEpochMilli() - 1)
                    .append(",\"").append(row.quoteVolume().toPlainString())
                    .append("\",").append(row.trades())
                    .append(",\"0\",\"0\",\"0\"]");
        }
        return HttpReply.json(json.append(']').toString());
    }
}
