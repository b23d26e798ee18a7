package dev.pricefeed.exchange.coinbase;

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

class CoinbaseParserTest {

    private static final Instrument BTC_USD = Instrument.of("BTC/USD");
    private static final Instrument ETH_USD = Instrument.of("ETH/USD");
    private static final String STREAM = CoinbaseParser.ENVELOPE_STREAM;

    private final SymbolMapper symbols = new SeparatorSymbols('-');
    private final SubscriptionLedger exchangeLedger = new SubscriptionLedger(CoinbaseFeed.EXCHANGE, symbols);
    private final SubscriptionLedger advancedLedger = new SubscriptionLedger(CoinbaseFeed.ADVANCED_TRADE, symbols);
    private final CoinbaseParser exchange = new CoinbaseParser(symbols, exchangeLedger);
    private final CoinbaseParser advanced = new CoinbaseParser(symbols, advancedLedger);
    private final RecordingSink sink = new RecordingSink().forbid(RecordingSink.Call.ACCOUNT);

    @Test
    void exchangeTickerWithBestBidAndAskSizesKeepsEveryValueExactly() {
        exchange.parse(Samples.read("exchange-ticker-docs.json"), sink);

        assertThat(sink.ticks()).hasSize(1);
        Tick tick = sink.ticks().get(0);
        assertThat(tick.exchange()).isEqualTo("coinbase");
        assertThat(tick.instrument()).isEqualTo(ETH_USD);
        assertThat(tick.last()).isEqualTo(new BigDecimal("1285.22"));
        assertThat(tick.lastSize()).isEqualTo(new BigDecimal("11.4396987"));
        assertThat(tick.bid()).isEqualTo(new BigDecimal("1285.04"));
        assertThat(tick.bidSize()).isEqualTo(new BigDecimal("0.46688654"));
        assertThat(tick.ask()).isEqualTo(new BigDecimal("1285.27"));
        assertThat(tick.askSize()).isEqualTo(new BigDecimal("1.56637040"));
        assertThat(tick.open()).isEqualTo(new BigDecimal("1310.79"));
        assertThat(tick.high()).isEqualTo(new BigDecimal("1313.8"));
        assertThat(tick.low()).isEqualTo(new BigDecimal("1280.52"));
        assertThat(tick.volume()).isEqualTo(new BigDecimal("245532.79269678"));
        assertThat(tick.quoteVolume()).isNull();
        assertThat(tick.vwap()).isNull();
        assertThat(tick.exchangeTime()).isEqualTo(Instant.parse("2022-10-19T23:28:22.061769Z"));
        assertThat(tick.receivedAt()).isEqualTo(RecordingSink.RECEIVED_AT);
        assertThat(tick.sequence()).isEqualTo(37475248783L);
        assertThat(sink.trades()).isEmpty();
        assertThat(sink.unknown()).isEmpty();
    }

    @Test
    void exchangeTickerWithoutBestBidSizeLeavesTheSizesEmpty() {
        exchange.parse(Samples.read("exchange-ticker-recorded-2021.json"), sink);

        Tick tick = sink.ticks().get(0);
        assertThat(tick.instrument()).isEqualTo(Instrument.of("BAND/GBP"));
        assertThat(tick.last()).isEqualTo(new BigDecimal("14.7775"));
        assertThat(tick.lastSize()).isEqualTo(new BigDecimal("0.04"));
        assertThat(tick.bid()).isEqualTo(new BigDecimal("14.7550"));
        assertThat(tick.bidSize()).isNull();
        assertThat(tick.ask()).isEqualTo(new BigDecimal("14.8060"));
        assertThat(tick.askSize()).isNull();
        assertThat(tick.open()).isEqualTo(new BigDecimal("14.6647"));
        assertThat(tick.high()).isEqualTo(new BigDecimal("16.55"));
        assertThat(tick.low()).isEqualTo(new BigDecimal("14.3691"));
        assertThat(tick.volume()).isEqualTo(new BigDecimal("94381.28000000"));
        assertThat(tick.exchangeTime()).isEqualTo(Instant.parse("2021-04-17T16:43:30.244075Z"));
        assertThat(tick.sequence()).isEqualTo(333938798L);
    }

    @Test
    void tickerSequenceJumpsAreNotGapsBecauseTheSequenceAlsoCountsOrderBookMessages() {
        exchange.parse(ticker(100, "1.5"), sink);
        exchange.parse(ticker(250, "1.6"), sink);

        assertThat(sink.ticks()).extracting(Tick::last).containsExactly(new BigDecimal("1.5"), new BigDecimal("1.6"));
        assertThat(sink.sequences()).isEmpty();
        assertThat(sink.gaps()).isEmpty();
    }

    @Test
    void lateOrRepeatedTickersAreDropped() {
        exchange.parse(ticker(100, "1.5"), sink);
        exchange.parse(ticker(99, "1.4"), sink);
        exchange.parse(ticker(100, "1.5"), sink);
        exchange.parse(ticker(101, "1.7"), sink);

        assertThat(sink.ticks()).extracting(Tick::sequence).containsExactly(100L, 101L);
    }

    @Test
    void aTickerFarBehindTheNewestIsTakenAsARestartedSequence() {
        exchange.parse(ticker(5_000_000, "1.5"), sink);
        exchange.parse(ticker(3, "1.6"), sink);

        assertThat(sink.ticks()).extracting(Tick::sequence).containsExactly(5_000_000L, 3L);
    }

    @Test
    void exchangeHeartbeatIsLivenessOnly() {
        exchange.parse(Samples.read("exchange-heartbeat-docs.json"), sink);

        assertThat(sink.heartbeats()).isEqualTo(1);
        assertThat(sink.ticks()).isEmpty();
        assertThat(sink.sequences()).isEmpty();
        assertThat(sink.unknown()).isEmpty();
    }

    @Test
    void matchSideIsTheMakersSoTheTradeGetsTheTakersSide() {
        exchange.parse(Samples.read("exchange-match-docs.json"), sink);

        assertThat(sink.trades()).hasSize(1);
        Trade trade = sink.trades().get(0);
        assertThat(trade.exchange()).isEqualTo("coinbase");
        assertThat(trade.instrument()).isEqualTo(BTC_USD);
        assertThat(trade.price()).isEqualTo(new BigDecimal("400.23"));
        assertThat(trade.size()).isEqualTo(new BigDecimal("5.23512"));
        assertThat(trade.side()).isEqualTo(Side.BUY);
        assertThat(trade.tradeId()).isEqualTo("10");
        assertThat(trade.exchangeTime()).isEqualTo(Instant.parse("2014-11-07T08:19:27.028459Z"));
        assertThat(trade.receivedAt()).isEqualTo(RecordingSink.RECEIVED_AT);
        assertThat(sink.sequences()).containsExactly(new RecordingSink.Sequence("trade_id:BTC-USD", BTC_USD, 10));
    }

    @Test
    void buyMakerMeansTheTakerSold() {
        exchange.parse(match("last_match", 7, "buy"), sink);

        assertThat(sink.trades()).singleElement().extracting(Trade::side).isEqualTo(Side.SELL);
    }

    @Test
    void skippedTradeIdsAreAGapAndRepeatedOnesAreDropped() {
        exchange.parse(match("last_match", 10, "sell"), sink);
        exchange.parse(match("match", 11, "sell"), sink);
        exchange.parse(match("match", 15, "sell"), sink);
        exchange.parse(match("match", 15, "sell"), sink);

        assertThat(sink.trades()).extracting(Trade::tradeId).containsExactly("10", "11", "15");
        assertThat(sink.gaps()).containsExactly(new RecordingSink.Gap("trade_id:BTC-USD", 12, 14));
    }

    @Test
    void subscriptionsReplyConfirmsWhatItListsAndReportsWhatIsMissing() {
        exchangeLedger.sent(List.of(
                new Subscription(Channel.TICKER, ETH_USD),
                new Subscription(Channel.TICKER, Instrument.of("ETH/EUR")),
                new Subscription(Channel.TRADES, ETH_USD)));

        exchange.parse(Samples.read("exchange-subscriptions-response-docs.json"), sink);

        assertThat(sink.subscribed()).containsExactly(
                new RecordingSink.Subscribed(Channel.TICKER, ETH_USD),
                new RecordingSink.Subscribed(Channel.TICKER, Instrument.of("ETH/EUR")));
        assertThat(sink.subscribeFailures()).containsExactly(new RecordingSink.SubscribeFailure(Channel.TRADES, ETH_USD,
                "not in Coinbase's subscriptions reply"));
        assertThat(sink.unknown()).isEmpty();
    }

    @Test
    void eachReplySettlesTheOldestOpenSubscribeMessage() {
        exchangeLedger.sent(List.of(new Subscription(Channel.TICKER, ETH_USD)));
        exchangeLedger.sent(List.of(new Subscription(Channel.TICKER, BTC_USD)));

        exchange.parse(subscriptions("ETH-USD"), sink);
        assertThat(sink.subscribed()).containsExactly(new RecordingSink.Subscribed(Channel.TICKER, ETH_USD));
        assertThat(sink.subscribeFailures()).isEmpty();

        exchange.parse(subscriptions("ETH-USD", "BTC-USD"), sink);
        assertThat(sink.subscribed()).contains(new RecordingSink.Subscribed(Channel.TICKER, BTC_USD));
        assertThat(sink.subscribeFailures()).isEmpty();
    }

    @Test
    void errorNamingARequestedProductFailsItsSubscriptionsWithCoinbasesWords() {
        Instrument gibberish = Instrument.of("GIBBERISH/USD");
        exchangeLedger.sent(List.of(new Subscription(Channel.TICKER, gibberish), new Subscription(Channel.TICKER, BTC_USD)));

        exchange.parse(Samples.read("exchange-error-subscribe-failure.json"), sink);

        assertThat(sink.subscribeFailures())
                .containsExactly(new RecordingSink.SubscribeFailure(Channel.TICKER, gibberish,
                        "Failed to subscribe: GIBBERISH-USD is not a valid product"));
        assertThat(sink.resentSeparately()).containsExactly(new Subscription(Channel.TICKER, BTC_USD));
        assertThat(sink.errors()).isEmpty();
    }

    @Test
    void errorNamingNoRequestedProductIsAnExchangeError() {
        exchange.parse(Samples.read("exchange-error-subscribe-failure.json"), sink);

        assertThat(sink.errors()).containsExactly(
                new RecordingSink.ExchangeError(null, "Failed to subscribe: GIBBERISH-USD is not a valid product"));
        assertThat(sink.subscribeFailures()).isEmpty();
    }

    @Test
    void productIsNamedOnlyAsAWholeWord() {
        assertThat(SubscriptionLedger.names("BTC-USDT is not a valid product", "BTC-USD")).isFalse();
        assertThat(SubscriptionLedger.names("XBTC-USD is not a valid product", "BTC-USD")).isFalse();
        assertThat(SubscriptionLedger.names("products BTC-USDT, BTC-USD are not valid", "BTC-USD")).isTrue();
        assertThat(SubscriptionLedger.names("BTC-USD", "BTC-USD")).isTrue();
    }

    @Test
    void messagesOfUnhandledTypesAreCountedAsUnknown() {
        exchange.parse(Samples.read("exchange-l2update-docs.json"), sink);
        exchange.parse(Samples.read("exchange-subscribe-request-docs.json"), sink);
        exchange.parse(Samples.read("exchange-unsubscribe-request-docs.json"), sink);
        exchange.parse("{\"no\":\"type\"}", sink);

        assertThat(sink.unknown()).containsExactly("l2update", "subscribe", "unsubscribe", "(no type or channel)");
        assertThat(sink.ticks()).isEmpty();
    }

    @Test
    void unknownFieldsOfEveryShapeAreSkipped() {
        exchange.parse("{\"type\":\"ticker\",\"new\":{\"a\":[1,{\"b\":null}]},\"product_id\":\"BTC-USD\","
                + "\"list\":[true,false],\"price\":\"1.0E+2\",\"flag\":true}", sink);

        assertThat(sink.ticks()).singleElement().extracting(Tick::last).isEqualTo(new BigDecimal("1.0E+2"));
    }

    @Test
    void aProductIdThatIsNoInstrumentMakesTheFrameMalformed() {
        assertThatThrownBy(() -> exchange.parse("{\"type\":\"ticker\",\"product_id\":\"BTCUSD\",\"price\":\"1\"}", sink))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BTCUSD");
    }

    @Test
    void advancedTradeTickerKeepsEveryValueExactly() {
        advanced.parse(Samples.read("advanced-trade-ticker-docs.json"), sink);

        assertThat(sink.ticks()).hasSize(1);
        Tick tick = sink.ticks().get(0);
        assertThat(tick.instrument()).isEqualTo(BTC_USD);
        assertThat(tick.last()).isEqualTo(new BigDecimal("21932.98"));
        assertThat(tick.volume()).isEqualTo(new BigDecimal("16038.28770938"));
        assertThat(tick.low()).isEqualTo(new BigDecimal("21835.29"));
        assertThat(tick.high()).isEqualTo(new BigDecimal("23011.18"));
        assertThat(tick.bid()).isEqualTo(new BigDecimal("21931.98"));
        assertThat(tick.bidSize()).isEqualTo(new BigDecimal("8000.21"));
        assertThat(tick.ask()).isEqualTo(new BigDecimal("21933.98"));
        assertThat(tick.askSize()).isEqualTo(new BigDecimal("8038.07770938"));
        assertThat(tick.open()).isNull();
        assertThat(tick.lastSize()).isNull();
        assertThat(tick.exchangeTime()).isEqualTo(Instant.parse("2023-02-09T20:30:37.167359596Z"));
        assertThat(tick.receivedAt()).isEqualTo(RecordingSink.RECEIVED_AT);
        assertThat(tick.sequence()).isEqualTo(0L);
        assertThat(sink.connectionSequences()).containsExactly(new RecordingSink.Sequence(STREAM, null, 0));
    }

    @Test
    void advancedTradeMarketTradesKeepTheSideAsSent() {
        advanced.parse(Samples.read("advanced-trade-market-trades-docs.json"), sink);

        assertThat(sink.trades()).hasSize(1);
        Trade trade = sink.trades().get(0);
        assertThat(trade.instrument()).isEqualTo(ETH_USD);
        assertThat(trade.price()).isEqualTo(new BigDecimal("1260.01"));
        assertThat(trade.size()).isEqualTo(new BigDecimal("0.3"));
        assertThat(trade.side()).isEqualTo(Side.BUY);
        assertThat(trade.tradeId()).isEqualTo("000000000");
        assertThat(trade.exchangeTime()).isEqualTo(Instant.parse("2019-08-14T20:42:27.265Z"));
    }

    @Test
    void advancedTradeHeartbeatsAreLivenessAndTheirGoTimeIsNotParsed() {
        advanced.parse(Samples.read("advanced-trade-heartbeats-docs.json"), sink);

        assertThat(sink.heartbeats()).isEqualTo(1);
        assertThat(sink.unknown()).isEmpty();
    }

    @Test
    void advancedTradeEnvelopeGapIsReportedAndRepeatsAreDropped() {
        advanced.parse(atTicker(4, "10"), sink);
        advanced.parse(atTicker(8, "11"), sink);
        advanced.parse(atTicker(8, "12"), sink);

        assertThat(sink.ticks()).extracting(Tick::last).containsExactly(new BigDecimal("10"), new BigDecimal("11"));
        assertThat(sink.gaps()).containsExactly(new RecordingSink.Gap(STREAM, 5, 7));
    }

    @Test
    void advancedTradeSubscriptionsReplyIsChecked() {
        advancedLedger.sent(List.of());
        advancedLedger.sent(List.of(new Subscription(Channel.TICKER, BTC_USD), new Subscription(Channel.TICKER, ETH_USD)));

        advanced.parse("{\"channel\":\"subscriptions\",\"client_id\":\"\",\"timestamp\":\"2023-02-09T20:32:59.42Z\","
                + "\"sequence_num\":0,\"events\":[{\"subscriptions\":{\"heartbeats\":[\"heartbeats\"]}}]}", sink);
        advanced.parse("{\"channel\":\"subscriptions\",\"client_id\":\"\",\"timestamp\":\"2023-02-09T20:32:59.43Z\","
                + "\"sequence_num\":1,\"events\":[{\"subscriptions\":{\"heartbeats\":[\"heartbeats\"],"
                + "\"ticker\":[\"BTC-USD\"]}}]}", sink);

        assertThat(sink.subscribed()).containsExactly(new RecordingSink.Subscribed(Channel.TICKER, BTC_USD));
        assertThat(sink.subscribeFailures()).containsExactly(new RecordingSink.SubscribeFailure(Channel.TICKER, ETH_USD,
                "not in Coinbase's subscriptions reply"));
    }

    @Test
    void advancedTradeErrorFrameIsAnExchangeError() {
        advanced.parse("{\"type\":\"error\",\"message\":\"rate limit exceeded\"}", sink);

        assertThat(sink.errors()).containsExactly(new RecordingSink.ExchangeError(null, "rate limit exceeded"));
    }

    @Test
    void advancedTradeChannelsNotHandledAreUnknown() {
        advanced.parse("{\"channel\":\"l2_data\",\"timestamp\":\"2023-02-09T20:32:50.714964855Z\",\"sequence_num\":0,"
                + "\"events\":[{\"type\":\"snapshot\",\"product_id\":\"BTC-USD\",\"updates\":[{\"side\":\"bid\"}]}]}", sink);
        advanced.parse(Samples.read("advanced-trade-subscribe-request-docs.json"), sink);

        assertThat(sink.unknown()).containsExactly("l2_data", "subscribe");
    }

    private static String ticker(long sequence, String price) {
        return "{\"type\":\"ticker\",\"sequence\":" + sequence + ",\"product_id\":\"BTC-USD\",\"price\":\"" + price
                + "\",\"time\":\"2022-10-19T23:28:22.061769Z\"}";
    }

    private static String match(String type, long tradeId, String makerSide) {
        return "{\"type\":\"" + type + "\",\"trade_id\":" + tradeId + ",\"sequence\":" + (1000 + tradeId)
                + ",\"time\":\"2014-11-07T08:19:27.028459Z\",\"product_id\":\"BTC-USD\",\"size\":\"1\","
                + "\"price\":\"400.23\",\"side\":\"" + makerSide + "\"}";
    }

    private static String subscriptions(String... products) {
        return "{\"type\":\"subscriptions\",\"channels\":[{\"name\":\"ticker\",\"product_ids\":[\""
                + String.join("\",\"", products) + "\"]},{\"name\":\"heartbeat\",\"product_ids\":[\""
                + String.join("\",\"", products) + "\"]}]}";
    }

    private static String atTicker(long sequenceNum, String price) {
        return "{\"channel\":\"ticker\",\"timestamp\":\"2023-02-09T20:30:37.167359596Z\",\"sequence_num\":" + sequenceNum
                + ",\"events\":[{\"type\":\"update\",\"tickers\":[{\"type\":\"ticker\",\"product_id\":\"BTC-USD\","
                + "\"price\":\"" + price + "\"}]}]}";
    }

    @Test
    void aTimeBeforeTheTypeReadsTheSameAsAfterIt() {
        // the time is read at once when "type" came first (as Coinbase sends it), else kept as text until the end
        exchange.parse("{\"time\":\"2022-10-19T23:28:22.061769Z\",\"type\":\"ticker\",\"sequence\":1,"
                + "\"product_id\":\"BTC-USD\",\"price\":\"1285.22\"}", sink);
        exchange.parse("{\"type\":\"ticker\",\"sequence\":2,\"product_id\":\"BTC-USD\",\"price\":\"1285.22\","
                + "\"time\":\"2022-10-19T23:28:22.061769Z\"}", sink);
        exchange.parse("{\"type\":\"match\",\"trade_id\":7,\"product_id\":\"BTC-USD\",\"price\":\"1\",\"size\":\"2\","
                + "\"side\":\"sell\",\"time\":\"2022-10-19T23:28:22Z\"}", sink);

        assertThat(sink.ticks()).extracting(Tick::exchangeTime)
                .containsOnly(Instant.parse("2022-10-19T23:28:22.061769Z"));
        assertThat(sink.ticks()).hasSize(2);
        assertThat(sink.trades()).singleElement().satisfies(trade -> {
            assertThat(trade.exchangeTime()).isEqualTo(Instant.parse("2022-10-19T23:28:22Z"));
            assertThat(trade.tradeId()).isEqualTo("7");
        });
    }
}
