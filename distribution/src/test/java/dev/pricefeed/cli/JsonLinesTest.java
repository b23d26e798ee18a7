package dev.pricefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pricefeed.Channel;
import dev.pricefeed.FeedEvent;
import dev.pricefeed.FeedState;
import dev.pricefeed.Instrument;
import dev.pricefeed.Side;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

    private static final Instrument BTC_USD = Instrument.of("BTC/USD");
    private static final Instant RECEIVED = Instant.parse("2024-05-01T10:15:30.123456Z");

    @Test
    void aFullTickListsEveryFieldInSchemaOrderWithExactDecimalStrings() {
        Tick tick = Tick.builder("kraken", BTC_USD)
                .last(new BigDecimal("67523.10")).lastSize(new BigDecimal("0.00120000"))
                .bid(new BigDecimal("67523.0")).bidSize(new BigDecimal("1.5"))
                .ask(new BigDecimal("67523.2")).askSize(new BigDecimal("0.25"))
                .open(new BigDecimal("66000")).high(new BigDecimal("68000.5")).low(new BigDecimal("65000.25"))
                .volume(new BigDecimal("1234.5678")).quoteVolume(new BigDecimal("83000000.01"))
                .vwap(new BigDecimal("67000.123"))
                .exchangeTime(Instant.parse("2024-05-01T10:15:30.100Z")).receivedAt(RECEIVED).sequence(42L)
                .build();

        assertThat(JsonLines.tick(tick)).isEqualTo("{\"type\":\"tick\",\"exchange\":\"kraken\","
                + "\"instrument\":\"BTC/USD\","
                + "\"last\":\"67523.10\",\"lastSize\":\"0.00120000\",\"bid\":\"67523.0\",\"bidSize\":\"1.5\","
                + "\"ask\":\"67523.2\",\"askSize\":\"0.25\",\"open\":\"66000\",\"high\":\"68000.5\","
                + "\"low\":\"65000.25\",\"volume\":\"1234.5678\",\"quoteVolume\":\"83000000.01\","
                + "\"vwap\":\"67000.123\",\"exchangeTime\":\"2024-05-01T10:15:30.100Z\","
                + "\"receivedAt\":\"2024-05-01T10:15:30.123456Z\",\"sequence\":\"42\"}");
    }

    @Test
    void fieldsTheExchangeDidNotSendAreLeftOut() {
        Tick tick = Tick.builder("binance", Instrument.of("BTC/USDT"))
                .bid(new BigDecimal("0.35210000")).ask(new BigDecimal("0.35260000")).receivedAt(RECEIVED).build();

        assertThat(JsonLines.tick(tick)).isEqualTo("{\"type\":\"tick\",\"exchange\":\"binance\","
                + "\"instrument\":\"BTC/USDT\",\"bid\":\"0.35210000\",\"ask\":\"0.35260000\","
                + "\"receivedAt\":\"2024-05-01T10:15:30.123456Z\"}");
    }

    @Test
    void smallAndExponentDecimalsArePrintedInPlainNotation() {
        Tick tick = Tick.builder("kucoin", BTC_USD)
                .last(new BigDecimal("0.00000012")).bid(new BigDecimal("3.426e-5")).ask(new BigDecimal("1E+3"))
                .receivedAt(RECEIVED).build();

        assertThat(JsonLines.tick(tick))
                .contains("\"last\":\"0.00000012\"", "\"bid\":\"0.00003426\"", "\"ask\":\"1000\"")
                .doesNotContain("E");
    }

    @Test
    void aTradeCarriesPriceSizeSideAndId() {
        Trade trade = new Trade("coinbase", BTC_USD, new BigDecimal("67521.37"), new BigDecimal("0.0125"), Side.SELL,
                "987654321", Instant.parse("2024-05-01T10:15:29Z"), RECEIVED);

        assertThat(JsonLines.trade(trade)).isEqualTo("{\"type\":\"trade\",\"exchange\":\"coinbase\","
                + "\"instrument\":\"BTC/USD\",\"price\":\"67521.37\",\"size\":\"0.0125\",\"side\":\"sell\","
                + "\"tradeId\":\"987654321\",\"exchangeTime\":\"2024-05-01T10:15:29Z\","
                + "\"receivedAt\":\"2024-05-01T10:15:30.123456Z\"}");
    }

    @Test
    void stateAndErrorEventsNameTheirType() {
        assertThat(JsonLines.event(new FeedEvent.StateChanged("kraken", RECEIVED, FeedState.CONNECTING,
                FeedState.BACKOFF, "retry 1 of 10 in 5 s")))
                .isEqualTo("{\"type\":\"state\",\"exchange\":\"kraken\",\"at\":\"2024-05-01T10:15:30.123456Z\","
                        + "\"from\":\"CONNECTING\",\"to\":\"BACKOFF\",\"reason\":\"retry 1 of 10 in 5 s\"}");
        assertThat(JsonLines.event(new FeedEvent.Error("kraken", RECEIVED, "connect", "refused")))
                .isEqualTo("{\"type\":\"error\",\"exchange\":\"kraken\",\"at\":\"2024-05-01T10:15:30.123456Z\","
                        + "\"code\":\"connect\",\"message\":\"refused\"}");
        assertThat(JsonLines.event(new FeedEvent.SubscriptionFailed("kraken", RECEIVED, Channel.TICKER, BTC_USD,
                "Currency pair not supported")))
                .isEqualTo("{\"type\":\"error\",\"exchange\":\"kraken\",\"at\":\"2024-05-01T10:15:30.123456Z\","
                        + "\"code\":\"subscription-failed\",\"channel\":\"ticker\",\"instrument\":\"BTC/USD\","
                        + "\"message\":\"Currency pair not supported\"}");
    }

    @Test
    void gapsStalenessAndHandoversHaveTheirOwnTypes() {
        assertThat(JsonLines.event(new FeedEvent.SequenceGap("coinbase", RECEIVED, BTC_USD, "ticker:BTC/USD", 5, 7)))
                .isEqualTo("{\"type\":\"gap\",\"exchange\":\"coinbase\",\"at\":\"2024-05-01T10:15:30.123456Z\","
                        + "\"instrument\":\"BTC/USD\",\"stream\":\"ticker:BTC/USD\",\"firstMissing\":5,"
                        + "\"lastMissing\":7,\"missed\":3}");
        assertThat(JsonLines.event(new FeedEvent.Stale("kraken", RECEIVED, BTC_USD, Duration.ofSeconds(61))))
                .contains("\"type\":\"stale\"", "\"silentFor\":\"PT1M1S\"");
        assertThat(JsonLines.event(new FeedEvent.Fresh("kraken", RECEIVED, BTC_USD))).contains("\"type\":\"fresh\"");
        assertThat(JsonLines.event(new FeedEvent.Handover("binance", RECEIVED, "24 h lifetime")))
                .contains("\"type\":\"handover\"", "\"reason\":\"24 h lifetime\"");
    }

    @Test
    void aRecordedFrameEscapesQuotesBackslashesAndControlCharacters() {
        String frame = "{\"a\":\"x\\\\y\"}\n\t\u0001\u2028é";

        assertThat(JsonLines.frame(RECEIVED, frame)).isEqualTo("{\"receivedAt\":\"2024-05-01T10:15:30.123456Z\","
                + "\"frame\":\"{\\\"a\\\":\\\"x\\\\\\\\y\\\"}\\n\\t\\u0001\\u2028é\"}");
    }

    @Test
    void aRecordedFrameReadsBackExactly() {
        String frame = "{\"channel\":\"ticker\",\"data\":[{\"symbol\":\"BTC/USD\",\"last\":67523.1}]}\r\n\"\\\u0007";

        RecordedFrame read = RecordedFrame.parse(JsonLines.frame(RECEIVED, frame));

        assertThat(read.receivedAt()).isEqualTo(RECEIVED);
        assertThat(read.frame()).isEqualTo(frame);
    }
}
