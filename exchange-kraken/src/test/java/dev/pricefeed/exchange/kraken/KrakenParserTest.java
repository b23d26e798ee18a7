package dev.pricefeed.exchange.kraken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.Side;
import dev.pricefeed.testkit.RecordingSink;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Parser behaviour beyond the samples: acks matched by req_id, failures, executions, exactness, robustness. */
class KrakenParserTest {

    private static final Instrument BTC_USD = Instrument.of("BTC/USD");
    private static final Instrument ETH_USD = Instrument.of("ETH/USD");

    private final KrakenSymbols symbols = new KrakenSymbols(new KrakenPairCatalog());
    private final KrakenConnectionState state =
            new KrakenConnectionState(symbols);
    private final KrakenParser parser = new KrakenParser(state);
    private final RecordingSink sink = new RecordingSink();

    @Test
    @DisplayName("JSON numbers in exponent form stay exact (3.426e-5)")
    void exponentNumbersStayExact() {
        parser.parse("{\"channel\":\"ticker\",\"type\":\"update\",\"data\":[{\"symbol\":\"SHIB/EUR\","
                + "\"bid\":3.426e-5,\"bid_qty\":1E+3,\"ask\":0.00003427,\"last\":3.4260E-5}]}", sink);

        assertThat(sink.ticks()).singleElement().satisfies(tick -> {
            assertThat(tick.bid()).isEqualTo(new BigDecimal("3.426e-5"));
            assertThat(tick.bid().toPlainString()).isEqualTo("0.00003426");
            assertThat(tick.bidSize()).isEqualTo(new BigDecimal("1E+3"));
            assertThat(tick.ask()).isEqualTo(new BigDecimal("0.00003427"));
            assertThat(tick.last()).isEqualTo(new BigDecimal("3.4260E-5"));
        });
    }

    @Test
    @DisplayName("a ticker frame whose data comes before channel and type is still read (second pass)")
    void dataBeforeHeaderIsRead() {
        parser.parse("{\"data\":[{\"bid\":1.5,\"symbol\":\"BTC/USD\"}],\"type\":\"update\",\"channel\":\"ticker\"}",
                sink);

        assertThat(sink.ticks()).singleElement().satisfies(tick -> {
            assertThat(tick.instrument()).isEqualTo(BTC_USD);
            assertThat(tick.bid()).isEqualTo(new BigDecimal("1.5"));
        });
    }

    @Test
    @DisplayName("a frame handed over as the JDK transport's buffer is read in place, twice when its data comes first")
    void charBufferFramesAreReadInPlace() {
        String frame = "{\"data\":[{\"bid\":1.5,\"symbol\":\"BTC/USD\"}],\"type\":\"update\",\"channel\":\"ticker\"}";
        // array-backed, not starting at index 0 of its array: what a decoder's buffer looks like
        java.nio.CharBuffer buffer = java.nio.CharBuffer.wrap(("xx" + frame).toCharArray());
        buffer.position(2);

        parser.parse(buffer, sink);
        parser.parse(buffer, sink);

        assertThat(buffer.position()).as("the parser leaves the buffer's position alone").isEqualTo(2);
        assertThat(sink.ticks()).hasSize(2).allSatisfy(tick -> {
            assertThat(tick.instrument()).isEqualTo(BTC_USD);
            assertThat(tick.bid()).isEqualTo(new BigDecimal("1.5"));
        });
    }

    @Test
    @DisplayName("ticks are reported under the instrument the user asked for (XBT/USD asked, BTC/USD on the wire)")
    void ticksUseTheRequestedInstrument() {
        Instrument xbt = Instrument.of("XBT/USD");
        state.register(Channel.TICKER, List.of(xbt));

        parser.parse("{\"channel\":\"ticker\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"last\":2}]}",
                sink);

        assertThat(sink.ticks()).singleElement().satisfies(t -> assertThat(t.instrument()).isEqualTo(xbt));
    }

    @Test
    @DisplayName("a failed subscribe is matched to its channel by req_id and carries Kraken's text")
    void failedSubscribeMatchedByRequestId() {
        state.register(Channel.TICKER, List.of(BTC_USD));
        long trades = state.register(Channel.TRADES, List.of(BTC_USD, Instrument.of("FOO/USD")));

        parser.parse("{\"error\":\"Currency pair not supported FOO/USD\",\"method\":\"subscribe\",\"req_id\":"
                + trades + ",\"success\":false,\"symbol\":\"FOO/USD\",\"time_in\":\"2023-09-25T09:04:31.742599Z\","
                + "\"time_out\":\"2023-09-25T09:04:31.742648Z\"}", sink);

        assertThat(sink.subscribeFailures()).containsExactly(new RecordingSink.SubscribeFailure(Channel.TRADES,
                Instrument.of("FOO/USD"), "Currency pair not supported FOO/USD"));
        assertThat(sink.errors()).isEmpty();
    }

    @Test
    @DisplayName("without req_id a failure falls back to the only channel requested for that symbol")
    void failedSubscribeWithoutRequestId() {
        state.register(Channel.TICKER, List.of(Instrument.of("FOO/USD")));

        parser.parse("{\"error\":\"Currency pair not supported FOO/USD\",\"method\":\"subscribe\","
                + "\"success\":false,\"symbol\":\"FOO/USD\"}", sink);

        assertThat(sink.subscribeFailures()).containsExactly(new RecordingSink.SubscribeFailure(Channel.TICKER,
                Instrument.of("FOO/USD"), "Currency pair not supported FOO/USD"));
    }

    @Test
    @DisplayName("an ambiguous failure (no req_id, several channels) is reported as an exchange error")
    void ambiguousFailureIsAnError() {
        state.register(Channel.TICKER, List.of(BTC_USD));
        state.register(Channel.TRADES, List.of(BTC_USD));

        parser.parse("{\"error\":\"Exceeded msg rate\",\"method\":\"subscribe\",\"success\":false,"
                + "\"symbol\":\"BTC/USD\"}", sink);

        assertThat(sink.subscribeFailures()).isEmpty();
        assertThat(sink.errors())
                .containsExactly(new RecordingSink.ExchangeError("subscribe", "Exceeded msg rate (BTC/USD)"));
    }

    @Test
    @DisplayName("a refused token asks once per connection for a reconnect (a fresh token); the token is not named")
    void refusedTokenAsksForAReconnect() {
        long balances = state.register(Channel.BALANCES, List.of());
        long executions = state.register(Channel.EXECUTIONS, List.of());

        parser.parse("{\"error\":\"ESession:Invalid session\",\"method\":\"subscribe\",\"req_id\":" + balances
                + ",\"success\":false}", sink);
        parser.parse("{\"error\":\"ESession:Invalid session\",\"method\":\"subscribe\",\"req_id\":" + executions
                + ",\"success\":false}", sink);

        assertThat(sink.subscribeFailures()).isEmpty();
        assertThat(sink.reconnects()).singleElement().asString()
                .contains("ESession:Invalid session", "fresh token", "BALANCES");
        assertThat(sink.errors()).hasSize(1);
    }

    @Test
    @DisplayName("a fresh token refused as well fails the account channel; an accepted one allows a renewal again")
    void freshTokenRefusedAsWellFailsTheChannel() {
        KrakenTokenRenewals renewals = new KrakenTokenRenewals();
        String refusal = "{\"error\":\"ESession:Invalid session\",\"method\":\"subscribe\",\"req_id\":1"
                + ",\"success\":false}";
        KrakenConnectionState first = new KrakenConnectionState(symbols, renewals);
        first.register(Channel.BALANCES, List.of());
        new KrakenParser(first).parse(refusal, sink);
        KrakenConnectionState second = new KrakenConnectionState(symbols, renewals);
        second.register(Channel.BALANCES, List.of());

        new KrakenParser(second).parse(refusal, sink);

        assertThat(sink.reconnects()).hasSize(1);
        assertThat(sink.subscribeFailures()).containsExactly(new RecordingSink.SubscribeFailure(Channel.BALANCES, null,
                "ESession:Invalid session (a fresh token was refused as well)"));

        renewals.accepted();
        KrakenConnectionState third = new KrakenConnectionState(symbols, renewals);
        third.register(Channel.BALANCES, List.of());
        new KrakenParser(third).parse(refusal, sink);
        assertThat(sink.reconnects()).hasSize(2);
    }

    @Test
    @DisplayName("a failure naming no symbol fails every instrument of its request")
    void failureWithoutSymbolFailsTheRequest() {
        long id = state.register(Channel.TICKER, List.of(BTC_USD, ETH_USD));

        parser.parse("{\"error\":\"EGeneral:Invalid arguments\",\"method\":\"subscribe\",\"req_id\":" + id
                + ",\"success\":false}", sink);

        assertThat(sink.subscribeFailures()).extracting(RecordingSink.SubscribeFailure::instrument)
                .containsExactly(BTC_USD, ETH_USD);
    }

    @Test
    @DisplayName("top-level errors and rate notices become exchange errors with Kraken's text")
    void errorFrames() {
        parser.parse("{\"Error\":\"Exceeded msg rate\"}", sink);
        parser.parse("{\"error\":\"Malformed request\",\"method\":\"error\",\"success\":false}", sink);

        assertThat(sink.errors()).containsExactly(new RecordingSink.ExchangeError(null, "Exceeded msg rate"),
                new RecordingSink.ExchangeError("error", "Malformed request"));
    }

    @Test
    @DisplayName("executions: typed fills with exact amounts and fees, sequence per connection")
    void executions() {
        // Built from the documented executions schema (no official sample frame exists in the shared samples).
        parser.parse("{\"channel\":\"executions\",\"type\":\"update\",\"data\":[{\"order_id\":\"OK4GJX-KSTLS-7DZZO5\","
                + "\"order_userref\":3,\"symbol\":\"BTC/USD\",\"order_qty\":0.005,\"cum_cost\":0.0,"
                + "\"time_in_force\":\"GTC\",\"exec_type\":\"trade\",\"side\":\"sell\",\"order_type\":\"limit\","
                + "\"limit_price\":26500.0,\"order_status\":\"partially_filled\",\"last_qty\":0.001,"
                + "\"last_price\":26500.5,\"cost\":26.5005,\"cum_qty\":0.001,\"avg_price\":26500.5,"
                + "\"fees\":[{\"asset\":\"USD\",\"qty\":0.0689013}],\"liquidity_ind\":\"m\",\"trade_id\":1211,"
                + "\"exec_id\":\"TOAVRQ-ZTZCX-OFAJBF\",\"cl_ord_id\":\"my-order-1\","
                + "\"timestamp\":\"2023-09-22T10:33:05.709950Z\"}],\"sequence\":8}", sink);

        assertThat(sink.connectionSequences()).containsExactly(new RecordingSink.Sequence("executions", null, 8));
        assertThat(sink.accountEvents()).singleElement().isInstanceOfSatisfying(KrakenExecution.class, e -> {
            assertThat(e.channel()).isEqualTo(Channel.EXECUTIONS);
            assertThat(e.execType()).isEqualTo("trade");
            assertThat(e.orderId()).isEqualTo("OK4GJX-KSTLS-7DZZO5");
            assertThat(e.clientOrderId()).isEqualTo("my-order-1");
            assertThat(e.execId()).isEqualTo("TOAVRQ-ZTZCX-OFAJBF");
            assertThat(e.tradeId()).isEqualTo("1211");
            assertThat(e.instrument()).isEqualTo(BTC_USD);
            assertThat(e.side()).isEqualTo(Side.SELL);
            assertThat(e.orderType()).isEqualTo("limit");
            assertThat(e.orderStatus()).isEqualTo("partially_filled");
            assertThat(e.orderQuantity()).isEqualTo(new BigDecimal("0.005"));
            assertThat(e.limitPrice()).isEqualTo(new BigDecimal("26500.0"));
            assertThat(e.lastQuantity()).isEqualTo(new BigDecimal("0.001"));
            assertThat(e.lastPrice()).isEqualTo(new BigDecimal("26500.5"));
            assertThat(e.cost()).isEqualTo(new BigDecimal("26.5005"));
            assertThat(e.cumulativeQuantity()).isEqualTo(new BigDecimal("0.001"));
            assertThat(e.cumulativeCost()).isEqualTo(new BigDecimal("0.0"));
            assertThat(e.averagePrice()).isEqualTo(new BigDecimal("26500.5"));
            assertThat(e.fees()).containsExactly(new KrakenFee("USD", new BigDecimal("0.0689013")));
            assertThat(e.liquidity()).isEqualTo("m");
            assertThat(e.exchangeTime()).isEqualTo(Instant.parse("2023-09-22T10:33:05.709950Z"));
            assertThat(e.snapshot()).isFalse();
            assertThat(e.sequence()).isEqualTo(8);
        });
    }

    @Test
    @DisplayName("account streams are connection sequences, since Kraken restarts their numbering on each connection")
    void accountStreamsAreConnectionSequences() {
        String frame = Samples.read("v2-balances-snapshot.json");
        parser.parse(frame, sink);
        RecordingSink next = new RecordingSink();
        new KrakenParser(new KrakenConnectionState(symbols)).parse(frame, next);

        assertThat(sink.sequences()).isEmpty();
        assertThat(sink.connectionSequences()).extracting(RecordingSink.Sequence::stream).containsExactly("balances");
        assertThat(next.connectionSequences()).isEqualTo(sink.connectionSequences());
        assertThat(next.accountEvents()).hasSameSizeAs(sink.accountEvents()).isNotEmpty();
    }

    @Test
    @DisplayName("a ticker ack without the symbol we sent is matched by req_id")
    void ackMatchedByRequestId() {
        long id = state.register(Channel.TICKER, List.of(ETH_USD));

        parser.parse("{\"method\":\"subscribe\",\"result\":{\"channel\":\"ticker\",\"symbol\":\"ETH/USD\","
                + "\"snapshot\":true,\"warnings\":[\"x\"]},\"success\":true,\"req_id\":" + id + "}", sink);
        parser.parse("{\"method\":\"subscribe\",\"result\":{\"channel\":\"trade\",\"symbol\":\"ETH/USD\"},"
                + "\"success\":true}", sink);

        assertThat(sink.subscribed()).containsExactly(new RecordingSink.Subscribed(Channel.TICKER, ETH_USD),
                new RecordingSink.Subscribed(Channel.TRADES, ETH_USD));
    }

    @Test
    @DisplayName("unknown channels, methods and fields are counted, never thrown")
    void unknownsAreCounted() {
        parser.parse("{\"channel\":\"book\",\"type\":\"snapshot\",\"data\":[{\"symbol\":\"BTC/USD\",\"bids\":[]}]}",
                sink);
        parser.parse("{\"method\":\"add_order\",\"success\":true,\"result\":{\"order_id\":\"X\"}}", sink);
        parser.parse("{\"channel\":\"ticker\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"last\":1,"
                + "\"new_field\":{\"nested\":[1,2,{\"a\":null}]},\"trades\":99}]}", sink);
        parser.parse("[]", sink);
        parser.parse("42", sink);

        assertThat(sink.unknown()).hasSize(4);
        assertThat(sink.ticks()).singleElement().satisfies(t -> assertThat(t.last()).isEqualTo(new BigDecimal("1")));
    }

    @Test
    @DisplayName("a malformed frame throws, for the runtime to count and skip")
    void malformedFrameThrows() {
        assertThatThrownBy(() -> parser.parse("}{ not json", sink)).isInstanceOf(RuntimeException.class);
    }

    @Test
    @DisplayName("a trade with a non-numeric id is delivered without a sequence check")
    void nonNumericTradeId() {
        parser.parse("{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"side\":\"sell\","
                + "\"price\":100.5,\"qty\":2,\"trade_id\":\"abc\"}]}", sink);

        assertThat(sink.trades()).singleElement().satisfies(t -> {
            assertThat(t.tradeId()).isEqualTo("abc");
            assertThat(t.side()).isEqualTo(Side.SELL);
        });
        assertThat(sink.sequences()).isEmpty();
    }

    @Test
    @DisplayName("a repeated trade id (a duplicate) is dropped")
    void duplicateTradeIsDropped() {
        String frame = "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"side\":\"buy\","
                + "\"price\":100.5,\"qty\":2,\"trade_id\":5}]}";
        parser.parse(frame, sink);
        parser.parse(frame, sink);

        assertThat(sink.trades()).hasSize(1);
    }
}
