package dev.pricefeed.kafka;

import dev.pricefeed.json.JsonObjectWriter;
import java.time.Duration;
import java.time.Instant;

/** Something that happened to a {@link KafkaPublisher}: Kafka went away, records were dropped, publishing resumed. */
public sealed interface PublisherEvent {

    /** When it happened. */
    Instant at();

    /** The event as one JSON object on one line, like the feed events of the command line. */
    String json();

    /**
     * Kafka does not take records: no acknowledgement for a while, topics that cannot be created, or records lost.
     * Records wait in the bounded buffer meanwhile, and are dropped (and counted) when it is full.
     *
     * @param reason what was seen, in a few words
     */
    record Unavailable(Instant at, String reason) implements PublisherEvent {
        @Override
        public String json() {
            return new JsonObjectWriter().string("type", "kafka-unavailable").text("at", at)
                    .string("reason", reason).end();
        }
    }

    /**
     * Records were dropped since the last such event (reported at most about once a second).
     *
     * @param dropped records dropped since the previous report
     * @param total records dropped since the publisher started
     * @param reason why the newest of them was dropped
     */
    record Dropped(Instant at, long dropped, long total, String reason) implements PublisherEvent {
        @Override
        public String json() {
            return new JsonObjectWriter().string("type", "kafka-dropped").text("at", at).number("dropped", dropped)
                    .number("total", total).string("reason", reason).end();
        }
    }

    /**
     * Kafka acknowledges records again after being unavailable.
     *
     * @param away how long it was unavailable
     * @param droppedMeanwhile records dropped while it was away
     */
    record Resumed(Instant at, Duration away, long droppedMeanwhile) implements PublisherEvent {
        @Override
        public String json() {
            return new JsonObjectWriter().string("type", "kafka-resumed").text("at", at).text("away", away)
                    .number("droppedMeanwhile", droppedMeanwhile).end();
        }
    }
}
