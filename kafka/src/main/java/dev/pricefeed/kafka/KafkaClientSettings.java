package dev.pricefeed.kafka;

import dev.pricefeed.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Kafka client settings passed through from the user (the {@code kafka.*} keys of {@code pricefeed.properties}, without
 * the prefix), checked at start: a key no Kafka client knows, or one that would break the guarantees (acks,
 * idempotence, the serializers), is rejected with every problem listed. Each client gets the keys it knows.
 */
final class KafkaClientSettings {

    /** Keys pricefeed sets itself: the record format is its contract. */
    private static final Set<String> FIXED = Set.of(
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);

    private final String bootstrapServers;
    private final Map<String, String> settings;

    private KafkaClientSettings(String bootstrapServers, Map<String, String> settings) {
        this.bootstrapServers = bootstrapServers;
        this.settings = settings;
    }

    /**
     * Checks the settings.
     *
     * @param bootstrapServers {@code host:port[,host:port]}, or {@code null} to take {@code bootstrap.servers} from
     *         the settings
     * @param settings client settings by Kafka's own key names
     * @throws ConfigException listing every problem
     */
    static KafkaClientSettings of(String bootstrapServers, Map<String, String> settings) {
        Map<String, String> copy = new TreeMap<>(settings);
        List<String> problems = new ArrayList<>();
        String servers = bootstrapServers != null ? bootstrapServers
                : copy.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        copy.remove(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        if (servers == null || servers.isBlank()) {
            problems.add("no Kafka brokers: give host:port[,host:port] (--kafka, or kafka.bootstrap.servers)");
        } else {
            for (String server : servers.split(",")) {
                String s = server.trim();
                int colon = s.lastIndexOf(':');
                if (colon <= 0 || colon == s.length() - 1
                        || !s.substring(colon + 1).chars().allMatch(Character::isDigit)) {
                    problems.add("Kafka broker '" + s + "' is not host:port, such as 127.0.0.1:9092");
                }
            }
        }
        copy.forEach((key, value) -> {
            if (FIXED.contains(key)) {
                problems.add("kafka." + key + " cannot be set: pricefeed writes and reads its records itself");
            } else if (!ProducerConfig.configNames().contains(key) && !ConsumerConfig.configNames().contains(key)
                    && !AdminClientConfig.configNames().contains(key)) {
                problems.add("kafka." + key + " is not a Kafka client setting (see the producer and consumer "
                        + "configuration of Apache Kafka)");
            }
        });
        String acks = copy.get(ProducerConfig.ACKS_CONFIG);
        if (acks != null && !acks.equals("all") && !acks.equals("-1")) {
            problems.add("kafka.acks=" + acks + " would lose acknowledged records when a broker fails; "
                    + "pricefeed publishes with acks=all");
        }
        String idempotence = copy.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG);
        if (idempotence != null && !idempotence.equalsIgnoreCase("true")) {
            problems.add("kafka.enable.idempotence=" + idempotence + " would allow duplicates and reordering on "
                    + "retries; pricefeed publishes with enable.idempotence=true");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new KafkaClientSettings(servers.trim(), Map.copyOf(copy));
    }

    /** The brokers to bootstrap from. */
    String bootstrapServers() {
        return bootstrapServers;
    }

    /** Producer properties: the user's producer settings over pricefeed's defaults, with the guarantees forced. */
    Properties producer(Map<String, String> defaults) {
        Properties properties = pick(ProducerConfig.configNames(), defaults);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return properties;
    }

    /** Consumer properties: the user's consumer settings over pricefeed's defaults. */
    Properties consumer(Map<String, String> defaults) {
        return pick(ConsumerConfig.configNames(), defaults);
    }

    /** Admin client properties (security settings and the like), for creating topics. */
    Properties admin(Map<String, String> defaults) {
        return pick(AdminClientConfig.configNames(), defaults);
    }

    private Properties pick(Set<String> known, Map<String, String> defaults) {
        Properties properties = new Properties();
        properties.putAll(defaults);
        settings.forEach((key, value) -> {
            if (known.contains(key)) {
                properties.put(key, value);
            }
        });
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return properties;
    }

    /** Returns the brokers only: settings may hold credentials (SASL passwords), which never appear in text. */
    @Override
    public String toString() {
        return "KafkaClientSettings[" + bootstrapServers + ", " + settings.size() + " settings]";
    }
}
