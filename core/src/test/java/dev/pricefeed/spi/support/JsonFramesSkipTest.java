package dev.pricefeed.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Skipping values: whole ones, and frames cut off inside one (Parsson's own skip loops forever on those). */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class JsonFramesSkipTest {

    @Test
    @DisplayName("skips a nested array and an object and lands on what follows")
    void skipsWholeValues() {
        try (JsonParser parser = JsonFrames.parser("[[1,{\"a\":[2,3]}],{\"b\":{\"c\":4}},\"after\"]")) {
            assertThat(parser.next()).isEqualTo(JsonParser.Event.START_ARRAY);
            JsonFrames.skip(parser, parser.next());
            JsonFrames.skip(parser, parser.next());
            assertThat(parser.next()).isEqualTo(JsonParser.Event.VALUE_STRING);
            assertThat(parser.getString()).isEqualTo("after");
        }
    }

    @Test
    @DisplayName("a frame cut off inside an array or object throws instead of hanging (found by fuzzing Kraken)")
    void cutOffFrameThrows() {
        for (String frame : new String[] {"[42,[1,2", "[42,{\"a\":[1,2", "{\"a\":{\"b\":", "[[[["}) {
            try (JsonParser parser = JsonFrames.parser(frame)) {
                JsonParser.Event first = parser.next();
                assertThatThrownBy(() -> {
                    JsonFrames.skip(parser, parser.next());
                    JsonFrames.skipRest(parser);
                }).as(frame).isInstanceOf(JsonParsingException.class);
                assertThat(first).isIn(JsonParser.Event.START_ARRAY, JsonParser.Event.START_OBJECT);
            }
        }
    }
}
