package dev.pricefeed.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.config.ConfigException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaClientSettingsTest {

    @Test
    void everyProblemIsListedAtOnce() {
        assertThatThrownBy(() -> KafkaClientSettings.of("localhost", Map.of("acks", "1",
                "enable.idempotence", "false", "lingerms", "5", "value.serializer", "x")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "Kafka broker 'localhost' is not host:port, such as 127.0.0.1:9092",
                        "kafka.acks=1 would lose acknowledged records when a broker fails; pricefeed publishes with "
                                + "acks=all",
                        "kafka.enable.idempotence=false would allow duplicates and reordering on retries; pricefeed "
                                + "publishes with enable.idempotence=true",
                        "kafka.lingerms is not a Kafka client setting (see the producer and consumer configuration "
                                + "of Apache Kafka)",
                        "kafka.value.serializer cannot be set: pricefeed writes and reads its records itself"));
    }

    @Test
    void theProducerIsIdempotentWithAcksAllAndGetsOnlyProducerSettings() {
        KafkaClientSettings settings = KafkaClientSettings.of(null, Map.of("bootstrap.servers", "k1:9092,k2:9092",
                "linger.ms", "20", "fetch.min.bytes", "10", "acks", "-1"));

        Properties producer = settings.producer(Map.of("max.block.ms", "2000"));
        assertThat(producer).containsEntry("bootstrap.servers", "k1:9092,k2:9092").containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true").containsEntry("linger.ms", "20")
                .containsEntry("max.block.ms", "2000").doesNotContainKey("fetch.min.bytes");
        assertThat(settings.consumer(Map.of())).containsEntry("fetch.min.bytes", "10").doesNotContainKey("linger.ms");
    }

    @Test
    void settingsNeverShowTheirValues() {
        KafkaClientSettings settings = KafkaClientSettings.of("k1:9092", Map.of("sasl.jaas.config", "secret-text"));

        assertThat(settings.toString()).doesNotContain("secret-text").contains("k1:9092");
    }
}
