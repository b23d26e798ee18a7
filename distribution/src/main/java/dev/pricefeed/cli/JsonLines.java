package dev.pricefeed.cli;

import dev.pricefeed.FeedEvent;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import java.time.Instant;
import java.util.Locale;

/**
 * The JSON Lines schema of the command line: one object per tick, trade, event or recorded frame. Decimals are JSON
 * strings in plain notation, times ISO-8601 UTC, and fields the exchange did not send are left out.
 */
final class JsonLines {

    private JsonLines() {
    }

    /** The merged current view of one instrument. */
    static String tick(Tick tick) {
        return new JsonText()
                .string("type", "tick")
                .string("exchange", tick.exchange())
                .text("instrument", tick.instrument())
                .decimal("last", tick.last())
                .decimal("lastSize", tick.lastSize())
                .decimal("bid", tick.bid())
                .decimal("bidSize", tick.bidSize())
                .decimal("ask", tick.ask())
                .decimal("askSize", tick.askSize())
                .decimal("open", tick.open())
                .decimal("high", tick.high())
                .decimal("low", tick.low())
                .decimal("volume", tick.volume())
                .decimal("quoteVolume", tick.quoteVolume())
                .decimal("vwap", tick.vwap())
                .text("exchangeTime", tick.exchangeTime())
                .text("receivedAt", tick.receivedAt())
                .text("sequence", tick.sequence())
                .end();
    }

    /** One public trade. */
    static String trade(Trade trade) {
        return new JsonText()
                .string("type", "trade")
                .string("exchange", trade.exchange())
                .text("instrument", trade.instrument())
                .decimal("price", trade.price())
                .decimal("size", trade.size())
                .string("side", trade.side() == null ? null : trade.side().wireName())
                .string("tradeId", trade.tradeId())
                .text("exchangeTime", trade.exchangeTime())
                .text("receivedAt", trade.receivedAt())
                .end();
    }

    /** One raw frame as recorded by {@code pricefeed record}. */
    static String frame(Instant receivedAt, String frame) {
        return new JsonText().text("receivedAt", receivedAt).string("frame", frame).end();
    }

    /** A state change, error, gap, staleness or handover event. */
    static String event(FeedEvent event) {
        JsonText json = new JsonText();
        if (event instanceof FeedEvent.StateChanged e) {
            json.string("type", "state").string("exchange", e.exchange()).text("at", e.at())
                    .text("from", e.from()).text("to", e.to()).string("reason", e.reason());
        } else if (event instanceof FeedEvent.Error e) {
            json.string("type", "error").string("exchange", e.exchange()).text("at", e.at())
                    .string("code", e.code()).string("message", e.message());
        } else if (event instanceof FeedEvent.SubscriptionFailed e) {
            json.string("type", "error").string("exchange", e.exchange()).text("at", e.at())
                    .string("code", "subscription-failed")
                    .string("channel", e.channel() == null ? null : e.channel().name().toLowerCase(Locale.ROOT))
                    .text("instrument", e.instrument()).string("message", e.reason());
        } else if (event instanceof FeedEvent.SequenceGap e) {
            json.string("type", "gap").string("exchange", e.exchange()).text("at", e.at())
                    .text("instrument", e.instrument()).string("stream", e.stream())
                    .number("firstMissing", e.firstMissing()).number("lastMissing", e.lastMissing())
                    .number("missed", e.missed());
        } else if (event instanceof FeedEvent.Stale e) {
            json.string("type", "stale").string("exchange", e.exchange()).text("at", e.at())
                    .text("instrument", e.instrument()).text("silentFor", e.silentFor());
        } else if (event instanceof FeedEvent.Fresh e) {
            json.string("type", "fresh").string("exchange", e.exchange()).text("at", e.at())
                    .text("instrument", e.instrument());
        } else if (event instanceof FeedEvent.Handover e) {
            json.string("type", "handover").string("exchange", e.exchange()).text("at", e.at())
                    .string("reason", e.reason());
        } else {
            json.string("type", "event").string("exchange", event.exchange()).text("at", event.at())
                    .string("detail", event.toString());
        }
        return json.end();
    }
}
