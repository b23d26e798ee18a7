package dev.pricefeed.benchmarks.parse;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.Reader;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The floor under {@link ParserBenchmark}: Parsson only, over the same frames, reading no value. {@code tokens} makes
 * a parser per frame and walks every event; {@code located} also asks the parser's location at every key and string
 * value, as {@code FrameReader} does to find a string in the frame. What {@code ParserBenchmark} costs above
 * {@code tokens} is the connector's own work (keys, decimals, times, the tick).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TokenizeFloorBenchmark {

    /** The sample frame, as {@code exchange/kind}. */
    @Param({"binance/ticker", "coinbase/ticker"})
    public String frame;

    private final JsonParserFactory factory = Json.createParserFactory(Map.of());
    private final ResetReader reader = new ResetReader();
    private String[] frames;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        frames = ParserBenchmark.cycle(frame);
        next = 0;
    }

    /** Every event of the frame, no value read. */
    @Benchmark
    public int tokens() {
        int events = 0;
        try (JsonParser parser = factory.createParser(reader.reset(nextFrame()))) {
            while (parser.hasNext()) {
                parser.next();
                events++;
            }
        }
        return events;
    }

    /** Every event, and the stream offset at every key and string value. */
    @Benchmark
    public long located() {
        long offsets = 0;
        try (JsonParser parser = factory.createParser(reader.reset(nextFrame()))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.KEY_NAME || event == JsonParser.Event.VALUE_STRING) {
                    offsets += parser.getLocation().getStreamOffset();
                }
            }
        }
        return offsets;
    }

    private String nextFrame() {
        if (next == frames.length) {
            next = 0;
        }
        return frames[next++];
    }

    /** A reader reset for each frame, so the floor holds no {@code StringReader} per frame. */
    private static final class ResetReader extends Reader {
        private String text = "";
        private int at;

        ResetReader reset(String frame) {
            text = frame;
            at = 0;
            return this;
        }

        @Override
        public int read(char[] into, int offset, int length) {
            int count = Math.min(text.length() - at, length);
            if (count <= 0) {
                return length == 0 ? 0 : -1;
            }
            text.getChars(at, at + count, into, offset);
            at += count;
            return count;
        }

        @Override
        public void close() {
            // reset for the next frame instead
        }
    }
}
