package dev.pricefeed.exchange.coinbase;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.spi.Subscription;
import dev.pricefeed.spi.SymbolMapper;
import dev.pricefeed.spi.support.SeparatorSymbols;
import dev.pricefeed.testkit.FuzzedFrames;
import java.util.List;

/**
 * Fuzzes the Coinbase parser for both feeds (Exchange and Advanced Trade), seeded with the sample frames. In
 * {@code mvn verify} it replays its stored inputs ({@code CoinbaseParserFuzzTestInputs/parse}); with
 * {@code JAZZER_FUZZ=1} it fuzzes.
 */
class CoinbaseParserFuzzTest {

    private static final List<Subscription> SENT = List.of(
            new Subscription(Channel.TICKER, Instrument.of("BTC/USD")),
            new Subscription(Channel.TRADES, Instrument.of("ETH/USD")));

    private final SymbolMapper symbols = new SeparatorSymbols('-');

    /**
     * The parser is the same code for both feeds; the feed only names the channels in the ledger of open subscribe
     * messages. So each input is parsed once, against the feed its length's parity picks (mutations reach both), with
     * one subscribe message open, so that {@code subscriptions} replies and error frames reach the ledger's checks.
     */
    @FuzzTest(maxDuration = "15m", maxExecutions = 10_000_000)
    void parse(byte[] frame) {
        CoinbaseFeed feed = CoinbaseFeed.values()[frame.length % CoinbaseFeed.values().length];
        FuzzedFrames.parse(() -> {
            SubscriptionLedger ledger = new SubscriptionLedger(feed, symbols);
            ledger.sent(SENT);
            return new CoinbaseParser(symbols, ledger);
        }, frame);
    }
}
