package dev.pricefeed.cli;

import dev.pricefeed.spi.support.JsonFrames;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One line of a recording made by {@code pricefeed record}: {@code {"receivedAt":"<ISO-8601>","frame":"<text>"}}.
 *
 * @param receivedAt when the frame was received
 * @param frame the frame's text
 */
record RecordedFrame(Instant receivedAt, String frame) {

    RecordedFrame {
        Objects.requireNonNull(receivedAt, "receivedAt is null");
        Objects.requireNonNull(frame, "frame is null");
    }

    /**
     * Reads one recording line.
     *
     * @throws IllegalArgumentException when the line is not a recording object with both members
     */
    static RecordedFrame parse(String line) {
        Instant receivedAt = null;
        String frame = null;
        try (JsonParser parser = JsonFrames.parser(line)) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.END_OBJECT) {
                    break;
                }
                String name = parser.getString();
                JsonParser.Event value = parser.next();
                if (name.equals("receivedAt") && value == JsonParser.Event.VALUE_STRING) {
                    receivedAt = Instant.parse(parser.getString());
                } else if (name.equals("frame") && value == JsonParser.Event.VALUE_STRING) {
                    frame = parser.getString();
                } else {
                    JsonFrames.skip(parser, value);
                }
            }
        } catch (JsonParsingException | DateTimeParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (receivedAt == null || frame == null) {
            throw new IllegalArgumentException("a recording line needs \"receivedAt\" and \"frame\" strings");
        }
        return new RecordedFrame(receivedAt, frame);
    }
}
