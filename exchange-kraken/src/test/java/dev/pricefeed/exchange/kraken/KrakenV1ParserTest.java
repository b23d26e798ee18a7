package dev.pricefeed.exchange.kraken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Instrument;
import dev.pricefeed.testkit.RecordingSink;
import jakarta.json.stream.JsonParsingException;
import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * v1 array frames read in one pass: the ticker payload comes before its channel name and pair, so its prices are held
 * by the parser until those are read; none may reach a tick of another frame or of a frame that is not a ticker.
 */
class KrakenV1ParserTest {

    private static final String FULL = "[1668,{\"a\":[\"13.253900\",35,\"35.72892241\"],"
            + "\"b\":[\"13.232900\",185,\"185.18432037\"],\"c\":[\"13.253900\",\"3.71672000\"],"
            + "\"v\":[\"26560.85364463\",\"72035.05488104\"],\"p\":[\"13.529003\",\"13.734728\"],\"t\":[640,1353],"
            + "\"l\":[\"13.021800\",\"13.021800\"],\"h\":[\"13.942000\",\"14.211200\"],"
            + "\"o\":[\"13.804000\",\"13.428300\"]},\"ticker\",\"WAVES/EUR\"]";

    private final KrakenParser parser =
            new KrakenParser(new KrakenConnectionState(new KrakenSymbols(new KrakenPairCatalog())));
    private final RecordingSink sink = new RecordingSink();

    @Test
    @DisplayName("a ticker that sends only some fields gets nulls for the rest, never the previous frame's prices")
    void partialTickerAfterAFullOne() {
        parser.parse(FULL, sink);
        parser.parse("[1668,{\"c\":[\"13.3\",\"0.5\"]},\"ticker\",\"WAVES/EUR\"]", sink);

        assertThat(sink.ticks()).hasSize(2);
        assertThat(sink.ticks().get(0).ask()).isEqualTo(new BigDecimal("13.253900"));
        assertThat(sink.ticks().get(1)).satisfies(tick -> {
            assertThat(tick.last()).isEqualTo(new BigDecimal("13.3"));
            assertThat(tick.lastSize()).isEqualTo(new BigDecimal("0.5"));
            assertThat(tick.ask()).isNull();
            assertThat(tick.askSize()).isNull();
            assertThat(tick.bid()).isNull();
            assertThat(tick.volume()).isNull();
            assertThat(tick.open()).isNull();
            assertThat(tick.receivedAt()).isEqualTo(RecordingSink.RECEIVED_AT);
        });
    }

    @Test
    @DisplayName("an object payload of another channel (book), of a pair that is no pair, or out of place gives no tick")
    void objectPayloadsThatAreNotTickers() {
        parser.parse("[10,{\"a\":[[\"5541.3\",\"2.5\",\"1534614248.456738\"]],\"c\":\"974942666\"},\"book-10\","
                + "\"XBT/USD\"]", sink);
        parser.parse(FULL.replace("WAVES/EUR", "WAVESEUR"), sink);
        parser.parse("[1668,[\"13.2\"],\"ticker\",\"WAVES/EUR\"]", sink);
        parser.parse("[{\"a\":[\"1\",1,\"1\"]},1668,\"ticker\",\"WAVES/EUR\"]", sink);

        assertThat(sink.ticks()).isEmpty();
        assertThat(sink.unknown()).containsExactly("v1 book-10", "v1 array", "v1 ticker", "v1 ticker");
    }

    @Test
    @DisplayName("prices sent as JSON numbers, and fields in any order, stay exact")
    void numbersAndOrder() {
        parser.parse("[\n 0, {\"o\":[1.5,2.50],\"b\":[3.426e-5,1,100],\"new\":{\"x\":[1]},\"a\":[\"7\",1,\"0.10\"]},"
                + " \"ticker\", \"XBT/USD\"\n]", sink);

        assertThat(sink.ticks()).singleElement().satisfies(tick -> {
            assertThat(tick.instrument()).isEqualTo(Instrument.of("BTC/USD"));
            assertThat(tick.open()).isEqualTo(new BigDecimal("2.50"));
            assertThat(tick.bid()).isEqualTo(new BigDecimal("3.426e-5"));
            assertThat(tick.bidSize()).isEqualTo(new BigDecimal("100"));
            assertThat(tick.ask()).isEqualTo(new BigDecimal("7"));
            assertThat(tick.askSize()).isEqualTo(new BigDecimal("0.10"));
        });
    }

    @Test
    @DisplayName("a ticker with a price that is not a number, or cut off, throws for the runtime to count and skip")
    void malformedTickers() {
        assertThatThrownBy(() -> parser.parse(FULL.replace("\"13.232900\"", "\"13.2x\""), sink))
                .isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> parser.parse(FULL.substring(0, 80), sink))
                .isInstanceOf(JsonParsingException.class);

        parser.parse(FULL, sink);
        assertThat(sink.ticks()).singleElement()
                .satisfies(tick -> assertThat(tick.bid()).isEqualTo(new BigDecimal("13.232900")));
    }

    @Test
    @DisplayName("trades after a ticker are still read, in their own pass")
    void tradesAfterATicker() {
        parser.parse(FULL, sink);
        parser.parse("[0,[[\"5541.20000\",\"0.15850568\",\"1534614057.321597\",\"s\",\"l\",\"\"]],\"trade\","
                + "\"XBT/USD\"]", sink);

        assertThat(sink.ticks()).hasSize(1);
        assertThat(sink.trades()).singleElement().satisfies(trade -> {
            assertThat(trade.instrument()).isEqualTo(Instrument.of("BTC/USD"));
            assertThat(trade.price()).isEqualTo(new BigDecimal("5541.20000"));
        });
    }
}
