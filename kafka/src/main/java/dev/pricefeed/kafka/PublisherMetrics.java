package dev.pricefeed.kafka;

/**
 * A snapshot of a {@link KafkaPublisher}'s counters. They count Kafka records: a tick is two (the ticks topic and the
 * latest topic), a trade one. Every record offered ends up published, dropped or failed, or is still queued or pending.
 *
 * @param offered records handed to the publisher
 * @param published records Kafka acknowledged (acks=all)
 * @param dropped records never handed to Kafka: the buffer was full or Kafka refused to take them in time
 * @param failed records Kafka took but could not deliver (delivery timeout, a record too large, no permission)
 * @param queued records waiting in the publisher's bounded buffer now
 * @param pending records handed to Kafka and not yet acknowledged now
 */
public record PublisherMetrics(long offered, long published, long dropped, long failed, long queued, long pending) {
}
