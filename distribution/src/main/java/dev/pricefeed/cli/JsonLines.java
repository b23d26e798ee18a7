package dev.pricefeed.cli;

import dev.pricefeed.FeedEvent;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.json.JsonObjectWriter;
import dev.pricefeed.json.MarketDataJson;
import java.time.Instant;

/**
 * The JSON Lines schema of the command line: one object per tick, trade, event or recorded frame. Ticks, trades and
 * events are core's {@link MarketDataJson} (the same objects the Kafka topics carry); recorded frames are the
 * command line's own.
 */
final class JsonLines {

    private JsonLines() {
    }

    /** The merged current view of one instrument. */
    static String tick(Tick tick) {
        return MarketDataJson.tick(tick);
    }

    /** One public trade. */
    static String trade(Trade trade) {
        return MarketDataJson.trade(trade);
    }

    /** One raw frame as recorded by {@code pricefeed record}. */
    static String frame(Instant receivedAt, String frame) {
        return new JsonObjectWriter().text("receivedAt", receivedAt).string("frame", frame).end();
    }

    /** A state change, error, gap, staleness or handover event. */
    static String event(FeedEvent event) {
        return MarketDataJson.event(event);
    }
}
