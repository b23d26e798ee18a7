package dev.pricefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pricefeed.Channel;
import dev.pricefeed.FeedEvent;
import dev.pricefeed.Instrument;
import dev.pricefeed.Side;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.exchange.kucoin.KuCoinProvider;
import dev.pricefeed.spi.MessageParser;
import dev.pricefeed.testkit.TestExchangeContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplaySinkTest {

    private static final Instrument BTC_USDT = Instrument.of("BTC/USDT");
    private static final Instant T1 = Instant.parse("2021-10-12T00:28:43.963Z");
    private static final Instant T2 = Instant.parse("2021-10-12T00:28:44.001Z");

    private final List<String> lines = new ArrayList<>();
    private final List<FeedEvent> events = new ArrayList<>();
    private final ReplaySink sink = new ReplaySink("binance", lines::add, events::add);

    @Test
    void partialTicksArePrintedAsTheMergedView() {
        sink.frameReceivedAt(T1);
        sink.tick(Tick.builder("binance", BTC_USDT).bid(new BigDecimal("0.35210000"))
                .ask(new BigDecimal("0.35260000")).receivedAt(sink.receivedAt()).build());
        sink.frameReceivedAt(T2);
        sink.tick(Tick.builder("binance", BTC_USDT).last(new BigDecimal("0.35280000"))
                .volume(new BigDecimal("123.5")).receivedAt(sink.receivedAt()).build());

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).isEqualTo("{\"type\":\"tick\",\"exchange\":\"binance\",\"instrument\":\"BTC/USDT\","
                + "\"last\":\"0.35280000\",\"bid\":\"0.35210000\",\"ask\":\"0.35260000\",\"volume\":\"123.5\","
                + "\"receivedAt\":\"2021-10-12T00:28:44.001Z\"}");
        assertThat(sink.ticks()).isEqualTo(2);
    }

    @Test
    void tradesArePrinted() {
        sink.frameReceivedAt(T1);
        sink.trade(new Trade("binance", BTC_USDT, new BigDecimal("0.3528"), new BigDecimal("58"), Side.BUY, "15683430",
                T1, T1));

        assertThat(lines).singleElement().asString().contains("\"type\":\"trade\"", "\"tradeId\":\"15683430\"");
        assertThat(sink.trades()).isEqualTo(1);
    }

    @Test
    void staleSequenceNumbersAreDroppedAndGapsReported() {
        sink.frameReceivedAt(T1);

        assertThat(sink.sequence("bookTicker:BTC/USDT", BTC_USDT, 10)).isTrue();
        assertThat(sink.sequence("bookTicker:BTC/USDT", BTC_USDT, 11)).isTrue();
        assertThat(sink.sequence("bookTicker:BTC/USDT", BTC_USDT, 11)).isFalse();
        assertThat(sink.sequence("bookTicker:BTC/USDT", BTC_USDT, 9)).isFalse();
        assertThat(sink.sequence("bookTicker:BTC/USDT", BTC_USDT, 15)).isTrue();
        assertThat(sink.sequence("trade:BTC/USDT", BTC_USDT, 3)).isTrue();

        assertThat(events).singleElement().isEqualTo(
                new FeedEvent.SequenceGap("binance", T1, BTC_USDT, "bookTicker:BTC/USDT", 12, 14));
    }

    @Test
    void exchangeErrorsAndRefusedSubscriptionsBecomeEvents() {
        sink.frameReceivedAt(T1);
        sink.exchangeError("-1121", "Invalid symbol.");
        sink.subscribeFailed(Channel.TICKER, BTC_USDT, "unknown pair");
        sink.unknown("depthUpdate");
        sink.heartbeat();

        assertThat(events).containsExactly(new FeedEvent.Error("binance", T1, "-1121", "Invalid symbol."),
                new FeedEvent.SubscriptionFailed("binance", T1, Channel.TICKER, BTC_USDT, "unknown pair"));
        assertThat(sink.unknown()).isEqualTo(1);
        assertThat(lines).isEmpty();
    }

    @Test
    void kucoinSnapshotFramesAloneYieldLastBidAndAsk() {
        ReplaySink kucoin = new ReplaySink("kucoin", lines::add, events::add);
        kucoin.frameReceivedAt(T1);
        MessageParser parser = new KuCoinProvider().create(new TestExchangeContext("kucoin", "BTC/USDT"))
                .newParser(Optional.empty());
        parser.parse("{\"topic\":\"/market/snapshot:BTC-USDT\",\"type\":\"message\",\"subject\":\"trade.snapshot\","
                + "\"data\":{\"sequence\":\"1\",\"data\":{\"symbol\":\"BTC-USDT\",\"lastTradedPrice\":67158.1,"
                + "\"buy\":67158.1,\"sell\":67158.2,\"bidSize\":0.8,\"askSize\":1.2,\"vol\":2227.7,"
                + "\"datetime\":1729758286011}}}", kucoin);

        assertThat(lines).singleElement().asString().contains("\"last\":\"67158.1\"", "\"bid\":\"67158.1\"",
                "\"ask\":\"67158.2\"", "\"volume\":\"2227.7\"");
    }
}
