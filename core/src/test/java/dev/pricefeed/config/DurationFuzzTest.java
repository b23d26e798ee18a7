package dev.pricefeed.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;

/**
 * Fuzzes the duration parser of every time setting: it either returns a duration or throws one of its documented
 * exceptions (bad number or unit, ISO text that is not a duration, a value beyond what a duration holds).
 */
class DurationFuzzTest {

    @FuzzTest(maxDuration = "15m", maxExecutions = 10_000_000)
    void parse(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            Duration parsed = FeedConfig.parseDuration(text);
            if (parsed == null) {
                throw new AssertionError("null duration for " + text);
            }
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            // documented: the setting is reported as invalid
        }
    }
}
