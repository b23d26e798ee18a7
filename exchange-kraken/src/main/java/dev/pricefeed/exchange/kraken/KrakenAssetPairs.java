package dev.pricefeed.exchange.kraken;

import dev.pricefeed.Instrument;
import dev.pricefeed.spi.support.JsonFrames;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads REST {@code /0/public/AssetPairs}: each pair's result key, {@code altname} and {@code wsname}; the
 * {@code wsname} is in v1 spelling ({@code XBT/USD}) and becomes the v2 instrument ({@code BTC/USD}).
 */
final class KrakenAssetPairs {

    private KrakenAssetPairs() {
    }

    /** The pairs of an AssetPairs answer; pairs without a {@code wsname} (not on WebSocket) are left out. */
    static List<KrakenPairCatalog.Pair> read(String body, KrakenSymbols symbols) throws IOException {
        List<KrakenPairCatalog.Pair> pairs = new ArrayList<>();
        KrakenRestResponse.read(body, "AssetPairs", parser -> {
            while (parser.next() != Event.END_OBJECT) {
                String key = parser.getString();
                Event value = parser.next();
                if (value != Event.START_OBJECT) {
                    JsonFrames.skip(parser, value);
                    continue;
                }
                KrakenPairCatalog.Pair pair = readPair(parser, key, symbols);
                if (pair != null) {
                    pairs.add(pair);
                }
            }
        });
        return pairs;
    }

    private static KrakenPairCatalog.Pair readPair(JsonParser parser, String key, KrakenSymbols symbols) {
        String altname = null;
        String wsname = null;
        while (parser.next() != Event.END_OBJECT) {
            String name = parser.getString();
            Event value = parser.next();
            if (name.equals("altname") && value == Event.VALUE_STRING) {
                altname = parser.getString();
            } else if (name.equals("wsname") && value == Event.VALUE_STRING) {
                wsname = parser.getString();
            } else {
                JsonFrames.skip(parser, value);
            }
        }
        Instrument instrument = symbols.fromNative(wsname);
        return instrument == null ? null : new KrakenPairCatalog.Pair(key, altname != null ? altname : key, instrument);
    }
}
