package dev.pricefeed.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the three topics when they are missing, before anything is published, so that the broker's automatic topic
 * creation cannot make the latest topic first without compaction. An existing latest topic that is not compacted is
 * reported.
 */
final class TopicSetup {

    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Properties adminProperties;
    private final KafkaTopics topics;
    private final int partitions;
    private final Optional<Short> replicationFactor;
    private final Map<String, String> latestConfig;

    TopicSetup(Properties adminProperties, KafkaTopics topics, int partitions, Optional<Short> replicationFactor,
            Map<String, String> latestConfig) {
        this.adminProperties = new Properties();
        this.adminProperties.putAll(adminProperties);
        String timeout = Long.toString(TIMEOUT.toMillis());
        this.adminProperties.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        this.adminProperties.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        this.topics = topics;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.latestConfig = Map.copyOf(latestConfig);
    }

    /**
     * Creates what is missing.
     *
     * @throws TopicSetupException when Kafka cannot be reached or refuses, with its reason
     */
    void ensure() {
        List<NewTopic> wanted = new ArrayList<>();
        wanted.add(new NewTopic(topics.ticks(), Optional.of(partitions), replicationFactor));
        wanted.add(new NewTopic(topics.trades(), Optional.of(partitions), replicationFactor));
        wanted.add(new NewTopic(topics.latest(), Optional.of(partitions), replicationFactor).configs(latestConfig));
        try (Admin admin = Admin.create(adminProperties)) {
            Map<String, KafkaFuture<Void>> created = admin.createTopics(wanted,
                    new CreateTopicsOptions().timeoutMs((int) TIMEOUT.toMillis())).values();
            boolean latestExisted = false;
            for (Map.Entry<String, KafkaFuture<Void>> entry : created.entrySet()) {
                try {
                    entry.getValue().get(TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
                    LOG.info("created Kafka topic {}", entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new TopicSetupException("cannot create topic " + entry.getKey() + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                    latestExisted |= entry.getKey().equals(topics.latest());
                }
            }
            if (latestExisted) {
                checkCompacted(admin);
            }
        } catch (TimeoutException e) {
            throw new TopicSetupException("no answer from Kafka within " + TIMEOUT.toSeconds() * 2 + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicSetupException("interrupted while creating topics", e);
        }
    }

    private void checkCompacted(Admin admin) throws InterruptedException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topics.latest());
        try {
            Config config = admin.describeConfigs(List.of(resource)).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(resource);
            ConfigEntry policy = config == null ? null : config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
            if (policy == null || !policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                LOG.warn("Kafka topic {} exists with cleanup.policy={}, not compact: it keeps every tick instead of "
                        + "the newest per key, and new KafkaPriceCaches read all of it", topics.latest(),
                        policy == null ? "unknown" : policy.value());
            }
        } catch (ExecutionException e) {
            LOG.warn("cannot read the configuration of Kafka topic {}: {}", topics.latest(), e.getCause().getMessage());
        }
    }

    /** Topics could not be created; the publisher retries. */
    static final class TopicSetupException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TopicSetupException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
