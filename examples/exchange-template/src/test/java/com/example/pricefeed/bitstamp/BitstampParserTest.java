package com.example.pricefeed.bitstamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.AccountEvent;
import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.Side;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.spi.ParseSink;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BitstampParserTest {

    private static final Instrument BTC_USD = Instrument.of("BTC/USD");
    private static final Instant RECEIVED = Instant.parse("2024-09-24T09:26:46Z");

    private final Recorder sink = new Recorder();
    private final BitstampParser parser = new BitstampParser(new BitstampSymbols(Set.of(BTC_USD)), true, true);

    private static String frame(String name) throws IOException {
        try (InputStream in = BitstampParserTest.class.getResourceAsStream("/frames/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    @Test
    void aTradeIsATradeWithTheTakersSideAndTheLastPriceOfTheTicker() throws IOException {
        parser.parse(frame("trade.json"), sink);

        Instant time = Instant.parse("2024-09-24T09:26:45.237012Z");
        assertThat(sink.trades).containsExactly(new Trade("bitstamp", BTC_USD, new BigDecimal("63360"),
                new BigDecimal("0.01230000"), Side.SELL, "353924838", time, RECEIVED));
        assertThat(sink.ticks).singleElement().satisfies(tick -> {
            assertThat(tick.last()).isEqualTo(new BigDecimal("63360"));
            assertThat(tick.lastSize().toPlainString()).isEqualTo("0.01230000");
            assertThat(tick.bid()).isNull();
            assertThat(tick.exchangeTime()).isEqualTo(time);
        });
    }

    @Test
    void theOrderBookGivesTheBestBidAndAskWithTheirSizes() throws IOException {
        parser.parse(frame("order-book.json"), sink);

        assertThat(sink.ticks).singleElement().satisfies(tick -> {
            assertThat(tick.bid().toPlainString()).isEqualTo("63350");
            assertThat(tick.bidSize().toPlainString()).isEqualTo("0.50000000");
            assertThat(tick.ask().toPlainString()).isEqualTo("63360");
            assertThat(tick.askSize().toPlainString()).isEqualTo("0.40000000");
            assertThat(tick.last()).isNull();
            assertThat(tick.exchangeTime()).isEqualTo(Instant.parse("2024-09-24T09:26:46.001500Z"));
            assertThat(tick.receivedAt()).isEqualTo(RECEIVED);
        });
    }

    @Test
    void controlFramesAreAcknowledgementsPongsErrorsAndReconnectRequests() {
        parser.parse("{\"event\":\"bts:subscription_succeeded\",\"channel\":\"order_book_btcusd\",\"data\":{}}", sink);
        parser.parse("{\"event\":\"bts:heartbeat\",\"channel\":\"\",\"data\":{\"status\":\"success\"}}", sink);
        parser.parse("{\"event\":\"bts:error\",\"channel\":\"live_trades_btcusd\",\"data\":{\"code\":null,"
                + "\"message\":\"Bad subscription string.\"}}", sink);
        parser.parse("{\"event\":\"bts:error\",\"channel\":\"\",\"data\":{\"code\":null,"
                + "\"message\":\"Incorrect JSON format.\"}}", sink);
        parser.parse("{\"event\":\"bts:request_reconnect\",\"channel\":\"\",\"data\":\"\"}", sink);
        parser.parse("{\"event\":\"bts:something_new\",\"channel\":\"\",\"data\":{}}", sink);

        assertThat(sink.log).containsExactly("subscribed TICKER BTC/USD", "pong",
                "subscribeFailed TRADES BTC/USD Bad subscription string.", "error null Incorrect JSON format.",
                "reconnect", "unknown bts:something_new");
    }

    @Test
    void aFrameOfAPairNotAskedForIsSkippedAndAMalformedOneThrows() throws IOException {
        parser.parse(frame("trade.json").replace("live_trades_btcusd", "live_trades_xrpeur"), sink);

        assertThat(sink.trades).isEmpty();
        assertThat(sink.log).containsExactly("unknown trade");
        assertThatThrownBy(() -> parser.parse("}{", sink)).isInstanceOf(RuntimeException.class);
    }

    /** Records what the parser reports. */
    private static final class Recorder implements ParseSink {
        final List<Tick> ticks = new ArrayList<>();
        final List<Trade> trades = new ArrayList<>();
        final List<String> log = new ArrayList<>();

        @Override
        public Instant receivedAt() {
            return RECEIVED;
        }

        @Override
        public void tick(Tick tick) {
            ticks.add(tick);
        }

        @Override
        public void trade(Trade trade) {
            trades.add(trade);
        }

        @Override
        public void account(AccountEvent event) {
            log.add("account");
        }

        @Override
        public boolean sequence(String stream, Instrument instrument, long sequence) {
            return true;
        }

        @Override
        public void heartbeat() {
            log.add("heartbeat");
        }

        @Override
        public void pong() {
            log.add("pong");
        }

        @Override
        public void welcome() {
            log.add("welcome");
        }

        @Override
        public void subscribed(Channel channel, Instrument instrument) {
            log.add("subscribed " + channel + " " + instrument);
        }

        @Override
        public void subscribeFailed(Channel channel, Instrument instrument, String reason) {
            log.add("subscribeFailed " + channel + " " + instrument + " " + reason);
        }

        @Override
        public void exchangeError(String code, String message) {
            log.add("error " + code + " " + message);
        }

        @Override
        public void reconnectRequested(String reason) {
            log.add("reconnect");
        }

        @Override
        public void unknown(String type) {
            log.add("unknown " + type);
        }
    }
}
