package dev.pricefeed.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.Side;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.runtime.LatestPriceCache;
import dev.pricefeed.spi.Subscription;
import dev.pricefeed.testkit.RecordingSink;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BinanceParserTest {

    private static final Instrument BNB_BTC = Instrument.of("BNB/BTC");
    private static final Instrument BNB_USDT = Instrument.of("BNB/USDT");
    private static final Instrument NKN_USDT = Instrument.of("NKN/USDT");

    private final BinanceSymbols symbols = new BinanceSymbols(List.of(BNB_BTC, BNB_USDT, NKN_USDT));
    private final BinanceParser parser = new BinanceParser(symbols, new PendingRequests(), new QuoteOrder());
    private final RecordingSink sink = new RecordingSink()
            .forbid(RecordingSink.Call.ACCOUNT, RecordingSink.Call.PONG, RecordingSink.Call.WELCOME);

    private static BigDecimal dec(String text) {
        return new BigDecimal(text);
    }

    @Test
    void tickerEventBecomesFullTickWithWireDecimals() {
        parser.parse(Samples.read("ticker-24hr-event.json"), sink);

        assertThat(sink.ticks()).isEmpty();
        assertThat(sink.statistics()).hasSize(1);
        Tick tick = sink.statistics().get(0);
        assertThat(tick.exchange()).isEqualTo("binance");
        assertThat(tick.instrument()).isEqualTo(BNB_BTC);
        assertThat(tick.last()).isEqualTo(dec("0.0025"));
        assertThat(tick.lastSize()).isEqualTo(dec("10"));
        assertThat(tick.bid()).isEqualTo(dec("0.0024"));
        assertThat(tick.bidSize()).isEqualTo(dec("10"));
        assertThat(tick.ask()).isEqualTo(dec("0.0026"));
        assertThat(tick.askSize()).isEqualTo(dec("100"));
        assertThat(tick.open()).isEqualTo(dec("0.0010"));
        assertThat(tick.high()).isEqualTo(dec("0.0025"));
        assertThat(tick.low()).isEqualTo(dec("0.0010"));
        assertThat(tick.volume()).isEqualTo(dec("10000"));
        assertThat(tick.quoteVolume()).isEqualTo(dec("18"));
        assertThat(tick.vwap()).isEqualTo(dec("0.0018"));
        assertThat(tick.exchangeTime()).isEqualTo(Instant.ofEpochMilli(1672515782136L));
        assertThat(tick.receivedAt()).isEqualTo(RecordingSink.RECEIVED_AT);
        assertThat(tick.sequence()).isNull();
        assertThat(sink.unknown()).isEmpty();
    }

    @Test
    void miniTickerEventBecomesStatsOnlyTick() {
        parser.parse(Samples.read("mini-ticker-event.json"), sink);

        Tick tick = sink.statistics().get(0);
        assertThat(tick.instrument()).isEqualTo(BNB_BTC);
        assertThat(tick.last()).isEqualTo(dec("0.0025"));
        assertThat(tick.open()).isEqualTo(dec("0.0010"));
        assertThat(tick.high()).isEqualTo(dec("0.0025"));
        assertThat(tick.low()).isEqualTo(dec("0.0010"));
        assertThat(tick.volume()).isEqualTo(dec("10000"));
        assertThat(tick.quoteVolume()).isEqualTo(dec("18"));
        assertThat(tick.bid()).isNull();
        assertThat(tick.ask()).isNull();
        assertThat(tick.exchangeTime()).isEqualTo(Instant.ofEpochMilli(1672515782136L));
    }

    @Test
    void rawBookTickerIsRecognisedByItsKeysAndCarriesUpdateId() {
        parser.parse(Samples.read("book-ticker-event.json"), sink);

        assertThat(sink.ticks()).hasSize(1);
        Tick tick = sink.ticks().get(0);
        assertThat(tick.instrument()).isEqualTo(BNB_USDT);
        assertThat(tick.bid()).isEqualTo(dec("25.35190000"));
        assertThat(tick.bidSize()).isEqualTo(dec("31.21000000"));
        assertThat(tick.ask()).isEqualTo(dec("25.36520000"));
        assertThat(tick.askSize()).isEqualTo(dec("40.66000000"));
        assertThat(tick.sequence()).isEqualTo(400900217L);
        assertThat(tick.last()).isNull();
        assertThat(tick.exchangeTime()).isNull();
        assertThat(tick.receivedAt()).isEqualTo(RecordingSink.RECEIVED_AT);
    }

    @Test
    void combinedBookTickerIsRoutedByStreamName() {
        parser.parse(Samples.read("book-ticker-combined-recorded-2021.json"), sink);

        Tick tick = sink.ticks().get(0);
        assertThat(tick.instrument()).isEqualTo(NKN_USDT);
        assertThat(tick.bid()).isEqualTo(dec("0.35210000"));
        assertThat(tick.bidSize()).isEqualTo(dec("672.00000000"));
        assertThat(tick.ask()).isEqualTo(dec("0.35260000"));
        assertThat(tick.askSize()).isEqualTo(dec("3199.00000000"));
        assertThat(tick.sequence()).isEqualTo(499869768L);
    }

    @Test
    void bookTickerNotNewerThanTheLastOneIsDroppedWithoutGapReports() {
        String newer = "{\"u\":500,\"s\":\"BNBUSDT\",\"b\":\"2\",\"B\":\"1\",\"a\":\"3\",\"A\":\"1\"}";
        String older = "{\"u\":400,\"s\":\"BNBUSDT\",\"b\":\"1\",\"B\":\"1\",\"a\":\"4\",\"A\":\"1\"}";
        parser.parse(newer, sink);
        parser.parse(older, sink);
        parser.parse(newer, sink);

        assertThat(sink.ticks()).extracting(Tick::sequence).containsExactly(500L);
        assertThat(sink.sequences()).isEmpty();
    }

    @Test
    void quoteOrderIsSharedAcrossConnectionsOfAFeed() {
        QuoteOrder shared = new QuoteOrder();
        BinanceParser oldConnection = new BinanceParser(symbols, new PendingRequests(), shared);
        BinanceParser newConnection = new BinanceParser(symbols, new PendingRequests(), shared);
        newConnection.parse("{\"u\":7,\"s\":\"BNBUSDT\",\"b\":\"2\",\"B\":\"1\",\"a\":\"3\",\"A\":\"1\"}", sink);
        oldConnection.parse("{\"u\":6,\"s\":\"BNBUSDT\",\"b\":\"1\",\"B\":\"1\",\"a\":\"3\",\"A\":\"1\"}", sink);

        assertThat(sink.ticks()).extracting(Tick::sequence).containsExactly(7L);
    }

    @Test
    void tickerIsStatisticsSoTheCacheKeepsBookTickerQuotes() {
        parser.parse("{\"u\":1,\"s\":\"BNBBTC\",\"b\":\"0.0023\",\"B\":\"5\",\"a\":\"0.0027\",\"A\":\"6\"}", sink);
        parser.parse(Samples.read("ticker-24hr-event.json"), sink);

        assertThat(sink.ticks()).singleElement().extracting(Tick::bid).isEqualTo(dec("0.0023"));
        Tick stats = sink.statistics().get(0);
        assertThat(stats.last()).isEqualTo(dec("0.0025"));
        assertThat(stats.bid()).isEqualTo(dec("0.0024"));
        LatestPriceCache cache = new LatestPriceCache("binance");
        cache.apply(sink.ticks().get(0));
        Tick merged = cache.applyStatistics(stats);
        assertThat(merged.bid()).isEqualTo(dec("0.0023"));
        assertThat(merged.ask()).isEqualTo(dec("0.0027"));
        assertThat(merged.last()).isEqualTo(dec("0.0025"));
        assertThat(merged.volume()).isEqualTo(dec("10000"));
    }

    @Test
    void tradeWithBuyerAsMakerIsATakerSell() {
        parser.parse(Samples.read("trade-event.json"), sink);

        assertThat(sink.trades()).hasSize(1);
        Trade trade = sink.trades().get(0);
        assertThat(trade.exchange()).isEqualTo("binance");
        assertThat(trade.instrument()).isEqualTo(BNB_BTC);
        assertThat(trade.price()).isEqualTo(dec("0.001"));
        assertThat(trade.size()).isEqualTo(dec("100"));
        assertThat(trade.side()).isEqualTo(Side.SELL);
        assertThat(trade.tradeId()).isEqualTo("12345");
        assertThat(trade.exchangeTime()).isEqualTo(Instant.ofEpochMilli(1672515782136L));
        assertThat(trade.receivedAt()).isEqualTo(RecordingSink.RECEIVED_AT);
        assertThat(sink.sequences()).containsExactly(new RecordingSink.Sequence("bnbbtc@trade", BNB_BTC, 12345L));
    }

    @Test
    void tradeWithSellerAsMakerIsATakerBuy() {
        parser.parse("{\"stream\":\"bnbbtc@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"s\":\"BNBBTC\",\"t\":7,"
                + "\"p\":\"0.002\",\"q\":\"3\",\"T\":2,\"m\":false,\"M\":true}}", sink);

        assertThat(sink.trades()).extracting(Trade::side).containsExactly(Side.BUY);
        assertThat(sink.trades().get(0).exchangeTime()).isEqualTo(Instant.ofEpochMilli(2));
    }

    @Test
    void tradeTheRuntimeCallsStaleIsDropped() {
        parser.parse(Samples.read("trade-event.json"), sink);
        parser.parse(Samples.read("trade-event.json"), sink);

        assertThat(sink.trades()).hasSize(1);
        assertThat(sink.sequences()).hasSize(2);
    }

    @Test
    void rawAggregateTradeIsATradeNumberedByAggregateId() {
        parser.parse(Samples.read("agg-trade-event.json"), sink);

        Trade trade = sink.trades().get(0);
        assertThat(trade.instrument()).isEqualTo(BNB_BTC);
        assertThat(trade.price()).isEqualTo(dec("0.001"));
        assertThat(trade.size()).isEqualTo(dec("100"));
        assertThat(trade.side()).isEqualTo(Side.SELL);
        assertThat(trade.tradeId()).isEqualTo("12345");
        assertThat(trade.exchangeTime()).isEqualTo(Instant.ofEpochMilli(1672515782136L));
        assertThat(sink.sequences()).containsExactly(new RecordingSink.Sequence("bnbbtc@aggTrade", BNB_BTC, 12345L));
    }

    @Test
    void combinedAggregateTradeFromRecording() {
        parser.parse(Samples.read("agg-trade-combined-recorded-2021.json"), sink);

        Trade trade = sink.trades().get(0);
        assertThat(trade.instrument()).isEqualTo(NKN_USDT);
        assertThat(trade.price()).isEqualTo(dec("0.35280000"));
        assertThat(trade.size()).isEqualTo(dec("58.00000000"));
        assertThat(trade.side()).isEqualTo(Side.BUY);
        assertThat(trade.tradeId()).isEqualTo("15683430");
        assertThat(trade.exchangeTime()).isEqualTo(Instant.ofEpochMilli(1633998523963L));
    }

    @Test
    void depthUpdateIsCountedAsUnknown() {
        parser.parse(Samples.read("depth-update-event.json"), sink);

        assertThat(sink.unknown()).containsExactly("depthUpdate");
        assertThat(sink.ticks()).isEmpty();
    }

    @Test
    void rawServerShutdownAsksForAHandover() {
        parser.parse(Samples.read("server-shutdown-raw.json"), sink);

        assertThat(sink.reconnects()).hasSize(1);
        assertThat(sink.reconnects().get(0)).contains("serverShutdown");
    }

    @Test
    void combinedServerShutdownAsksForAHandover() {
        parser.parse(Samples.read("server-shutdown-combined.json"), sink);

        assertThat(sink.reconnects()).hasSize(1);
        assertThat(sink.unknown()).isEmpty();
    }

    @Test
    void subscribeReplyConfirmsEverySubscriptionOfItsId() {
        BinanceSession session = session();
        List<Subscription> batch = List.of(new Subscription(Channel.TICKER, BNB_USDT),
                new Subscription(Channel.TRADES, BNB_USDT));
        String request = session.subscribeMessages(batch).get(0);
        assertThat(request).isEqualTo("{\"method\":\"SUBSCRIBE\",\"params\":[\"bnbusdt@ticker\",\"bnbusdt@bookTicker\","
                + "\"bnbusdt@trade\"],\"id\":1}");

        session.newParser().parse(Samples.read("subscribe-response.json"), sink);

        assertThat(sink.subscribed()).containsExactly(new RecordingSink.Subscribed(Channel.TICKER, BNB_USDT),
                new RecordingSink.Subscribed(Channel.TRADES, BNB_USDT));
        assertThat(session.pendingRequests()).isZero();
    }

    @Test
    void replyToAnotherIdConfirmsNothing() {
        BinanceSession session = session();
        session.subscribeMessages(List.of(new Subscription(Channel.TICKER, BNB_USDT)));

        session.newParser().parse(Samples.read("list-subscriptions-response.json"), sink);

        assertThat(sink.subscribed()).isEmpty();
        assertThat(sink.unknown()).containsExactly("reply");
        assertThat(session.pendingRequests()).isEqualTo(1);
    }

    @Test
    void unsubscribeReplyIsMatchedToItsRequest() {
        BinanceSession session = session();
        String request = session.unsubscribeMessages(List.of(new Subscription(Channel.TRADES, BNB_USDT))).get(0);
        assertThat(request).isEqualTo("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"bnbusdt@trade\"],\"id\":1}");

        session.newParser().parse("{\"result\":null,\"id\":1}", sink);

        assertThat(sink.subscribed()).isEmpty();
        assertThat(sink.heartbeats()).isEqualTo(1);
        assertThat(session.pendingRequests()).isZero();
    }

    @Test
    void documentedErrorReplyFailsTheSubscriptionsOfItsId() {
        BinanceSession session = session();
        session.subscribeMessages(List.of(new Subscription(Channel.TICKER, BNB_USDT)));

        session.newParser().parse("{\"code\":2,\"msg\":\"Invalid request: too many parameters\",\"id\":1}", sink);

        assertThat(sink.subscribeFailures())
                .containsExactly(new RecordingSink.SubscribeFailure(Channel.TICKER, BNB_USDT,
                        "Binance error 2: Invalid request: too many parameters"));
        assertThat(sink.errors()).isEmpty();
    }

    @Test
    void errorReplyToSeveralSubscriptionsSendsEachAgainAlone() {
        BinanceSession session = session();
        List<Subscription> both = List.of(new Subscription(Channel.TICKER, BNB_USDT),
                new Subscription(Channel.TICKER, BNB_BTC));
        session.subscribeMessages(both);

        session.newParser().parse("{\"error\":{\"code\":2,\"msg\":\"Invalid request: invalid stream\"},\"id\":1}", sink);

        assertThat(sink.resentSeparately()).containsExactlyElementsOf(both);
        assertThat(sink.subscribeFailures()).isEmpty();
        assertThat(session.pendingRequests()).isZero();
    }

    @Test
    void nestedErrorReplyFailsTheSubscriptionsOfItsId() {
        BinanceSession session = session();
        session.subscribeMessages(List.of(new Subscription(Channel.TRADES, BNB_USDT)));

        session.newParser().parse("{\"error\":{\"code\":2,\"msg\":\"Invalid request: invalid stream\"},\"id\":1}", sink);

        assertThat(sink.subscribeFailures())
                .containsExactly(new RecordingSink.SubscribeFailure(Channel.TRADES, BNB_USDT,
                        "Binance error 2: Invalid request: invalid stream"));
    }

    @Test
    void errorWithoutAKnownIdIsAnExchangeError() {
        parser.parse("{\"code\":3,\"msg\":\"Invalid JSON: expected value at line 1 column 1\",\"id\":null}", sink);
        parser.parse(Samples.read("rest-error.json"), sink);

        assertThat(sink.errors()).containsExactly(
                new RecordingSink.ExchangeError("3", "Invalid JSON: expected value at line 1 column 1"),
                new RecordingSink.ExchangeError("-1121", "Invalid symbol."));
    }

    @Test
    void clientRequestSamplesHaveTheShapeTheSessionSends() {
        String expected = Samples.read("subscribe-request.json").replaceAll("\\s", "");
        assertThat(expected).isEqualTo("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@aggTrade\",\"btcusdt@depth\"],"
                + "\"id\":1}");
        BinanceSession session = new BinanceSession(URI.create("ws://127.0.0.1:1/stream"),
                new BinanceSymbols(List.of(Instrument.of("BTC/USDT"))), new QuoteOrder(),
                List.of(new Subscription(Channel.TRADES, Instrument.of("BTC/USDT"))));
        String sent = session.subscribeMessages(List.of(new Subscription(Channel.TRADES, Instrument.of("BTC/USDT"))))
                .get(0);
        assertThat(sent).isEqualTo("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\"],\"id\":1}");
        assertThat(Samples.read("unsubscribe-request.json").replaceAll("\\s", ""))
                .isEqualTo("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"btcusdt@depth\"],\"id\":312}");
    }

    @Test
    void eventForASymbolNobodyAskedForIsCountedAsUnmapped() {
        parser.parse("{\"e\":\"trade\",\"E\":1,\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"1\",\"q\":\"1\",\"T\":1,\"m\":true}",
                sink);

        assertThat(sink.trades()).isEmpty();
        assertThat(sink.unknown()).containsExactly(BinanceParser.UNMAPPED_SYMBOL);
    }

    @Test
    void catalogMapsSymbolsTheFeedDidNotAskFor() {
        symbols.installCatalog(Map.of("BTCUSDT", Instrument.of("BTC/USDT")));

        parser.parse("{\"e\":\"trade\",\"E\":1,\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"1\",\"q\":\"1\",\"T\":1,\"m\":true}",
                sink);

        assertThat(sink.trades()).extracting(Trade::instrument).containsExactly(Instrument.of("BTC/USDT"));
    }

    @Test
    void numbersSentAsJsonNumbersStayExact() {
        parser.parse("{\"u\":9,\"s\":\"BNBUSDT\",\"b\":1.5E-7,\"B\":0.10036,\"a\":25.36520000,\"A\":40}", sink);

        Tick tick = sink.ticks().get(0);
        assertThat(tick.bid()).isEqualTo(dec("1.5E-7"));
        assertThat(tick.bidSize()).isEqualTo(dec("0.10036"));
        assertThat(tick.ask()).isEqualTo(dec("25.36520000"));
        assertThat(tick.askSize()).isEqualTo(dec("40"));
    }

    @Test
    void unknownEventTypesAndFieldsAreCountedNotThrown() {
        parser.parse("{\"e\":\"blockTrade\",\"E\":1,\"s\":\"BNBBTC\",\"extra\":{\"x\":[1,2]}}", sink);
        parser.parse("{\"stream\":\"!miniTicker@arr\",\"data\":[{\"e\":\"24hrMiniTicker\"}]}", sink);
        parser.parse("[1,2]", sink);
        parser.parse("{}", sink);
        parser.parse("{\"e\":\"trade\",\"E\":1,\"s\":\"BNBBTC\",\"t\":8,\"p\":\"1\",\"q\":\"2\",\"T\":1,\"m\":true,"
                + "\"future\":{\"nested\":[{\"a\":1}]},\"X\":\"MARKET\"}", sink);

        assertThat(sink.unknown()).containsExactly("blockTrade", "!miniTicker@arr", "array", "empty");
        assertThat(sink.trades()).hasSize(1);
    }

    @Test
    void malformedFrameThrows() {
        assertThatThrownBy(() -> parser.parse("{\"e\":\"trade\",", sink)).isInstanceOf(RuntimeException.class);
    }

    private BinanceSession session() {
        return new BinanceSession(URI.create("ws://127.0.0.1:1/stream"), symbols, new QuoteOrder(),
                List.of(new Subscription(Channel.TICKER, BNB_USDT)));
    }

    @Test
    void fieldOrderDoesNotMatterEvenThoughTheTypeUsuallyComesFirst() {
        // prices before "e" are kept as text until the type is known; after it they are read at once
        String typeLast = "{\"s\":\"BNBBTC\",\"c\":\"0.0025\",\"a\":\"0.0026\",\"q\":\"18\",\"E\":\"1672515782136\","
                + "\"e\":\"24hrTicker\",\"b\":\"0.0024\"}";
        String typeFirst = "{\"e\":\"24hrTicker\",\"E\":1672515782136,\"s\":\"BNBBTC\",\"c\":\"0.0025\","
                + "\"a\":\"0.0026\",\"q\":\"18\",\"b\":\"0.0024\"}";
        parser.parse(typeLast, sink);
        parser.parse(typeFirst, sink);

        assertThat(sink.statistics()).hasSize(2);
        assertThat(sink.statistics().get(0)).isEqualTo(sink.statistics().get(1));
        Tick tick = sink.statistics().get(0);
        assertThat(tick.last()).isEqualTo(dec("0.0025"));
        assertThat(tick.ask()).isEqualTo(dec("0.0026"));
        assertThat(tick.bid()).isEqualTo(dec("0.0024"));
        assertThat(tick.quoteVolume()).isEqualTo(dec("18"));
        assertThat(tick.exchangeTime()).isEqualTo(Instant.ofEpochMilli(1672515782136L));
    }

    @Test
    void anAggregateTradesIdIsItsAFieldWhateverItsPosition() {
        parser.parse("{\"a\":26129,\"e\":\"aggTrade\",\"E\":1672515782136,\"s\":\"BNBBTC\",\"p\":\"0.001\","
                + "\"q\":\"100\",\"T\":1672515782136,\"m\":true}", sink);
        parser.parse("{\"e\":\"aggTrade\",\"E\":1672515782136,\"s\":\"BNBBTC\",\"a\":26130,\"p\":\"0.001\","
                + "\"q\":\"100\",\"T\":1672515782136,\"m\":true}", sink);

        assertThat(sink.trades()).extracting(Trade::tradeId).containsExactly("26129", "26130");
        assertThat(sink.trades()).extracting(Trade::price).containsOnly(dec("0.001"));
        assertThat(sink.trades()).extracting(Trade::side).containsOnly(Side.SELL);
    }
}
