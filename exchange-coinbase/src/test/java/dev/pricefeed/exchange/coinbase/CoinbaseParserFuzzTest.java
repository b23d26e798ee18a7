package dev.pricefeed.exchange.coinbase;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pricefeed.spi.support.SeparatorSymbols;
import dev.pricefeed.spi.SymbolMapper;
import dev.pricefeed.testkit.FuzzedFrames;

/**
 * Fuzzes the Coinbase parser for both feeds (Exchange and Advanced Trade), seeded with the sample frames. In
 * {@code mvn verify} it replays its stored inputs ({@code CoinbaseParserFuzzTestInputs/parse}); with
 * {@code JAZZER_FUZZ=1} it fuzzes.
 */
class CoinbaseParserFuzzTest {

    private final SymbolMapper symbols = new SeparatorSymbols('-');

    @FuzzTest(maxDuration = "90s")
    void parse(byte[] frame) {
        for (CoinbaseFeed feed : CoinbaseFeed.values()) {
            FuzzedFrames.parse(new CoinbaseParser(symbols, new SubscriptionLedger(feed, symbols)),
                    frame);
        }
    }
}
