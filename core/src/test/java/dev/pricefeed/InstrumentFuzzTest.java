package dev.pricefeed;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/** Fuzzes instrument parsing: a valid {@code BASE/QUOTE} that prints back as it parses, or IllegalArgumentException. */
class InstrumentFuzzTest {

    @FuzzTest(maxDuration = "15m", maxExecutions = 10_000_000)
    void parse(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        Instrument instrument;
        try {
            instrument = Instrument.of(text);
        } catch (IllegalArgumentException e) {
            return; // documented: not of the form BASE/QUOTE
        }
        if (!Instrument.of(instrument.toString()).equals(instrument)) {
            throw new AssertionError("instrument " + instrument + " does not parse back to itself");
        }
    }
}
