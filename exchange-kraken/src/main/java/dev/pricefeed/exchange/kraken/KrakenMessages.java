package dev.pricefeed.exchange.kraken;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import java.util.List;

/** Builds the frames a Kraken connection sends: subscribes with explicit options, and application pings. */
final class KrakenMessages {

    private static final String HEX = "0123456789abcdef";

    private KrakenMessages() {
    }

    /** The v2 channel name of a channel. */
    static String channelName(Channel channel) {
        switch (channel) {
            case TICKER:
                return "ticker";
            case TRADES:
                return "trade";
            case EXECUTIONS:
                return "executions";
            case BALANCES:
                return "balances";
            default:
                throw new IllegalArgumentException("Kraken has no channel for " + channel);
        }
    }

    /** The channel of a v2 (or v1) channel name, or {@code null}. */
    static Channel channelOf(String name) {
        if (name == null) {
            return null;
        }
        switch (name) {
            case "ticker":
                return Channel.TICKER;
            case "trade":
                return Channel.TRADES;
            case "executions":
            case "ownTrades":
            case "openOrders":
                return Channel.EXECUTIONS;
            case "balances":
                return Channel.BALANCES;
            default:
                return null;
        }
    }

    /** A public subscribe: {@code ticker} (with its event trigger) or {@code trade}, snapshot always requested. */
    static String subscribePublic(Channel channel, List<String> symbols, String eventTrigger, long requestId) {
        StringBuilder json = new StringBuilder(96 + symbols.size() * 12);
        json.append("{\"method\":\"subscribe\",\"params\":{\"channel\":\"").append(channelName(channel))
                .append("\",\"symbol\":[");
        for (int i = 0; i < symbols.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            quote(json, symbols.get(i));
        }
        json.append(']');
        if (channel == Channel.TICKER) {
            json.append(",\"event_trigger\":");
            quote(json, eventTrigger);
        }
        return json.append(",\"snapshot\":true},\"req_id\":").append(requestId).append('}').toString();
    }

    /** A private subscribe carrying the connection's token: open orders and balances come as a snapshot first. */
    static String subscribePrivate(Channel channel, String token, long requestId) {
        StringBuilder json = new StringBuilder(160);
        json.append("{\"method\":\"subscribe\",\"params\":{\"channel\":\"").append(channelName(channel))
                .append("\",\"token\":");
        quote(json, token);
        if (channel == Channel.EXECUTIONS) {
            json.append(",\"snap_orders\":true,\"snap_trades\":false");
        } else {
            json.append(",\"snapshot\":true");
        }
        return json.append("},\"req_id\":").append(requestId).append('}').toString();
    }

    /** The application ping numbered {@code n}. */
    static String ping(long n) {
        return "{\"method\":\"ping\",\"req_id\":" + n + "}";
    }

    /** The symbols of instruments in v2 naming. */
    static List<String> symbols(KrakenSymbols mapper, List<Instrument> instruments) {
        return instruments.stream().map(mapper::toNative).toList();
    }

    private static void quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append("\\u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }
}
