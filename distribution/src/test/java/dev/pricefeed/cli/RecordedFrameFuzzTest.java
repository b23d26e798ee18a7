package dev.pricefeed.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pricefeed.testkit.AllocationBound;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the reader of {@code pricefeed replay}'s recordings: each line is a recorded frame or an
 * IllegalArgumentException (reported by replay as an {@code error} event and skipped), nothing else; and a line costs
 * memory in proportion to its length ({@link AllocationBound}).
 */
class RecordedFrameFuzzTest {

    @FuzzTest(maxDuration = "15m", maxExecutions = 10_000_000)
    void parse(byte[] data) {
        AllocationBound.check(data.length, () -> read(new String(data, StandardCharsets.UTF_8)));
    }

    private static void read(String line) {
        try {
            RecordedFrame frame = RecordedFrame.parse(line);
            if (frame.receivedAt() == null || frame.frame() == null) {
                throw new AssertionError("a recorded frame without its members: " + frame);
            }
        } catch (IllegalArgumentException e) {
            // documented: the line is reported and skipped
        }
    }
}
