package dev.pricefeed.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the reader of {@code pricefeed replay}'s recordings: each line is a recorded frame or an
 * IllegalArgumentException (reported by replay as an {@code error} event and skipped), nothing else.
 */
class RecordedFrameFuzzTest {

    @FuzzTest(maxDuration = "90s")
    void parse(byte[] data) {
        String line = new String(data, StandardCharsets.UTF_8);
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
