package dev.pricefeed.exchange.kucoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.Side;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.spi.Subscription;
import dev.pricefeed.spi.SymbolMapper;
import dev.pricefeed.spi.support.SeparatorSymbols;
import dev.pricefeed.testkit.RecordingSink;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KuCoinParserTest {

    private static final Instrument BTC_USDT = Instrument.of("BTC/USDT");

    private final SymbolMapper symbols = new SeparatorSymbols('-');
    private final PendingAcks acks = new PendingAcks();
    private final KuCoinParser parser = new KuCoinParser(symbols, acks, new StreamOrder());
    private final RecordingSink sink = new RecordingSink().forbid(RecordingSink.Call.ACCOUNT);

    private void parse(String fixture) {
        parser.parse(Fixtures.read(fixture), sink);
    }

    @Test
    void tickerDocsExampleKeepsEveryDecimalAndReadsCapitalizedTime() {
        parse("ws-ticker-docs.json");

        assertThat(sink.ticks()).hasSize(1);
        Tick tick = sink.ticks().get(0);
        assertThat(tick.exchange()).isEqualTo("kucoin");
        assertThat(tick.instrument()).isEqualTo(BTC_USDT);
        assertThat(tick.last()).isEqualTo(new BigDecimal("0.08"));
        assertThat(tick.lastSize()).isEqualTo(new BigDecimal("0.011"));
        assertThat(tick.ask()).isEqualTo(new BigDecimal("0.08"));
        assertThat(tick.askSize()).isEqualTo(new BigDecimal("0.18"));
        assertThat(tick.bid()).isEqualTo(new BigDecimal("0.049"));
        assertThat(tick.bidSize()).isEqualTo(new BigDecimal("0.036"));
        assertThat(tick.exchangeTime()).isEqualTo(Instant.ofEpochMilli(1704873323416L));
        assertThat(tick.sequence()).isEqualTo(1545896668986L);
        assertThat(tick.receivedAt()).isEqualTo(RecordingSink.RECEIVED_AT);
        assertThat(tick.open()).isNull();
        assertThat(sink.sequences()).as("ticker sequences jump by design: never a gap").isEmpty();
    }

    @Test
    void recordedTickerWithDataBeforeTopicIsRead() {
        parse("ws-ticker-recorded-2021.json");

        Tick tick = sink.ticks().get(0);
        assertThat(tick.instrument()).isEqualTo(Instrument.of("SNX/BTC"));
        assertThat(tick.last()).isEqualTo(new BigDecimal("0.00028676"));
        assertThat(tick.lastSize()).isEqualTo(new BigDecimal("0.01745248"));
        assertThat(tick.bid()).isEqualTo(new BigDecimal("0.00028678"));
        assertThat(tick.bidSize()).isEqualTo(new BigDecimal("3.70422021"));
        assertThat(tick.ask()).isEqualTo(new BigDecimal("0.00028717"));
        assertThat(tick.askSize()).isEqualTo(new BigDecimal("14.04274325"));
        assertThat(tick.exchangeTime()).isEqualTo(Instant.ofEpochMilli(1619378326323L));
        assertThat(tick.sequence()).isEqualTo(1612844051653L);
    }

    @Test
    void allTickersTakesTheSymbolFromTheSubject() {
        parse("ws-all-tickers-docs.json");

        Tick tick = sink.ticks().get(0);
        assertThat(tick.instrument()).isEqualTo(BTC_USDT);
        assertThat(tick.last()).isEqualTo(new BigDecimal("67220"));
        assertThat(tick.lastSize()).isEqualTo(new BigDecimal("0.00004316"));
        assertThat(tick.bid()).isEqualTo(new BigDecimal("67218.6"));
        assertThat(tick.bidSize()).isEqualTo(new BigDecimal("0.01045638"));
        assertThat(tick.ask()).isEqualTo(new BigDecimal("67218.7"));
        assertThat(tick.askSize()).isEqualTo(new BigDecimal("1.92318539"));
        assertThat(tick.exchangeTime()).isEqualTo(Instant.ofEpochMilli(1729757723612L));
        assertThat(tick.sequence()).isEqualTo(14691455768L);
    }

    @Test
    void repeatedTickerSequenceIsDropped() {
        parse("ws-ticker-docs.json");
        parse("ws-ticker-docs.json");

        assertThat(sink.ticks()).hasSize(1);
    }

    @Test
    void tickerSequenceThatJumpsIsTakenAndAnOlderOneDropped() {
        String frame = Fixtures.read("ws-ticker-docs.json");
        parser.parse(frame, sink);
        parser.parse(frame.replace("1545896668986", "1545896669986").replace("\"price\":\"0.08\"",
                "\"price\":\"0.09\""), sink);
        parser.parse(frame.replace("1545896668986", "1545896669000"), sink);

        assertThat(sink.ticks()).extracting(Tick::sequence).containsExactly(1545896668986L, 1545896669986L);
        assertThat(sink.ticks().get(1).last()).isEqualTo(new BigDecimal("0.09"));
        assertThat(sink.sequences()).isEmpty();
    }

    @Test
    void orderIsKeptAcrossParsersSharingIt() {
        StreamOrder shared = new StreamOrder();
        KuCoinParser oldConnection = new KuCoinParser(symbols, new PendingAcks(), shared);
        KuCoinParser newConnection = new KuCoinParser(symbols, new PendingAcks(), shared);
        String frame = Fixtures.read("ws-trade-match-docs.json");

        newConnection.parse(frame, sink);
        oldConnection.parse(frame, sink);

        assertThat(sink.trades()).hasSize(1);
    }

    @Test
    void level1IsABidAskOnlyTick() {
        parse("ws-level1-bbo-docs.json");

        Tick tick = sink.ticks().get(0);
        assertThat(tick.instrument()).isEqualTo(BTC_USDT);
        assertThat(tick.ask()).isEqualTo(new BigDecimal("68145.8"));
        assertThat(tick.askSize()).isEqualTo(new BigDecimal("0.51987471"));
        assertThat(tick.bid()).isEqualTo(new BigDecimal("68145.7"));
        assertThat(tick.bidSize()).isEqualTo(new BigDecimal("1.29267802"));
        assertThat(tick.exchangeTime()).isEqualTo(Instant.ofEpochMilli(1729816058766L));
        assertThat(tick.last()).isNull();
        assertThat(tick.sequence()).isNull();
    }

    @Test
    void olderLevel1IsDroppedButOneOfTheSameMillisecondIsKept() {
        String frame = Fixtures.read("ws-level1-bbo-docs.json");
        parser.parse(frame, sink);
        parser.parse(frame.replace("68145.7", "68145.6"), sink);
        parser.parse(frame.replace("1729816058766", "1729816058765").replace("68145.7", "1"), sink);

        assertThat(sink.ticks()).extracting(Tick::bid).containsExactly(new BigDecimal("68145.7"),
                new BigDecimal("68145.6"));
    }

    @Test
    void level1WithAnEmptySideLeavesThatSideOut() {
        parser.parse("{\"topic\":\"/spotMarket/level1:ETH-USDT\",\"type\":\"message\",\"subject\":\"level1\","
                + "\"data\":{\"asks\":[],\"bids\":[\"2000.5\",\"3\"],\"timestamp\":1729816058767}}", sink);

        Tick tick = sink.ticks().get(0);
        assertThat(tick.ask()).isNull();
        assertThat(tick.askSize()).isNull();
        assertThat(tick.bid()).isEqualTo(new BigDecimal("2000.5"));
        assertThat(tick.bidSize()).isEqualTo(new BigDecimal("3"));
    }

    @Test
    void snapshotIsStatisticsWithLastBidAndAskAndExactNumbers() {
        parse("ws-snapshot-docs-3470065.json");

        assertThat(sink.ticks()).isEmpty();
        Tick tick = sink.statistics().get(0);
        assertThat(tick.instrument()).isEqualTo(BTC_USDT);
        assertThat(tick.open()).isEqualTo(new BigDecimal("66842.90000000000000000000"));
        assertThat(tick.high()).isEqualTo(new BigDecimal("67611.80000000000000000000"));
        assertThat(tick.low()).isEqualTo(new BigDecimal("65257.10000000000000000000"));
        assertThat(tick.volume()).isEqualTo(new BigDecimal("2227.69895852000000000000"));
        assertThat(tick.quoteVolume()).isEqualTo(new BigDecimal("147972941.07857507300000000000"));
        assertThat(tick.vwap()).isEqualTo(new BigDecimal("66867.89967612"));
        assertThat(tick.exchangeTime()).isEqualTo(Instant.ofEpochMilli(1729758286011L));
        // reported as statistics, so the cache lets these fill in but never overwrite a newer ticker or level-1 quote
        assertThat(tick.last()).isEqualTo(new BigDecimal("67158.1"));
        assertThat(tick.bid()).isEqualTo(new BigDecimal("67158.1"));
        assertThat(tick.bidSize()).isEqualTo(new BigDecimal("0.81772627"));
        assertThat(tick.ask()).isEqualTo(new BigDecimal("67158.2"));
        assertThat(tick.askSize()).isEqualTo(new BigDecimal("1.15955795"));
    }

    @Test
    void tradeDocsExampleHasNanosecondTimeAndTakerSide() {
        parse("ws-trade-match-docs.json");

        assertThat(sink.trades()).hasSize(1);
        Trade trade = sink.trades().get(0);
        assertThat(trade.exchange()).isEqualTo("kucoin");
        assertThat(trade.instrument()).isEqualTo(BTC_USDT);
        assertThat(trade.price()).isEqualTo(new BigDecimal("67523"));
        assertThat(trade.size()).isEqualTo(new BigDecimal("0.003"));
        assertThat(trade.side()).isEqualTo(Side.BUY);
        assertThat(trade.tradeId()).isEqualTo("11067996711960577");
        assertThat(trade.exchangeTime()).isEqualTo(Instant.ofEpochSecond(1729843222L, 921_000_000L));
        assertThat(trade.receivedAt()).isEqualTo(RecordingSink.RECEIVED_AT);
        assertThat(sink.sequences()).as("match sequences jump by design: never a gap").isEmpty();
    }

    @Test
    void recordedTradeKeepsTinyPricesAndEveryNanosecond() {
        parse("ws-trade-match-recorded-2021.json");

        Trade trade = sink.trades().get(0);
        assertThat(trade.instrument()).isEqualTo(Instrument.of("DAPPT/BTC"));
        assertThat(trade.price()).isEqualTo(new BigDecimal("0.0000001117"));
        assertThat(trade.size()).isEqualTo(new BigDecimal("81.8814"));
        assertThat(trade.side()).isEqualTo(Side.BUY);
        assertThat(trade.tradeId()).isEqualTo("6085c09769bc506996295e36");
        assertThat(trade.exchangeTime()).isEqualTo(Instant.parse("2021-04-25T19:18:47.739050725Z"));
    }

    @Test
    void duplicateTradeIsDropped() {
        parse("ws-trade-match-docs.json");
        parse("ws-trade-match-docs.json");

        assertThat(sink.trades()).hasSize(1);
    }

    @Test
    void sellSideIsTheTakersSell() {
        parser.parse(Fixtures.read("ws-trade-match-docs.json").replace("\"side\":\"buy\"", "\"side\":\"sell\""), sink);

        assertThat(sink.trades().get(0).side()).isEqualTo(Side.SELL);
    }

    @Test
    void welcomeFramesAreWelcomes() {
        parse("ws-welcome-docs.json");
        parse("ws-welcome-recorded-2021.json");

        assertThat(sink.welcomes()).isEqualTo(2);
        assertThat(sink.calls()).isEqualTo(2);
    }

    @Test
    void pongIsAPong() {
        parse("ws-pong-docs.json");

        assertThat(sink.pongs()).isEqualTo(1);
        assertThat(sink.calls()).isEqualTo(1);
    }

    @Test
    void ackConfirmsEverySubscriptionOfTheMessage() {
        Subscription btc = new Subscription(Channel.TRADES, BTC_USDT);
        Subscription eth = new Subscription(Channel.TRADES, Instrument.of("ETH/USDT"));
        register("1545910660739", btc, eth);

        parse("ws-ack-docs.json");

        assertThat(sink.subscribed()).containsExactly(
                new RecordingSink.Subscribed(Channel.TRADES, BTC_USDT),
                new RecordingSink.Subscribed(Channel.TRADES, Instrument.of("ETH/USDT")));
    }

    @Test
    void ackOfAnotherIdConfirmsNothing() {
        register("2", new Subscription(Channel.TRADES, BTC_USDT));

        parse("ws-ack-recorded-2021.json");

        assertThat(sink.subscribed()).isEmpty();
        assertThat(acks.size()).isEqualTo(1);
    }

    @Test
    void errorAnsweringASubscribeFailsItWithKuCoinsCodeAndText() {
        register("1", new Subscription(Channel.TRADES, BTC_USDT));

        parse("ws-error-ccxt-comment.json");

        assertThat(sink.subscribeFailures()).containsExactly(
                new RecordingSink.SubscribeFailure(Channel.TRADES, BTC_USDT,
                        "KuCoin error 415: type is not supported"));
        assertThat(sink.errors()).isEmpty();
        assertThat(sink.reconnects()).isEmpty();
    }

    @Test
    void errorNotAnsweringASubscribeIsAnExchangeError() {
        parse("ws-error-ccxt-comment.json");

        assertThat(sink.errors()).containsExactly(new RecordingSink.ExchangeError("415", "type is not supported"));
        assertThat(sink.reconnects()).isEmpty();
    }

    @Test
    void expiredTokenErrorAsksForAReconnect() {
        parser.parse("{\"id\":\"hQvf8jkno\",\"type\":\"error\",\"code\":401,\"data\":\"token is expired\"}", sink);

        assertThat(sink.errors()).containsExactly(new RecordingSink.ExchangeError("401", "token is expired"));
        assertThat(sink.reconnects()).singleElement().asString().contains("token is expired");
    }

    @Test
    void tokenErrorAnsweringASubscribeDoesNotRejectTheSubscriptionForGood() {
        register("5", new Subscription(Channel.TRADES, BTC_USDT));

        parser.parse("{\"id\":\"5\",\"type\":\"error\",\"code\":401,\"data\":\"token is expired\"}", sink);

        assertThat(sink.subscribeFailures()).isEmpty();
        assertThat(sink.errors()).containsExactly(new RecordingSink.ExchangeError("401", "token is expired"));
        assertThat(sink.reconnects()).hasSize(1);
        assertThat(acks.size()).isZero();
    }

    @Test
    void bookTopicsThisPluginDoesNotUseAreUnknown() {
        parse("ws-level2-increment-docs.json");
        parse("ws-level5-depth-docs.json");

        assertThat(sink.unknown()).containsExactly("trade.l2update", "level2");
        assertThat(sink.ticks()).isEmpty();
    }

    @Test
    void clientRequestsAndTheUnifiedFeedAreUnknown() {
        parse("ws-ping-request-docs.json");
        parse("ws-subscribe-ticker-request-docs.json");
        parse("ws-unsubscribe-request-docs.json");
        parse("uta-ws-ticker-jkorf-fixture.json");

        assertThat(sink.unknown()).containsExactly("ping", "subscribe", "unsubscribe", "untyped");
        assertThat(sink.calls()).isEqualTo(4);
    }

    @Test
    void unmappableSymbolIsUnknownNotATick() {
        parser.parse(Fixtures.read("ws-ticker-docs.json").replace("BTC-USDT", "btc_usdt"), sink);

        assertThat(sink.ticks()).isEmpty();
        assertThat(sink.unknown()).hasSize(1);
    }

    @Test
    void unknownFieldsAndNewMessageTypesAreSkipped() {
        parser.parse("{\"type\":\"notice\",\"extra\":{\"a\":[1,2,{\"b\":null}]},\"data\":[1]}", sink);
        parser.parse("{\"type\":\"message\",\"topic\":\"/market/ticker:BTC-USDT\",\"subject\":\"trade.ticker\","
                + "\"newField\":{\"x\":1},\"data\":{\"future\":[[\"1\"]],\"price\":\"1.50\",\"sequence\":\"7\"}}", sink);

        assertThat(sink.unknown()).containsExactly("notice");
        assertThat(sink.ticks()).singleElement().extracting(Tick::last).isEqualTo(new BigDecimal("1.50"));
    }

    @Test
    void frameThatIsNotAnObjectIsRejected() {
        assertThatThrownBy(() -> parser.parse("[1,2]", sink)).isInstanceOf(IllegalArgumentException.class);
    }

    private void register(String id, Subscription... subscriptions) {
        List<PendingAcks.Waiting> waiting = java.util.Arrays.stream(subscriptions).map(PendingAcks.Waiting::new)
                .peek(PendingAcks.Waiting::addMessage).toList();
        acks.register(id, waiting);
    }
}
