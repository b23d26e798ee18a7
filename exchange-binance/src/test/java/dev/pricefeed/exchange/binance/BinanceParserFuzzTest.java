package dev.pricefeed.exchange.binance;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pricefeed.Instrument;
import dev.pricefeed.testkit.FuzzedFrames;
import java.util.List;

/**
 * Fuzzes the Binance parser, seeded with the sample frames. In {@code mvn verify} it replays its stored inputs
 * ({@code BinanceParserFuzzTestInputs/parse}); with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class BinanceParserFuzzTest {

    private final BinanceSymbols symbols = new BinanceSymbols(List.of(Instrument.of("BNB/BTC"),
            Instrument.of("BNB/USDT"), Instrument.of("BTC/USDT"), Instrument.of("ETH/USDT")));

    @FuzzTest(maxDuration = "15m", maxExecutions = 10_000_000)
    void parse(byte[] frame) {
        FuzzedFrames.parse(() -> new BinanceParser(symbols, new PendingRequests(), new QuoteOrder()), frame);
    }
}
