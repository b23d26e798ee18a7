package dev.pricefeed.exchange.kraken;

import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import dev.pricefeed.spi.support.FrameReader;
import dev.pricefeed.spi.support.JsonFrames;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The prices of a v1 ticker payload ({@code {"a":[...],"b":[...],"c":[...],...}}), held from the moment the payload
 * is read until the channel name and pair that follow it in the frame are known; one per parser, reused for every
 * frame so the single pass over a v1 frame builds nothing but the decimals and the tick.
 */
final class KrakenV1Ticker {

    /** The frame reader of the {@link KrakenParser} this belongs to. */
    private final FrameReader reader;
    /** The wanted positions of the field being read (index = position in its array). */
    private final BigDecimal[] values = new BigDecimal[3];
    private BigDecimal ask;
    private BigDecimal askSize;
    private BigDecimal bid;
    private BigDecimal bidSize;
    private BigDecimal last;
    private BigDecimal lastSize;
    private BigDecimal volume;
    private BigDecimal vwap;
    private BigDecimal low;
    private BigDecimal high;
    private BigDecimal open;

    KrakenV1Ticker(FrameReader reader) {
        this.reader = reader;
    }

    /** Reads the payload object whose {@code START_OBJECT} the reader's parser just read, replacing what was held. */
    void read() {
        clear();
        JsonParser parser = reader.parser();
        while (parser.next() != Event.END_OBJECT) {
            // every field is named by one letter: a char switch spares a String hash and equals per field
            String name = reader.key();
            char field = name.length() == 1 ? name.charAt(0) : 0;
            Event value = parser.next();
            int wanted = wanted(field);
            if (value != Event.START_ARRAY || wanted == 0) {
                JsonFrames.skip(parser, value);
                continue;
            }
            readWanted(parser, wanted);
            // a/b are [price, whole lot volume, lot volume]; c is [price, lot volume]; others [today, last 24 h].
            switch (field) {
                case 'a' -> {
                    ask = values[0];
                    askSize = values[2];
                }
                case 'b' -> {
                    bid = values[0];
                    bidSize = values[2];
                }
                case 'c' -> {
                    last = values[0];
                    lastSize = values[1];
                }
                case 'v' -> volume = values[1];
                case 'p' -> vwap = values[1];
                case 'l' -> low = values[1];
                case 'h' -> high = values[1];
                case 'o' -> open = values[1];
                default -> throw new IllegalStateException("ticker field '" + field + "' is wanted but has no place");
            }
        }
    }

    /** The tick of the prices read last, for the pair the frame named after them. */
    Tick toTick(Instrument instrument, Instant receivedAt) {
        return new Tick(KrakenProvider.ID, instrument, last, lastSize, bid, bidSize, ask, askSize, open, high, low,
                volume, null, vwap, null, receivedAt, null);
    }

    /** Lets go of the prices held once their frame is done; {@link #read} starts from nothing anyway. */
    void clear() {
        ask = null;
        askSize = null;
        bid = null;
        bidSize = null;
        last = null;
        lastSize = null;
        volume = null;
        vwap = null;
        low = null;
        high = null;
        open = null;
    }

    /** The positions of a ticker field's array that hold what a tick takes (bit i for position i); 0 for none. */
    private static int wanted(char field) {
        return switch (field) {
            case 'a', 'b' -> 0b101;
            case 'c' -> 0b011;
            case 'v', 'p', 'l', 'h', 'o' -> 0b010;
            default -> 0; // t (trade counts) carries no price, and any other field is not Kraken's
        };
    }

    /**
     * Reads the wanted positions of the array just entered into {@link #values} (bit i for position i), null where
     * it has no number or is not wanted.
     */
    private void readWanted(JsonParser parser, int wanted) {
        values[0] = null;
        values[1] = null;
        values[2] = null;
        int i = 0;
        Event event;
        while ((event = parser.next()) != Event.END_ARRAY) {
            if (i < values.length && (wanted & (1 << i)) != 0
                    && (event == Event.VALUE_NUMBER || event == Event.VALUE_STRING)) {
                values[i] = reader.decimal(event);
            } else {
                JsonFrames.skip(parser, event);
            }
            i++;
        }
    }
}
