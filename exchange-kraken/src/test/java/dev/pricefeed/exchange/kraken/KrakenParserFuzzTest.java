package dev.pricefeed.exchange.kraken;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pricefeed.testkit.FuzzedFrames;

/**
 * Fuzzes the Kraken parser (v2 and the v1 frames it still reads), seeded with the sample frames. In {@code mvn verify}
 * it replays its stored inputs ({@code KrakenParserFuzzTestInputs/parse}); with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class KrakenParserFuzzTest {

    private final KrakenSymbols symbols = new KrakenSymbols(new KrakenPairCatalog());

    @FuzzTest(maxDuration = "15m", maxExecutions = 10_000_000)
    void parse(byte[] frame) {
        FuzzedFrames.parse(() -> new KrakenParser(new KrakenConnectionState(symbols)), frame);
    }
}
