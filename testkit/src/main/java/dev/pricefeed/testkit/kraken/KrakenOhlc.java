package dev.pricefeed.testkit.kraken;

import dev.pricefeed.testkit.CandleSeries;
import dev.pricefeed.testkit.HttpCall;
import dev.pricefeed.testkit.HttpReply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The emulator's {@code GET /0/public/OHLC}: the newest 720 candles of the interval at most, only those after
 * {@code since}, always ending with the unfinished candle; rows {@code [time, "open", "high", "low", "close", "vwap",
 * "volume", count]} under the pair's result key, and {@code last}, the open time of the newest finished candle.
 */
final class KrakenOhlc {

    /** Kraken answers at most this many rows. */
    static final int MAX_ROWS = 720;
    private static final Set<Integer> MINUTES = Set.of(1, 5, 15, 30, 60, 240, 1440, 10080, 21600);

    private KrakenOhlc() {
    }

    static HttpReply answer(HttpCall call, Function<String, KrakenPair> pairs, CandleSeries series) {
        Map<String, String> params = call.queryParams();
        KrakenPair pair = params.get("pair") == null ? null : pairs.apply(params.get("pair"));
        if (pair == null) {
            return HttpReply.json(KrakenWire.restErrors(List.of("EQuery:Unknown asset pair")));
        }
        int minutes;
        long since;
        try {
            minutes = Integer.parseInt(params.getOrDefault("interval", "1"));
            since = Long.parseLong(params.getOrDefault("since", "0"));
        } catch (NumberFormatException e) {
            return HttpReply.json(KrakenWire.restErrors(List.of("EGeneral:Invalid arguments")));
        }
        if (!MINUTES.contains(minutes)) {
            return HttpReply.json(KrakenWire.restErrors(List.of("EGeneral:Invalid arguments")));
        }
        Duration interval = Duration.ofMinutes(minutes);
        Instant current = series.currentOpen(interval);
        Instant oldest = current.minus(interval.multipliedBy(MAX_ROWS - 1));
        Instant after = Instant.ofEpochSecond(since + 1);
        List<CandleSeries.Row> rows = series.rows(pair.symbol(), interval, after.isAfter(oldest) ? after : oldest,
                current);
        StringBuilder json = new StringBuilder("{\"error\":[],\"result\":{\"").append(pair.restKey()).append("\":[");
        for (int i = 0; i < rows.size(); i++) {
            CandleSeries.Row row = rows.get(i);
            json.append(i == 0 ? "" : ",").append('[').append(row.openTime().getEpochSecond())
                    .append(",\"").append(row.open().toPlainString())
                    .append("\",\"").append(row.high().toPlainString())
                    .append("\",\"").append(row.low().toPlainString())
                    .append("\",\"").append(row.close().toPlainString())
                    .append("\",\"").append(row.vwap().toPlainString())
                    .append("\",\"").append(row.volume().toPlainString())
                    .append("\",").append(row.trades()).append(']');
        }
        return HttpReply.json(json.append("],\"last\":").append(current.minus(interval).getEpochSecond())
                .append("}}").toString());
    }
}
