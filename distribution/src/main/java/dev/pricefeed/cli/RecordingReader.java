package dev.pricefeed.cli;

import dev.pricefeed.FeedEvent;
import dev.pricefeed.FrameReplay;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Feeds a recording ({@code pricefeed record}: one {@link RecordedFrame} per line) or, with {@code raw}, a file of
 * frames as received, line by line into a {@link FrameReplay}; for {@code replay} and {@code candles --from}.
 */
final class RecordingReader {

    private final Path file;
    private final boolean raw;
    private final Clock clock;
    private long line;
    private long badLines;

    /**
     * @param file the recording, or raw frames one per line
     * @param raw whether the file holds raw frames (their receive time is then the clock's)
     * @param clock the clock for raw frames and events
     */
    RecordingReader(Path file, boolean raw, Clock clock) {
        this.file = file;
        this.raw = raw;
        this.clock = clock;
    }

    /** The number of the line being read (1-based): events raised while a frame is replayed come from it. */
    long line() {
        return line;
    }

    /** Lines that were not recording lines, each reported as an event. */
    long badLines() {
        return badLines;
    }

    /**
     * Replays the file's frames in order, skipping blank lines, until its end or until {@code stop} says so. A line
     * that is not a recording line is skipped and reported to {@code events} as a {@code recording} error.
     */
    void replayInto(FrameReplay replay, Consumer<FeedEvent> events, BooleanSupplier stop) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            while (!stop.getAsBoolean() && (text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                if (raw) {
                    replay.replay(text, clock.instant());
                    continue;
                }
                RecordedFrame recorded;
                try {
                    recorded = RecordedFrame.parse(text);
                } catch (IllegalArgumentException e) {
                    badLines++;
                    events.accept(new FeedEvent.Error(replay.exchange(), clock.instant(), "recording",
                            file + " line " + line + " is not a recording line (" + e.getMessage()
                                    + "); use --raw for a file of raw frames"));
                    continue;
                }
                replay.replay(recorded.frame(), recorded.receivedAt());
            }
        }
    }
}
