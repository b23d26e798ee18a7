package dev.pricefeed.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.math.BigDecimal;
import java.nio.CharBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameReaderTest {

    private final FrameReader reader = new FrameReader();

    /** Every key and string value of a frame as the reader gives them, next to what JSON-P's getString gives. */
    private List<String[]> readBoth(String frame) {
        List<String[]> pairs = new ArrayList<>();
        try (JsonParser parser = reader.open(frame)) {
            while (parser.hasNext()) {
                Event event = parser.next();
                if (event == Event.KEY_NAME) {
                    pairs.add(new String[] {reader.key(), parser.getString()});
                } else if (event == Event.VALUE_STRING) {
                    pairs.add(new String[] {reader.text(event), parser.getString()});
                }
            }
        }
        return pairs;
    }

    @Test
    void keysAndStringsAreWhatJsonPDecodes() {
        String frame = "{\"plain\":\"abc\", \"esc\\\"aped\" : \"x\\\"y\",\"back\\\\\":\"\\\\\",\"u\":\"\\u00e9t\\u00E9\","
                + "\"empty\":\"\",\"nested\":{\"k\":[\"a\",\"\\/\",{\"deep\":\"\u20ac\ud83d\ude00\"}]},\"n\":1.5e3}";
        List<String[]> pairs = readBoth(frame);
        assertThat(pairs).hasSize(17);
        for (String[] pair : pairs) {
            assertThat(pair[0]).isEqualTo(pair[1]);
        }
    }

    @Test
    void randomFramesLongerThanParssonsBufferReadTheSameAsJsonP() {
        Random random = new Random(7);
        String alphabet = "ab\"\\/é€\ud83d\ude00 :,{}[]0.9";
        for (int round = 0; round < 40; round++) {
            StringBuilder frame = new StringBuilder("{");
            int fields = 50 + random.nextInt(400);
            for (int f = 0; f < fields; f++) {
                if (f > 0) {
                    frame.append(random.nextBoolean() ? "," : " , ");
                }
                frame.append('"').append(randomJsonText(random, alphabet)).append("\":");
                frame.append(random.nextInt(3) == 0 ? String.valueOf(random.nextInt()) : "\"" + randomJsonText(random,
                        alphabet) + "\"");
            }
            frame.append('}');
            for (String[] pair : readBoth(frame.toString())) {
                assertThat(pair[0]).isEqualTo(pair[1]);
            }
        }
    }

    private static String randomJsonText(Random random, String alphabet) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(random.nextInt(10) == 0 ? 60 : 8);
        for (int i = 0; i < length; i++) {
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            if (c == '"' || c == '\\') {
                text.append('\\');
            }
            if (Character.isHighSurrogate(c)) {
                text.append(c).append('\ude00');
            } else if (!Character.isLowSurrogate(c)) {
                text.append(c);
            }
        }
        return text.toString();
    }

    @Test
    void aKeyOrShortValueSeenBeforeIsTheSameInstance() {
        String first = readBoth("{\"symbol\":\"BTCUSDT\"}").get(1)[0];
        String again = readBoth("{\"symbol\":\"BTCUSDT\"}").get(1)[0];
        assertThat(again).isSameAs(first).isEqualTo("BTCUSDT");
        // many distinct keys share the slots: a collision replaces, never confuses
        for (int i = 0; i < 5_000; i++) {
            String key = "k" + i;
            assertThat(readBoth("{\"" + key + "\":1}").get(0)[0]).isEqualTo(key);
        }
    }

    @Test
    void decimalsWholesAndTimesComeFromTheFramesText() {
        String frame = "{\"p\":\"67523.10\",\"q\":3.426e-5,\"e\":\"\",\"x\":\"1\\u002e5\",\"n\":null,"
                + "\"id\":\"1612844051653\",\"big\":-9223372036854775808,\"two\":2.0,\"neg\":-42,"
                + "\"t\":\"2022-10-19T23:28:22.061769Z\",\"t2\":\"2024-02-29T23:59:59+02:00\"}";
        try (JsonParser parser = reader.open(frame)) {
            parser.next();
            assertThat(field(parser, "p", e -> reader.decimal(e))).isEqualTo(new BigDecimal("67523.10"));
            assertThat(field(parser, "q", e -> reader.decimal(e))).isEqualTo(new BigDecimal("3.426e-5"));
            assertThat(field(parser, "e", e -> reader.decimal(e))).isNull();
            assertThat(field(parser, "x", e -> reader.decimal(e))).isEqualTo(new BigDecimal("1.5"));
            assertThat(field(parser, "n", e -> reader.decimal(e))).isNull();
            assertThat(field(parser, "id", e -> reader.whole(e))).isEqualTo(1612844051653L);
            assertThat(field(parser, "big", e -> reader.whole(e))).isEqualTo(Long.MIN_VALUE);
            assertThat(field(parser, "two", e -> reader.whole(e))).isEqualTo(2L);
            assertThat(field(parser, "neg", e -> reader.whole(e))).isEqualTo(-42L);
            assertThat(field(parser, "t", e -> reader.instant(e)))
                    .isEqualTo(Instant.parse("2022-10-19T23:28:22.061769Z"));
            assertThat(field(parser, "t2", e -> reader.instant(e))).isEqualTo(Instant.parse("2024-02-29T21:59:59Z"));
        }
    }

    @Test
    void badValuesFailAsMalformedFrames() {
        assertThatThrownBy(() -> readOne("{\"p\":\"12a\"}", e -> reader.decimal(e)))
                .isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> readOne("{\"p\":99999999999999999999}", e -> reader.whole(e)))
                .isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> readOne("{\"p\":1.5}", e -> reader.whole(e)))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> readOne("{\"p\":\"2023-02-29T00:00:00Z\"}", e -> reader.instant(e)))
                .isInstanceOf(java.time.DateTimeException.class);
        assertThatThrownBy(() -> readOne("{\"p\":\"12", e -> reader.decimal(e)))
                .isInstanceOf(JsonParsingException.class);
    }

    @Test
    void textIsComparesWithoutReading() {
        try (JsonParser parser = reader.open("{\"e\":\"24hrTicker\",\"f\":\"a\\\"b\",\"g\":1}")) {
            parser.next();
            parser.next();
            Event e = parser.next();
            assertThat(reader.textIs(e, "24hrTicker")).isTrue();
            assertThat(reader.textIs(e, "24hrTicke")).isFalse();
            parser.next();
            assertThat(reader.textIs(parser.next(), "a\"b")).isTrue();
            parser.next();
            assertThat(reader.textIs(parser.next(), "1")).isFalse();
        }
    }

    private Object readOne(String frame, java.util.function.Function<Event, Object> read) {
        try (JsonParser parser = reader.open(frame)) {
            parser.next();
            parser.next();
            return read.apply(parser.next());
        }
    }

    private Object field(JsonParser parser, String key, java.util.function.Function<Event, Object> read) {
        assertThat(parser.next()).isEqualTo(Event.KEY_NAME);
        assertThat(reader.key()).isEqualTo(key);
        return read.apply(parser.next());
    }

    @Test
    void aReaderOverAParserMadeElsewhereReadsThroughJsonP() {
        try (JsonParser parser = JsonFrames.parser("{\"a\\u0062\":\"7.5\",\"n\":\"12\",\"t\":\"1970-01-01T00:00:01Z\"}")) {
            FrameReader over = FrameReader.over(parser);
            parser.next();
            parser.next();
            assertThat(over.key()).isEqualTo("ab");
            assertThat(over.decimal(parser.next())).isEqualTo(new BigDecimal("7.5"));
            parser.next();
            assertThat(over.whole(parser.next())).isEqualTo(12L);
            parser.next();
            assertThat(over.instant(parser.next())).isEqualTo(Instant.ofEpochSecond(1));
        }
    }

    @Test
    void keysAndValuesAreFoundInANameTableWithoutEscapesOrWithThem() {
        NameTable names = NameTable.of("e", "E", "s", "24hrTicker", "best_bid_size", "a\"b");
        String frame = "{\"e\":\"24hrTicker\",\"E\":1,\"\\u0073\":\"24hr\\u0054icker\",\"x\":\"e\","
                + "\"best_bid_size\":\"a\\\"b\",\"best_bid\":\"24hrTickers\",\"n\":5}";
        List<Integer> keys = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        try (JsonParser parser = reader.open(frame)) {
            parser.next();
            while (parser.next() == Event.KEY_NAME) {
                keys.add(reader.key(names));
                values.add(reader.text(parser.next(), names));
            }
        }
        // e, E, s (escaped), x (unknown), best_bid_size, best_bid (a prefix of a name), n
        assertThat(keys).containsExactly(0, 1, 2, -1, 4, -1, -1);
        // 24hrTicker, a number, 24hrTicker (escaped), e, a"b (escaped), a longer text, a number
        assertThat(values).containsExactly(3, -1, 3, 0, 5, -1, -1);
    }

    @Test
    void wholeNumbersFromTheFrameMatchLongParseLong() {
        String[] texts = {"0", "-0", "+7", "1672515782136", "999999999999999999", "-999999999999999999",
                "9223372036854775807", "-9223372036854775808"};
        for (String text : texts) {
            assertThat(readOne("{\"n\":\"" + text + "\"}", e -> reader.whole(e))).as(text)
                    .isEqualTo(Long.parseLong(text));
        }
        for (String bad : new String[] {"-", "+", "1.5", "12a", "9223372036854775808", " 1", "1-"}) {
            assertThatThrownBy(() -> readOne("{\"n\":\"" + bad + "\"}", e -> reader.whole(e))).as(bad)
                    .isInstanceOf(NumberFormatException.class);
        }
    }

    @Test
    void aFrameLongerThanAnyBeforeAndOneBeyondTheKeptSizeReadTheirOwnCharacters() {
        for (int size : new int[] {10, 5_000, 100_000, 20}) {
            String pad = "x".repeat(size);
            String frame = "{\"pad\":\"" + pad + "\",\"p\":\"1.25\"}";
            try (JsonParser parser = reader.open(frame)) {
                parser.next();
                assertThat(field(parser, "pad", e -> reader.text(e))).isEqualTo(pad);
                assertThat(field(parser, "p", e -> reader.decimal(e))).isEqualTo(new BigDecimal("1.25"));
            }
        }
    }

    @Test
    void aFrameIsReadTheSameFromABufferAtAnOffsetABuilderOrAnyCharSequence() {
        String frame = "{\"s\":\"BTC\",\"e\\\"x\":\"\\u0041\",\"p\":\"1.5\",\"t\":\"2024-01-01T00:00:00Z\",\"n\":-42}";
        char[] padded = ("\"}junk" + frame + "\"trailing").toCharArray();
        CharBuffer atOffset = CharBuffer.wrap(padded, 6, frame.length());
        CharBuffer sliced = CharBuffer.wrap(padded).position(6).slice().limit(frame.length());
        CharSequence plain = new CharSequence() {
            @Override
            public int length() {
                return frame.length();
            }

            @Override
            public char charAt(int index) {
                return frame.charAt(index);
            }

            @Override
            public CharSequence subSequence(int start, int end) {
                return frame.subSequence(start, end);
            }
        };
        for (CharSequence source : List.of(frame, atOffset, sliced, new StringBuilder(frame), plain,
                CharBuffer.wrap(frame).asReadOnlyBuffer())) {
            try (JsonParser parser = reader.open(source)) {
                parser.next();
                assertThat(field(parser, "s", e -> reader.text(e))).isEqualTo("BTC");
                assertThat(field(parser, "e\"x", e -> reader.text(e))).isEqualTo("A");
                assertThat(field(parser, "p", e -> reader.decimal(e))).isEqualTo(new BigDecimal("1.5"));
                assertThat(field(parser, "t", e -> reader.instant(e))).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
                assertThat(field(parser, "n", e -> reader.whole(e))).isEqualTo(-42L);
                assertThat(parser.next()).isEqualTo(Event.END_OBJECT);
            }
        }
    }

    @Test
    void eachFrameGetsAWorkingParserAfterOneWasLeftOpenOrFailed() {
        JsonParser left = reader.open("{\"a\":\"1\"}");
        left.next();
        assertThatThrownBy(() -> readOne("{\"p\":tru}", e -> reader.text(e))).isInstanceOf(JsonParsingException.class);
        assertThat(readOne("{\"p\":\"2.5\"}", e -> reader.decimal(e))).isEqualTo(new BigDecimal("2.5"));
        left.close();
        assertThat(readOne("{\"p\":\"3\"}", e -> reader.decimal(e))).isEqualTo(new BigDecimal("3"));
    }

    @Test
    void oneCharacterKeysAreFoundWithAndWithoutEscapes() {
        NameTable names = NameTable.of("a", "\"", "\\", "\u00e9", "\u20ac", "ab", "b");
        String frame = "{\"a\":1,\"\\\"\":2,\"\\\\\":3,\"\u00e9\":4,\"\u20ac\":5,\"\\u0061\":6,\"ab\":7,\"z\":8,"
                + "\"x\\\"b\":9,\"b\":10}";
        List<Integer> keys = new ArrayList<>();
        try (JsonParser parser = reader.open(frame)) {
            parser.next();
            while (parser.next() == Event.KEY_NAME) {
                keys.add(reader.key(names));
                parser.next();
            }
        }
        // a, escaped quote, escaped backslash, e acute, euro sign, escaped a, ab, z (unknown), x"b (unknown), b
        assertThat(keys).containsExactly(0, 1, 2, 3, 4, 0, 5, -1, -1, 6);
    }

    @Test
    void decimalStringsReadFromTheFrameAreWhatBigDecimalMakesOfThem() {
        Random random = new Random(11);
        String alphabet = "0123456789012345678901234567890123456789.-+eE x";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(random.nextInt(8) == 0 ? 30 : 12);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = text.toString();
            Object expected;
            try {
                expected = value.isEmpty() ? null : new BigDecimal(value);
            } catch (NumberFormatException e) {
                expected = NumberFormatException.class;
            }
            Object read;
            try {
                read = readOne("{\"p\":\"" + value + "\"}", e -> reader.decimal(e));
            } catch (NumberFormatException e) {
                read = NumberFormatException.class;
            }
            assertThat(read).as(value).isEqualTo(expected);
        }
        for (String value : new String[] {"67523.10", "-0.5", "+7", ".5", "5.", "-.5", "0.00000000", "123456789012345678",
            "1234567890123456789", "0.0000000000000000001", "-", "+", ".", "1.2.3", "--1", "1-", "\\u0031"}) {
            Object expected;
            try {
                expected = new BigDecimal(value.replace("\\u0031", "1"));
            } catch (NumberFormatException e) {
                expected = NumberFormatException.class;
            }
            Object read;
            try {
                read = readOne("{\"p\":\"" + value + "\"}", e -> reader.decimal(e));
            } catch (NumberFormatException e) {
                read = NumberFormatException.class;
            }
            assertThat(read).as(value).isEqualTo(expected);
        }
    }

    @Test
    void aSecondPassOpenedWhileTheFirstIsOpenReusesBuffersFrameAfterFrame() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        String frame = "[1,[[\"5541.2\",\"0.15\"]],\"trade\",\"XBT/USD\"]";
        Runnable twoPasses = () -> {
            try (JsonParser first = reader.open(frame)) {
                first.next();
                try (JsonParser second = reader.open(frame)) {
                    while (second.hasNext()) {
                        second.next();
                    }
                }
            }
        };
        for (int i = 0; i < 10_000; i++) {
            twoPasses.run();
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1_000; i++) {
            twoPasses.run();
        }
        // two parsers and their contexts are a few hundred bytes; a new 4096-char buffer per pass would be 8 KB
        assertThat((threads.getCurrentThreadAllocatedBytes() - before) / 1_000).isLessThan(4_000);
    }
}
