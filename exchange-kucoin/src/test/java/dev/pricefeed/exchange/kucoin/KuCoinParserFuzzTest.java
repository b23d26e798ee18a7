package dev.pricefeed.exchange.kucoin;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pricefeed.spi.support.SeparatorSymbols;
import dev.pricefeed.testkit.FuzzedFrames;

/**
 * Fuzzes the KuCoin parser, seeded with the sample frames. In {@code mvn verify} it replays its stored inputs
 * ({@code KuCoinParserFuzzTestInputs/parse}); with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class KuCoinParserFuzzTest {

    @FuzzTest(maxDuration = "15m", maxExecutions = 10_000_000)
    void parse(byte[] frame) {
        FuzzedFrames.parse(() -> new KuCoinParser(new SeparatorSymbols('-'), new PendingAcks(), new StreamOrder()), frame);
    }
}
