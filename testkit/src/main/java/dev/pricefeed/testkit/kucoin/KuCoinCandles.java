package dev.pricefeed.testkit.kucoin;

import dev.pricefeed.testkit.CandleSeries;
import dev.pricefeed.testkit.HttpCall;
import dev.pricefeed.testkit.HttpReply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The emulator's {@code GET /api/v1/market/candles}: rows of strings {@code [time, open, close, high, low, volume,
 * turnover]} of the {@link CandleSeries}, newest first, opening in {@code [startAt, endAt]} (epoch seconds, both
 * inclusive; endAt defaults to now), at most 1,500 (the newest ones); the current candle is included unfinished.
 */
final class KuCoinCandles {

    static final int MAX_ROWS = 1500;
    private static final Map<String, Duration> TYPES = Map.ofEntries(
            Map.entry("1min", Duration.ofMinutes(1)), Map.entry("3min", Duration.ofMinutes(3)),
            Map.entry("5min", Duration.ofMinutes(5)), Map.entry("15min", Duration.ofMinutes(15)),
            Map.entry("30min", Duration.ofMinutes(30)), Map.entry("1hour", Duration.ofHours(1)),
            Map.entry("2hour", Duration.ofHours(2)), Map.entry("4hour", Duration.ofHours(4)),
            Map.entry("6hour", Duration.ofHours(6)), Map.entry("8hour", Duration.ofHours(8)),
            Map.entry("12hour", Duration.ofHours(12)), Map.entry("1day", Duration.ofDays(1)));

    private KuCoinCandles() {
    }

    /**
     * @param instrumentOf the listed instrument (written {@code BTC/USDT}) of a KuCoin symbol, or null
     */
    static HttpReply answer(HttpCall call, Function<String, String> instrumentOf, CandleSeries series) {
        Map<String, String> params = call.queryParams();
        String instrument = params.get("symbol") == null ? null : instrumentOf.apply(params.get("symbol"));
        if (instrument == null) {
            return HttpReply.status(400, "{\"code\":\"400100\",\"msg\":\"This pair is not provided at present\"}");
        }
        Duration interval = TYPES.get(params.getOrDefault("type", ""));
        if (interval == null) {
            return HttpReply.status(400, "{\"code\":\"400100\",\"msg\":\"Unsupported candle type\"}");
        }
        Instant start;
        Instant end;
        try {
            end = params.containsKey("endAt") ? Instant.ofEpochSecond(Long.parseLong(params.get("endAt")))
                    : series.now();
            start = params.containsKey("startAt") ? Instant.ofEpochSecond(Long.parseLong(params.get("startAt")))
                    : end.minus(interval.multipliedBy(MAX_ROWS));
        } catch (NumberFormatException e) {
            return HttpReply.status(400, "{\"code\":\"400100\",\"msg\":\"Parameter error\"}");
        }
        List<CandleSeries.Row> rows = series.rows(instrument, interval, start, end);
        rows = rows.subList(Math.max(0, rows.size() - MAX_ROWS), rows.size());
        StringBuilder json = new StringBuilder("{\"code\":\"200000\",\"data\":[");
        for (int i = rows.size() - 1; i >= 0; i--) {
            CandleSeries.Row row = rows.get(i);
            json.append(i == rows.size() - 1 ? "" : ",").append("[\"").append(row.openTime().getEpochSecond())
                    .append("\",\"").append(row.open().toPlainString())
                    .append("\",\"").append(row.close().toPlainString())
                    .append("\",\"").append(row.high().toPlainString())
                    .append("\",\"").append(row.low().toPlainString())
                    .append("\",\"").append(row.volume().toPlainString())
                    .append("\",\"").append(row.quoteVolume().toPlainString()).append("\"]");
        }
        return HttpReply.json(json.append("]}").toString());
    }
}
