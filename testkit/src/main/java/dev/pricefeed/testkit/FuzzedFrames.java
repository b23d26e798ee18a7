package dev.pricefeed.testkit;

import dev.pricefeed.spi.MessageParser;
import jakarta.json.JsonException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a parser on a fuzzed frame and checks the parser contract the runtime relies on: only the documented
 * exceptions of a malformed frame escape (the runtime counts and skips those), never an {@link Error}, a
 * {@link ClassCastException}, an index exception or a NullPointerException of the parser's own; and what is reported
 * is whole (every tick and trade names its exchange and instrument); and a frame costs memory in proportion to its
 * size ({@link AllocationBound}). Used by each exchange module's {@code @FuzzTest}.
 */
public final class FuzzedFrames {

    /** What a malformed frame may throw: bad JSON, bad values, bad times, numbers out of range. */
    public static final List<Class<? extends RuntimeException>> DOCUMENTED = List.of(JsonException.class,
            IllegalArgumentException.class, IllegalStateException.class, DateTimeException.class,
            ArithmeticException.class);

    /** Inputs longer than this are cut: a frame of the fuzzer's sizes, well inside the 8 MB frame limit. */
    public static final int MAX_FRAME_BYTES = 64 * 1024;

    private FuzzedFrames() {
    }

    /** The frame text of fuzzer bytes (invalid UTF-8 becomes U+FFFD, as a WebSocket library would refuse it). */
    public static String text(byte[] data) {
        return new String(data, 0, Math.min(data.length, MAX_FRAME_BYTES), StandardCharsets.UTF_8);
    }

    /**
     * Parses the frame with a new parser into a recording sink, as {@link #parse(MessageParser, byte[])} does, and
     * checks that it allocates within {@link AllocationBound} (a parse over the bound is repeated with a new parser
     * before it fails, so class loading on a first run does not count).
     */
    public static void parse(Supplier<? extends MessageParser> parsers, byte[] data) {
        AllocationBound.check(Math.min(data.length, MAX_FRAME_BYTES), () -> parse(parsers.get(), data));
    }

    /** Parses the frame into a recording sink; a documented exception is the parser's way to say "malformed". */
    public static RecordingSink parse(MessageParser parser, byte[] data) {
        RecordingSink sink = new RecordingSink();
        String frame = text(data);
        try {
            parser.parse(frame, sink);
        } catch (RuntimeException e) {
            if (!isDocumented(e)) {
                throw new AssertionError("undocumented " + e.getClass().getName() + " escaped the parser for "
                        + abbreviate(frame), e);
            }
        }
        sink.ticks().forEach(tick -> {
            if (tick.exchange() == null || tick.exchange().isEmpty() || tick.instrument() == null) {
                throw new AssertionError("a tick without exchange or instrument: " + tick);
            }
        });
        sink.trades().forEach(trade -> {
            if (trade.exchange().isEmpty()) {
                throw new AssertionError("a trade without exchange: " + trade);
            }
        });
        return sink;
    }

    /**
     * Whether the exception is one a malformed frame may throw: one of {@link #DOCUMENTED}, or the null check of a
     * value type's constructor ({@code Trade}, {@code Tick}, an account event) refusing a frame that lacks a required
     * field ({@code price is null}), which the runtime counts and skips like any malformed frame. Any other
     * NullPointerException is a parser bug.
     */
    public static boolean isDocumented(RuntimeException e) {
        if (DOCUMENTED.stream().anyMatch(type -> type.isInstance(e))) {
            return true;
        }
        StackTraceElement[] trace = e.getStackTrace();
        return e instanceof NullPointerException && trace.length >= 2
                && trace[0].getClassName().equals("java.util.Objects") && trace[0].getMethodName().equals("requireNonNull")
                && trace[1].getMethodName().equals("<init>") && trace[1].getClassName().startsWith("dev.pricefeed.");
    }

    private static String abbreviate(String frame) {
        return frame.length() <= 300 ? frame : frame.substring(0, 300) + "... (" + frame.length() + " chars)";
    }
}
