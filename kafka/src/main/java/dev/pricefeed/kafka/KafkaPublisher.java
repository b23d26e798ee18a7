package dev.pricefeed.kafka;

import dev.pricefeed.Channel;
import dev.pricefeed.Delivery;
import dev.pricefeed.MarketDataService;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.Registration;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.json.MarketDataJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every tick and trade of feeds to Kafka as the JSON Lines objects of the command line: ticks to
 * {@code <prefix>.ticks} and to the compacted {@code <prefix>.latest}, trades to {@code <prefix>.trades}, keyed
 * {@code <exchange>:<instrument>}, with the header {@value #SCHEMA_HEADER}. The producer is idempotent with
 * {@code acks=all}.
 *
 * <p>The feed never waits for Kafka: {@link #publish(Tick)} only offers to a bounded buffer, and the publisher's own
 * thread hands records to the producer. When Kafka is away the buffer fills and further records are dropped, counted
 * in {@link #metrics()} and reported as {@link PublisherEvent}s; publishing resumes by itself when Kafka is back.
 *
 * <pre>{@code
 * try (KafkaPublisher publisher = KafkaPublisher.builder().bootstrapServers("127.0.0.1:9092").build();
 *         PriceFeed feed = PriceFeed.builder().exchange("kraken").instruments("BTC/USD").build()) {
 *     publisher.attach(feed);
 *     publisher.start();
 *     feed.start();
 *     ...
 * }
 * }</pre>
 */
public final class KafkaPublisher implements AutoCloseable {

    /** The record header holding {@link MarketDataJson#SCHEMA_VERSION} as decimal text. */
    public static final String SCHEMA_HEADER = "pricefeed-schema";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaPublisher.class);
    private static final byte[] SCHEMA = Integer.toString(MarketDataJson.SCHEMA_VERSION)
            .getBytes(StandardCharsets.US_ASCII);
    private static final long DROP_REPORT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Duration TOPIC_RETRY = Duration.ofSeconds(2);

    private final KafkaTopics topics;
    private final boolean writeLatest;
    private final BlockingQueue<Object> buffer;
    private final int capacity;
    private final Properties producerProperties;
    private final TopicSetup topicSetup;
    private final Clock clock;
    private final long stallNanos;
    private final Duration closeTimeout;
    private final List<Consumer<PublisherEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<Registration> attachments = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread sender;

    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    /** When Kafka last made progress: an acknowledgement, or the first record after none were pending. */
    private volatile long progressNanos = System.nanoTime();
    /** When Kafka last acknowledged a record. */
    private volatile long ackNanos = System.nanoTime();
    private volatile String lastLoss = "";
    private volatile boolean closing;
    private volatile boolean started;

    // owned by the sender thread
    private Producer<String, String> producer;
    private boolean topicsCreated;
    private Instant unavailableSince;
    private long unavailableNanos;
    private long lostAtUnavailable;
    private long lostReported;
    private long lostReportNanos;
    private long failedSeen;

    private KafkaPublisher(Builder builder, KafkaClientSettings settings) {
        this.topics = builder.topics;
        this.writeLatest = builder.writeLatest;
        this.capacity = builder.bufferCapacity;
        this.buffer = new ArrayBlockingQueue<>(capacity);
        Map<String, String> defaults = new HashMap<>();
        // the publisher's own thread waits at most this long for the producer to take a record (metadata missing,
        // the producer's memory full); the feed's threads never wait at all
        defaults.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000");
        defaults.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        this.producerProperties = settings.producer(defaults);
        this.producerProperties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producerProperties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        Map<String, String> latestConfig = new HashMap<>();
        latestConfig.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        // a segment is compacted only once it is closed: roll the latest topic's segments often enough that it stays
        // small, so a new cache reads it at once
        latestConfig.put(TopicConfig.SEGMENT_MS_CONFIG, Long.toString(Duration.ofMinutes(10).toMillis()));
        latestConfig.putAll(builder.latestTopicConfig);
        this.topicSetup = builder.createTopics
                ? new TopicSetup(settings.admin(Map.of()), topics, builder.partitions, builder.replicationFactor,
                        latestConfig)
                : null;
        this.clock = builder.clock;
        this.stallNanos = builder.stallTimeout.toNanos();
        this.closeTimeout = builder.closeTimeout;
        this.sender = new Thread(this::run, "pricefeed-kafka-publisher");
        this.sender.setDaemon(true);
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Publishes every tick of the feed, and every trade when it subscribes trades; call before the feed starts to miss
     * nothing. The feed's listeners only offer to this publisher's buffer.
     *
     * @return removes the listeners from the feed (closing the publisher removes them too)
     */
    public Registration attach(PriceFeed feed) {
        List<Registration> parts = new ArrayList<>();
        // queued, not conflated: every tick is published; the listener never blocks, so the queue stays short
        parts.add(feed.onTick(this::publish, Delivery.queue()));
        if (feed.config().channels().contains(Channel.TRADES)) {
            parts.add(feed.onTrade(this::publish));
        }
        Registration registration = () -> parts.forEach(Registration::close);
        attachments.add(registration);
        return registration;
    }

    /**
     * Publishes every tick and trade of every feed of the service.
     *
     * @return removes the listeners from every feed
     */
    public Registration attach(MarketDataService service) {
        List<Registration> parts = new ArrayList<>();
        service.feeds().values().forEach(feed -> parts.add(attach(feed)));
        return () -> parts.forEach(Registration::close);
    }

    /** Starts the publisher's thread: it creates the topics when missing, then publishes what is buffered. */
    public KafkaPublisher start() {
        synchronized (sender) {
            if (!started && !closing) {
                started = true;
                sender.start();
            }
        }
        return this;
    }

    /**
     * Offers a tick to the buffer without waiting.
     *
     * @return {@code false} when it was dropped (buffer full, or the publisher closed)
     */
    public boolean publish(Tick tick) {
        return offer(tick, writeLatest ? 2 : 1);
    }

    /**
     * Offers a trade to the buffer without waiting.
     *
     * @return {@code false} when it was dropped (buffer full, or the publisher closed)
     */
    public boolean publish(Trade trade) {
        return offer(trade, 1);
    }

    private boolean offer(Object item, int records) {
        offered.addAndGet(records);
        if (closing) {
            lose(dropped, records, "publisher closed");
            return false;
        }
        if (!buffer.offer(item)) {
            lose(dropped, records, "buffer full (" + capacity + " ticks and trades waiting)");
            return false;
        }
        return true;
    }

    /** Calls the listener with every {@link PublisherEvent}, on the publisher's thread; it must not block long. */
    public void onEvent(Consumer<PublisherEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener is null"));
    }

    /** A snapshot of the counters. */
    public PublisherMetrics metrics() {
        return new PublisherMetrics(offered.get(), published.get(), dropped.get(), failed.get(),
                queuedRecords(), pending.get());
    }

    /** The topics written. */
    public KafkaTopics topics() {
        return topics;
    }

    /**
     * Publishes what is buffered (for at most the close timeout), then closes the producer and stops the thread.
     * Records that could not be published by then are counted as dropped or failed.
     */
    @Override
    public void close() {
        attachments.forEach(Registration::close);
        synchronized (sender) {
            closing = true;
            closed.countDown();
            if (!started) {
                drainAsDropped("publisher closed before it started");
                return;
            }
        }
        try {
            sender.join(closeTimeout.multipliedBy(2).plusSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sender.isAlive()) {
            LOG.warn("Kafka publisher thread did not stop within {}", closeTimeout.multipliedBy(2).plusSeconds(5));
        }
    }

    private void run() {
        long closeDeadline = Long.MAX_VALUE;
        try {
            boolean ready = false;
            while (true) {
                if (closing && closeDeadline == Long.MAX_VALUE) {
                    closeDeadline = System.nanoTime() + closeTimeout.toNanos();
                }
                if (closing && (!ready || System.nanoTime() > closeDeadline)) {
                    drainAsDropped("publisher closed before Kafka took it");
                    break;
                }
                if (!ready) {
                    ready = prepare();
                    report();
                    continue;
                }
                Object item = buffer.poll(100, TimeUnit.MILLISECONDS);
                if (item != null) {
                    send(producer, item);
                } else if (closing) {
                    break;
                }
                report();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drainAsDropped("publisher interrupted");
        } catch (RuntimeException e) {
            LOG.error("Kafka publisher stopped by an unexpected error", e);
            drainAsDropped("publisher failed: " + e.getMessage());
        } finally {
            if (producer != null) {
                Duration left = Duration.ofNanos(Math.max(0, closeDeadline - System.nanoTime()));
                producer.close(closeDeadline == Long.MAX_VALUE ? closeTimeout : left);
            }
            report();
        }
    }

    /**
     * Creates the topics when missing and waits until the producer knows their partitions, so the first records do
     * not time out on metadata of topics just created; retried until it works or the publisher closes.
     */
    private boolean prepare() throws InterruptedException {
        try {
            if (!topicsCreated) {
                if (topicSetup != null) {
                    topicSetup.ensure();
                }
                topicsCreated = true;
            }
            if (producer == null) {
                producer = new KafkaProducer<>(producerProperties);
            }
            for (String topic : topics.all()) {
                producer.partitionsFor(topic);
            }
            return true;
        } catch (TopicSetup.TopicSetupException | KafkaException e) {
            unavailable("cannot " + (topicsCreated ? "read the partitions of " : "create ") + "topics " + topics.all()
                    + ": " + e.getMessage());
            closed.await(TOPIC_RETRY.toMillis(), TimeUnit.MILLISECONDS);
            return false;
        }
    }

    private void send(Producer<String, String> producer, Object item) {
        if (item instanceof Tick tick) {
            String key = new MarketDataKey(tick.exchange(), tick.instrument()).toString();
            String value = MarketDataJson.tick(tick);
            send(producer, record(topics.ticks(), key, value));
            if (writeLatest) {
                send(producer, record(topics.latest(), key, value));
            }
        } else if (item instanceof Trade trade) {
            send(producer, record(topics.trades(), new MarketDataKey(trade.exchange(), trade.instrument()).toString(),
                    MarketDataJson.trade(trade)));
        }
    }

    private static ProducerRecord<String, String> record(String topic, String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add(new RecordHeader(SCHEMA_HEADER, SCHEMA));
        return record;
    }

    private void send(Producer<String, String> producer, ProducerRecord<String, String> record) {
        if (pending.getAndIncrement() == 0) {
            progressNanos = System.nanoTime();
        }
        try {
            producer.send(record, this::completed);
        } catch (KafkaException e) {
            // the producer did not take it within max.block.ms (no metadata, its memory full) or refused it
            pending.decrementAndGet();
            lose(dropped, 1, "Kafka did not take the record: " + e.getMessage());
        }
    }

    /** Runs on the producer's I/O thread: only counts; events are reported from the publisher's thread. */
    private void completed(RecordMetadata metadata, Exception error) {
        pending.decrementAndGet();
        if (error == null) {
            published.incrementAndGet();
            long now = System.nanoTime();
            ackNanos = now;
            progressNanos = now;
        } else {
            lose(failed, 1, "Kafka could not deliver the record: " + error.getMessage());
        }
    }

    private void lose(AtomicLong counter, long records, String reason) {
        lastLoss = reason;
        counter.addAndGet(records);
    }

    private void drainAsDropped(String reason) {
        Object item;
        while ((item = buffer.poll()) != null) {
            lose(dropped, item instanceof Tick && writeLatest ? 2 : 1, reason);
        }
    }

    private long queuedRecords() {
        long records = 0;
        for (Object item : buffer) {
            records += item instanceof Tick && writeLatest ? 2 : 1;
        }
        return records;
    }

    /** Turns the counters into events: Kafka unavailable, records dropped, publishing resumed. */
    private void report() {
        long now = System.nanoTime();
        long failures = failed.get();
        if (unavailableSince == null) {
            if (failures > failedSeen) {
                unavailable(lastLoss);
            } else if (pending.get() > 0 && now - progressNanos > stallNanos) {
                unavailable("no acknowledgement from Kafka for " + Duration.ofNanos(now - progressNanos).toSeconds()
                        + " s, " + pending.get() + " records waiting");
            }
        } else if (ackNanos - unavailableNanos > 0 && failures == failedSeen) {
            Instant at = clock.instant();
            long lost = lost();
            emit(new PublisherEvent.Resumed(at, Duration.between(unavailableSince, at), lost - lostAtUnavailable));
            unavailableSince = null;
        }
        failedSeen = failures;
        long lost = lost();
        if (lost > lostReported && (now - lostReportNanos >= DROP_REPORT_NANOS || closing)) {
            // records lost means Kafka is not taking them fast enough: say so before counting
            unavailable(lastLoss);
            emit(new PublisherEvent.Dropped(clock.instant(), lost - lostReported, lost, lastLoss));
            lostReported = lost;
            lostReportNanos = now;
        }
    }

    private void unavailable(String reason) {
        if (unavailableSince == null) {
            unavailableSince = clock.instant();
            unavailableNanos = System.nanoTime();
            lostAtUnavailable = lost();
            emit(new PublisherEvent.Unavailable(unavailableSince, reason));
        }
    }

    private long lost() {
        return dropped.get() + failed.get();
    }

    private void emit(PublisherEvent event) {
        if (event instanceof PublisherEvent.Resumed) {
            LOG.info("Kafka publishing resumed: {}", event.json());
        } else {
            LOG.warn("Kafka publishing: {}", event.json());
        }
        for (Consumer<PublisherEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("a Kafka publisher event listener failed", e);
            }
        }
    }

    /** Builds a {@link KafkaPublisher}. */
    public static final class Builder {
        private String bootstrapServers;
        private final Map<String, String> settings = new HashMap<>();
        private KafkaTopics topics = KafkaTopics.defaults();
        private boolean writeLatest = true;
        private boolean createTopics = true;
        private int partitions = 6;
        private Optional<Short> replicationFactor = Optional.empty();
        private final Map<String, String> latestTopicConfig = new HashMap<>();
        private int bufferCapacity = 100_000;
        private Duration stallTimeout = Duration.ofSeconds(5);
        private Duration closeTimeout = Duration.ofSeconds(5);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The brokers, {@code host:port[,host:port]}. */
        public Builder bootstrapServers(String servers) {
            this.bootstrapServers = servers;
            return this;
        }

        /**
         * Kafka client settings by Kafka's own names (such as {@code linger.ms}, {@code compression.type},
         * {@code security.protocol}): the {@code kafka.*} keys of {@code pricefeed.properties} without the prefix.
         * {@code acks} and {@code enable.idempotence} cannot be weakened; unknown keys are rejected at build.
         */
        public Builder settings(Map<String, String> settings) {
            this.settings.putAll(settings);
            return this;
        }

        /** The topic prefix (default {@code pricefeed}). */
        public Builder topicPrefix(String prefix) {
            this.topics = new KafkaTopics(prefix);
            return this;
        }

        /** Whether ticks also go to the compacted latest topic (default: yes). */
        public Builder writeLatest(boolean write) {
            this.writeLatest = write;
            return this;
        }

        /** Whether missing topics are created at start (default: yes; turn off where topics are managed elsewhere). */
        public Builder createTopics(boolean create) {
            this.createTopics = create;
            return this;
        }

        /** Partitions of topics this publisher creates (default 6). */
        public Builder partitions(int partitions) {
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
            }
            this.partitions = partitions;
            return this;
        }

        /** Replication factor of topics this publisher creates (default: the broker's default). */
        public Builder replicationFactor(short factor) {
            this.replicationFactor = Optional.of(factor);
            return this;
        }

        /** A topic setting of the latest topic when it is created, such as {@code segment.ms}. */
        public Builder latestTopicConfig(String key, String value) {
            this.latestTopicConfig.put(key, value);
            return this;
        }

        /** How many ticks and trades may wait for Kafka before new ones are dropped (default 100,000). */
        public Builder bufferCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("buffer capacity must be at least 1, got " + capacity);
            }
            this.bufferCapacity = capacity;
            return this;
        }

        /** How long records may wait for an acknowledgement before Kafka is reported unavailable (default 5 s). */
        public Builder stallTimeout(Duration timeout) {
            this.stallTimeout = Objects.requireNonNull(timeout, "timeout is null");
            return this;
        }

        /** How long {@link #close()} keeps publishing what is buffered (default 5 s). */
        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = Objects.requireNonNull(timeout, "timeout is null");
            return this;
        }

        /** The clock of event times (default: UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock is null");
            return this;
        }

        /**
         * Checks the settings and creates the publisher; nothing is connected before {@link #start()}.
         *
         * @throws dev.pricefeed.config.ConfigException listing every problem with the Kafka settings
         */
        public KafkaPublisher build() {
            return new KafkaPublisher(this, KafkaClientSettings.of(bootstrapServers, settings));
        }
    }
}
