package dev.pricefeed.spi.support;

import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.parsson.api.BufferPool;

/** Shared JSON-P plumbing for parsers: one factory for the process, exact decimals from strings or numbers. */
public final class JsonFrames {

    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonParserFactory FACTORY = PROVIDER.createParserFactory(Map.of());
    /** Parsson's configuration key for the pool its parsers take their character buffer from. */
    private static final String BUFFER_POOL = BufferPool.class.getName();

    private JsonFrames() {
    }

    /** A streaming parser over one frame, from the shared factory. */
    public static JsonParser parser(String frame) {
        return FACTORY.createParser(new StringReader(frame));
    }

    /** A streaming parser over characters from a reader, from the shared factory (closing it closes the reader). */
    static JsonParser parser(Reader frame) {
        return FACTORY.createParser(frame);
    }

    /**
     * A parser factory whose parsers take their buffer from {@code pool} (Parsson's own pool is shared by all
     * threads: a queue operation and a node per parser); for one thread's parsers, such as a {@link FrameReader}'s.
     */
    static JsonParserFactory factory(BufferPool pool) {
        return PROVIDER.createParserFactory(Map.of(BUFFER_POOL, pool));
    }

    /**
     * The current value as an exact decimal: a JSON string holding a number ({@code "67523.1"}), a JSON number
     * ({@code 3.426e-5}, read from its text), or {@code null} for JSON null or an empty string.
     *
     * @throws NumberFormatException when a string does not hold a number
     */
    public static BigDecimal decimal(JsonParser parser, JsonParser.Event event) {
        switch (event) {
            case VALUE_NUMBER:
                // Parsson builds the BigDecimal from its own buffer: no String in between.
                return parser.getBigDecimal();
            case VALUE_STRING:
                return WireText.decimal(parser.getString());
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalStateException("expected a number, got " + event);
        }
    }

    /** The current scalar as text (string or number), or {@code null} for JSON null. */
    public static String text(JsonParser parser, JsonParser.Event event) {
        switch (event) {
            case VALUE_STRING:
            case VALUE_NUMBER:
                return parser.getString();
            case VALUE_NULL:
                return null;
            case VALUE_TRUE:
                return "true";
            case VALUE_FALSE:
                return "false";
            default:
                throw new IllegalStateException("expected a scalar, got " + event);
        }
    }

    /**
     * Skips the value whose first event was just read (object, array or scalar). Walks the events instead of using
     * Parsson's {@code skipArray}/{@code skipObject}, which loop forever on a frame cut off inside the value (found by
     * fuzzing); here a cut-off frame throws {@link jakarta.json.stream.JsonParsingException} like any malformed one.
     */
    public static void skip(JsonParser parser, JsonParser.Event event) {
        if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
            skipRest(parser);
        }
    }

    /**
     * Skips the rest of the array or object the parser is inside, up to and including its end; the replacement for
     * Parsson's {@code skipArray()}/{@code skipObject()} (see {@link #skip}).
     */
    public static void skipRest(JsonParser parser) {
        int depth = 1;
        while (depth > 0) {
            if (!parser.hasNext()) {
                throw new jakarta.json.stream.JsonParsingException("the frame ends inside an array or object",
                        parser.getLocation());
            }
            switch (parser.next()) {
                case START_ARRAY, START_OBJECT -> depth++;
                case END_ARRAY, END_OBJECT -> depth--;
                default -> {
                    // scalars and keys inside the skipped value
                }
            }
        }
    }
}
