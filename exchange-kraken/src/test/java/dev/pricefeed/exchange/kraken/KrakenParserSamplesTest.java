package dev.pricefeed.exchange.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.Side;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.testkit.RecordingSink;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every Kraken sample frame from the shared protocol samples, parsed with exact values. */
class KrakenParserSamplesTest {

    private static final Instrument ALGO_USD = Instrument.of("ALGO/USD");
    private static final Instrument MATIC_USD = Instrument.of("MATIC/USD");

    private final KrakenSymbols symbols = new KrakenSymbols(new KrakenPairCatalog());
    private final RecordingSink sink = new RecordingSink();

    /** A parser as {@code newParser(Optional.empty())} makes it. */
    private KrakenParser replayParser() {
        return new KrakenParser(new KrakenConnectionState(symbols));
    }

    private void parse(String sample) {
        replayParser().parse(Samples.read(sample), sink);
    }

    private static BigDecimal d(String text) {
        return new BigDecimal(text);
    }

    @Test
    @DisplayName("v2 ticker snapshot: every field exact, open derived as last - change, timestamp kept")
    void v2TickerSnapshot() {
        parse("v2-ticker-snapshot.json");

        assertThat(sink.ticks()).hasSize(1);
        Tick tick = sink.ticks().get(0);
        assertThat(tick.exchange()).isEqualTo("kraken");
        assertThat(tick.instrument()).isEqualTo(ALGO_USD);
        assertThat(tick.bid()).isEqualTo(d("0.10025"));
        assertThat(tick.bidSize()).isEqualTo(d("740.0"));
        assertThat(tick.ask()).isEqualTo(d("0.10036"));
        assertThat(tick.askSize()).isEqualTo(d("1361.44813783"));
        assertThat(tick.last()).isEqualTo(d("0.10035"));
        assertThat(tick.volume()).isEqualTo(d("997038.98383185"));
        assertThat(tick.vwap()).isEqualTo(d("0.10148"));
        assertThat(tick.low()).isEqualTo(d("0.09979"));
        assertThat(tick.high()).isEqualTo(d("0.10285"));
        assertThat(tick.open()).isEqualTo(d("0.10052"));
        assertThat(tick.change24h()).isEqualTo(d("-0.00017"));
        assertThat(tick.lastSize()).isNull();
        assertThat(tick.quoteVolume()).isNull();
        assertThat(tick.exchangeTime()).isEqualTo(Instant.parse("2023-09-25T09:04:31.742648Z"));
        assertThat(tick.receivedAt()).isEqualTo(RecordingSink.RECEIVED_AT);
        assertThat(tick.sequence()).isNull();
        assertThat(sink.unknown()).isEmpty();
    }

    @Test
    @DisplayName("v2 trade snapshot: both trades exact, side, trade id and its per-book sequence")
    void v2TradeSnapshot() {
        parse("v2-trade-snapshot.json");

        assertThat(sink.trades()).hasSize(2);
        Trade first = sink.trades().get(0);
        assertThat(first.exchange()).isEqualTo("kraken");
        assertThat(first.instrument()).isEqualTo(MATIC_USD);
        assertThat(first.price()).isEqualTo(d("0.5147"));
        assertThat(first.size()).isEqualTo(d("6423.46326"));
        assertThat(first.side()).isEqualTo(Side.BUY);
        assertThat(first.tradeId()).isEqualTo("4665846");
        assertThat(first.exchangeTime()).isEqualTo(Instant.parse("2023-09-25T07:48:36.925533Z"));
        Trade second = sink.trades().get(1);
        assertThat(second.price()).isEqualTo(d("0.5147"));
        assertThat(second.size()).isEqualTo(d("1136.19677815"));
        assertThat(second.tradeId()).isEqualTo("4665847");
        assertThat(second.exchangeTime()).isEqualTo(Instant.parse("2023-09-25T07:49:36.925603Z"));
        assertThat(sink.sequences()).containsExactly(
                new RecordingSink.Sequence("trade:MATIC/USD", MATIC_USD, 4665846),
                new RecordingSink.Sequence("trade:MATIC/USD", MATIC_USD, 4665847));
    }

    @Test
    @DisplayName("a trade snapshot after a reconnect delivers only the trades not delivered before")
    void snapshotAfterReconnectDeliversOnlyMissedTrades() {
        KrakenParser first = new KrakenParser(new KrakenConnectionState(symbols));
        first.parse(Samples.read("v2-trade-snapshot.json"), sink);

        KrakenParser next = new KrakenParser(new KrakenConnectionState(symbols));
        next.parse(Samples.read("v2-trade-snapshot.json").replace("4665846", "4665848"), sink);

        assertThat(sink.trades()).extracting(Trade::tradeId).containsExactly("4665846", "4665847", "4665848");
    }

    @Test
    @DisplayName("v2 status: liveness only; connection_id beyond long range does not break parsing")
    void v2Status() {
        parse("v2-status-update.json");

        assertThat(sink.heartbeats()).isEqualTo(1);
        assertThat(sink.ticks()).isEmpty();
        assertThat(sink.errors()).isEmpty();
        assertThat(sink.unknown()).isEmpty();
    }

    @Test
    @DisplayName("v2 heartbeat counts as a heartbeat")
    void v2Heartbeat() {
        parse("v2-heartbeat.json");

        assertThat(sink.heartbeats()).isEqualTo(1);
        assertThat(sink.unknown()).isEmpty();
    }

    @Test
    @DisplayName("v2 pong answers the application ping")
    void v2Pong() {
        parse("v2-pong.json");

        assertThat(sink.pongs()).isEqualTo(1);
        assertThat(sink.unknown()).isEmpty();
    }

    @Test
    @DisplayName("v2 per-symbol ticker ack confirms that instrument's ticker")
    void v2TickerAck() {
        parse("v2-subscribe-ack-ticker.json");

        assertThat(sink.subscribed()).containsExactly(
                new RecordingSink.Subscribed(Channel.TICKER, Instrument.of("BTC/USD")));
    }

    @Test
    @DisplayName("v2 balances ack confirms the account channel")
    void v2BalancesAck() {
        parse("v2-subscribe-ack-balances.json");

        assertThat(sink.subscribed()).containsExactly(new RecordingSink.Subscribed(Channel.BALANCES, null));
    }

    @Test
    @DisplayName("v2 balances snapshot: typed balances with exact amounts and wallets, sequence checked")
    void v2BalancesSnapshot() {
        parse("v2-balances-snapshot.json");

        assertThat(sink.connectionSequences()).containsExactly(new RecordingSink.Sequence("balances", null, 1));
        assertThat(sink.accountEvents()).hasSize(3).allSatisfy(e -> {
            assertThat(e.exchange()).isEqualTo("kraken");
            assertThat(e.channel()).isEqualTo(Channel.BALANCES);
            assertThat(e.receivedAt()).isEqualTo(RecordingSink.RECEIVED_AT);
        });
        KrakenBalance btc = (KrakenBalance) sink.accountEvents().get(0);
        assertThat(btc.asset()).isEqualTo("BTC");
        assertThat(btc.assetClass()).isEqualTo("currency");
        assertThat(btc.balance()).isEqualTo(d("1.2"));
        assertThat(btc.wallets()).containsExactly(new KrakenWallet("spot", "main", d("1.2")));
        assertThat(btc.sequence()).isEqualTo(1);
        KrakenBalance matic = (KrakenBalance) sink.accountEvents().get(1);
        assertThat(matic.balance()).isEqualTo(d("500"));
        assertThat(matic.wallets()).containsExactly(new KrakenWallet("spot", "main", d("300")),
                new KrakenWallet("earn", "flex", d("200")));
        KrakenBalance usd = (KrakenBalance) sink.accountEvents().get(2);
        assertThat(usd.asset()).isEqualTo("USD");
        assertThat(usd.balance()).isEqualTo(d("80595.4943"));
    }

    @Test
    @DisplayName("v2 balances update: a typed ledger entry with exact amount, fee and balance")
    void v2BalancesUpdate() {
        parse("v2-balances-update-deposit.json");

        assertThat(sink.connectionSequences()).containsExactly(new RecordingSink.Sequence("balances", null, 2));
        assertThat(sink.accountEvents()).singleElement().isInstanceOfSatisfying(KrakenBalanceChange.class, c -> {
            assertThat(c.ledgerId()).isEqualTo("ADKKFF-WEA5A-CNUBHG");
            assertThat(c.refId()).isEqualTo("AGBWUJRU-LAREZ-W3UFAN");
            assertThat(c.exchangeTime()).isEqualTo(Instant.parse("2023-09-22T10:23:42.925034Z"));
            assertThat(c.type()).isEqualTo("deposit");
            assertThat(c.category()).isEqualTo("deposit");
            assertThat(c.asset()).isEqualTo("BTC");
            assertThat(c.assetClass()).isEqualTo("currency");
            assertThat(c.walletType()).isEqualTo("spot");
            assertThat(c.walletId()).isEqualTo("main");
            assertThat(c.amount()).isEqualTo(d("0.01"));
            assertThat(c.fee()).isEqualTo(d("0.0"));
            assertThat(c.balance()).isEqualTo(d("0.02"));
            assertThat(c.sequence()).isEqualTo(2);
            assertThat(c.channel()).isEqualTo(Channel.BALANCES);
        });
    }

    @Test
    @DisplayName("a balances frame whose sequence is not newer is dropped")
    void staleBalancesFrameIsDropped() {
        KrakenParser parser = replayParser();
        parser.parse(Samples.read("v2-balances-update-deposit.json"), sink);
        parser.parse(Samples.read("v2-balances-update-deposit.json"), sink);

        assertThat(sink.accountEvents()).hasSize(1);
    }

    @Test
    @DisplayName("v2 requests (subscribe, ping) found in a recording are skipped as unknown, never misread")
    void v2RequestsAreUnknown() {
        parse("v2-subscribe-ticker-request.json");
        parse("v2-subscribe-trade-request.json");
        parse("v2-subscribe-balances-request.json");
        parse("v2-ping-request.json");

        assertThat(sink.unknown()).hasSize(4);
        assertThat(sink.subscribeFailures()).isEmpty();
        assertThat(sink.subscribed()).isEmpty();
        assertThat(sink.pongs()).isZero();
    }

    @Test
    @DisplayName("v1 ticker (docs): exact 24 h figures from the second element, sizes from lot volume")
    void v1TickerDocs() {
        parse("v1-ticker-update-docs.json");

        assertThat(sink.ticks()).singleElement().satisfies(tick -> {
            assertThat(tick.instrument()).isEqualTo(Instrument.of("BTC/USD"));
            assertThat(tick.ask()).isEqualTo(d("5525.40000"));
            assertThat(tick.askSize()).isEqualTo(d("1.000"));
            assertThat(tick.bid()).isEqualTo(d("5525.10000"));
            assertThat(tick.bidSize()).isEqualTo(d("1.000"));
            assertThat(tick.last()).isEqualTo(d("5525.10000"));
            assertThat(tick.lastSize()).isEqualTo(d("0.00398963"));
            assertThat(tick.high()).isEqualTo(d("5783.00000"));
            assertThat(tick.low()).isEqualTo(d("5505.00000"));
            assertThat(tick.open()).isEqualTo(d("5763.40000"));
            assertThat(tick.vwap()).isEqualTo(d("5653.78939"));
            assertThat(tick.volume()).isEqualTo(d("3591.17907851"));
        });
    }

    @Test
    @DisplayName("v1 ticker (recorded 2021): exact values")
    void v1TickerRecorded() {
        parse("v1-ticker-update-recorded-2021.json");

        assertThat(sink.ticks()).singleElement().satisfies(tick -> {
            assertThat(tick.instrument()).isEqualTo(Instrument.of("WAVES/EUR"));
            assertThat(tick.ask()).isEqualTo(d("13.253900"));
            assertThat(tick.askSize()).isEqualTo(d("35.72892241"));
            assertThat(tick.bid()).isEqualTo(d("13.232900"));
            assertThat(tick.bidSize()).isEqualTo(d("185.18432037"));
            assertThat(tick.last()).isEqualTo(d("13.253900"));
            assertThat(tick.lastSize()).isEqualTo(d("3.71672000"));
            assertThat(tick.volume()).isEqualTo(d("72035.05488104"));
            assertThat(tick.vwap()).isEqualTo(d("13.734728"));
            assertThat(tick.low()).isEqualTo(d("13.021800"));
            assertThat(tick.high()).isEqualTo(d("14.211200"));
            assertThat(tick.open()).isEqualTo(d("13.428300"));
        });
    }

    @Test
    @DisplayName("v1 trades (docs): two trades with exact price, size, side and microsecond time")
    void v1TradesDocs() {
        parse("v1-trade-update-docs.json");

        assertThat(sink.trades()).hasSize(2);
        Trade sell = sink.trades().get(0);
        assertThat(sell.instrument()).isEqualTo(Instrument.of("BTC/USD"));
        assertThat(sell.price()).isEqualTo(d("5541.20000"));
        assertThat(sell.size()).isEqualTo(d("0.15850568"));
        assertThat(sell.side()).isEqualTo(Side.SELL);
        assertThat(sell.tradeId()).isNull();
        assertThat(sell.exchangeTime()).isEqualTo(Instant.ofEpochSecond(1534614057L, 321_597_000));
        Trade buy = sink.trades().get(1);
        assertThat(buy.price()).isEqualTo(d("6060.00000"));
        assertThat(buy.size()).isEqualTo(d("0.02455000"));
        assertThat(buy.side()).isEqualTo(Side.BUY);
        assertThat(buy.exchangeTime()).isEqualTo(Instant.ofEpochSecond(1534614057L, 324_998_000));
    }

    @Test
    @DisplayName("v1 trade (recorded 2021): exact values")
    void v1TradeRecorded() {
        parse("v1-trade-update-recorded-2021.json");

        assertThat(sink.trades()).singleElement().satisfies(trade -> {
            assertThat(trade.instrument()).isEqualTo(Instrument.of("XMR/USD"));
            assertThat(trade.price()).isEqualTo(d("354.11000000"));
            assertThat(trade.size()).isEqualTo(d("0.89594024"));
            assertThat(trade.side()).isEqualTo(Side.SELL);
            assertThat(trade.exchangeTime()).isEqualTo(Instant.ofEpochSecond(1618678142L, 557_535_000));
        });
    }

    @Test
    @DisplayName("v1 heartbeat, system status (docs and recorded, 64-bit connection ids) and pong")
    void v1Events() {
        parse("v1-heartbeat-recorded-2021.json");
        parse("v1-system-status-docs.json");
        parse("v1-system-status-recorded-2021.json");
        parse("v1-pong-docs.json");

        assertThat(sink.heartbeats()).isEqualTo(3);
        assertThat(sink.pongs()).isEqualTo(1);
        assertThat(sink.unknown()).isEmpty();
    }

    @Test
    @DisplayName("v1 subscription status confirms the pair's ticker")
    void v1SubscriptionStatus() {
        parse("v1-subscription-status-recorded-2021.json");

        assertThat(sink.subscribed()).containsExactly(
                new RecordingSink.Subscribed(Channel.TICKER, Instrument.of("WAVES/EUR")));
    }

    @Test
    @DisplayName("v1 requests (ping, subscribe) found in a recording are skipped as unknown")
    void v1RequestsAreUnknown() {
        parse("v1-ping-request-docs.json");
        parse("v1-subscribe-ticker-request-docs.json");

        assertThat(sink.unknown()).hasSize(2);
        assertThat(sink.pongs()).isZero();
        assertThat(sink.subscribed()).isEmpty();
    }
}
