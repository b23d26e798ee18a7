package dev.pricefeed.kafka;

import dev.pricefeed.Instrument;
import dev.pricefeed.PriceCache;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.json.MarketDataJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The newest tick per exchange and instrument, read from the topics a {@link KafkaPublisher} writes, on any machine.
 * A fresh cache first reads the compacted {@code <prefix>.latest} topic to its end (so it is full at once, without
 * waiting for the next update of each instrument), then follows {@code <prefix>.ticks}. Stale and duplicate ticks (two
 * publishers of one shard) are dropped by the exchange's time and sequence. Reads are lock-free.
 *
 * <pre>{@code
 * try (KafkaPriceCache cache = KafkaPriceCache.builder().bootstrapServers("kafka-1:9092").build().start()) {
 *     cache.awaitRestored(Duration.ofSeconds(30));
 *     cache.latest("kraken", Instrument.of("BTC/USD"));
 * }
 * }</pre>
 */
public final class KafkaPriceCache implements PriceCache, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaPriceCache.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final KafkaTopics topics;
    private final Properties consumerProperties;
    private final BiPredicate<String, Instrument> filter;
    private final boolean followTrades;
    private final Map<MarketDataKey, Tick> ticks = new ConcurrentHashMap<>();
    private final RecentIds recentTicks = new RecentIds(64);
    private final RecentIds recentTrades = new RecentIds(1024);
    private final List<Consumer<Tick>> tickListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Trade>> tradeListeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch restored = new CountDownLatch(1);
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final Thread thread;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile Instant lastRecordAt;
    private volatile boolean closing;

    private KafkaPriceCache(Builder builder, KafkaClientSettings settings) {
        this.topics = builder.topics;
        this.filter = builder.filter;
        this.followTrades = builder.trades;
        Map<String, String> defaults = new HashMap<>();
        // never let a metadata request create a topic: the latest topic must be created compacted, by the publisher
        defaults.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        defaults.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        defaults.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumerProperties = settings.consumer(defaults);
        // no group: every cache reads every partition itself and commits nothing
        this.consumerProperties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumerProperties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        this.consumerProperties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        this.thread = new Thread(this::run, "pricefeed-kafka-cache");
        this.thread.setDaemon(true);
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Calls the listener on the cache's thread with the newest restored tick of each key once restoring is done, then
     * with every newer tick. A slow listener delays only this cache.
     */
    public void onTick(Consumer<Tick> listener) {
        tickListeners.add(Objects.requireNonNull(listener, "listener is null"));
    }

    /** Calls the listener with every trade published after the cache started (needs {@link Builder#trades}). */
    public void onTrade(Consumer<Trade> listener) {
        if (!followTrades) {
            throw new IllegalStateException("this cache does not follow trades: build it with trades(true)");
        }
        tradeListeners.add(Objects.requireNonNull(listener, "listener is null"));
    }

    /** Connects and starts reading on the cache's own thread; returns at once. */
    public synchronized KafkaPriceCache start() {
        if (consumer == null && !closing) {
            consumer = new KafkaConsumer<>(consumerProperties);
            thread.start();
        }
        return this;
    }

    /** Waits until the latest topic was read to its end; {@code false} when that did not happen in time. */
    public boolean awaitRestored(Duration timeout) throws InterruptedException {
        return restored.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Whether the latest topic was read to its end. */
    public boolean restored() {
        return restored.getCount() == 0;
    }

    @Override
    public Optional<Tick> latest(String exchange, Instrument instrument) {
        return Optional.ofNullable(ticks.get(new MarketDataKey(exchange, instrument)));
    }

    @Override
    public Optional<Tick> latest(Instrument instrument) {
        Tick found = null;
        for (Tick tick : ticks.values()) {
            if (tick.instrument().equals(instrument)) {
                if (found != null) {
                    return Optional.empty();
                }
                found = tick;
            }
        }
        return Optional.ofNullable(found);
    }

    @Override
    public Collection<Tick> all() {
        return List.copyOf(ticks.values());
    }

    /** Records read from Kafka so far. */
    public long records() {
        return records.get();
    }

    /** Ticks and trades dropped as stale or as a copy of one already held. */
    public long duplicates() {
        return duplicates.get();
    }

    /** Records that could not be read as ticks or trades (logged and skipped). */
    public long malformed() {
        return malformed.get();
    }

    /** When the newest record arrived, if any did. */
    public Optional<Instant> lastRecordAt() {
        return Optional.ofNullable(lastRecordAt);
    }

    /** The topics read. */
    public KafkaTopics topics() {
        return topics;
    }

    /** Stops reading and closes the consumer. */
    @Override
    public void close() {
        KafkaConsumer<String, String> running;
        synchronized (this) {
            closing = true;
            stop.countDown();
            running = consumer;
        }
        if (running == null) {
            return;
        }
        running.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("Kafka price cache thread did not stop within 15 s");
        }
    }

    private void run() {
        try (KafkaConsumer<String, String> kafka = consumer) {
            Map<TopicPartition, Long> tickEnds = restore(kafka);
            if (tickEnds != null) {
                follow(kafka, tickEnds);
            }
        } catch (WakeupException e) {
            if (!closing) {
                LOG.error("Kafka price cache woken up unexpectedly; it stops", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Kafka price cache stopped by an unexpected error", e);
        }
    }

    /** Reads the latest topic to its end; returns where the ticks topic ended before, or null when closed first. */
    private Map<TopicPartition, Long> restore(KafkaConsumer<String, String> kafka) throws InterruptedException {
        while (!closing) {
            try {
                Map<TopicPartition, Long> tickEnds = kafka.endOffsets(partitions(kafka, topics.ticks()));
                List<TopicPartition> latest = partitions(kafka, topics.latest());
                kafka.assign(latest);
                kafka.seekToBeginning(latest);
                Map<TopicPartition, Long> latestEnds = kafka.endOffsets(latest);
                while (!reached(kafka, latestEnds)) {
                    for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
                        applyTick(record, false);
                    }
                }
                LOG.info("restored {} newest ticks from {}", ticks.size(), topics.latest());
                restored.countDown();
                for (Tick tick : ticks.values()) {
                    deliver(tickListeners, tick);
                }
                return tickEnds;
            } catch (WakeupException e) {
                throw e;
            } catch (KafkaException e) {
                LOG.warn("cannot read {} from Kafka yet ({}); trying again", topics.latest(), e.getMessage());
                stop.await(RETRY.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        return null;
    }

    private void follow(KafkaConsumer<String, String> kafka, Map<TopicPartition, Long> tickEnds)
            throws InterruptedException {
        Set<TopicPartition> assigned = new HashSet<>();
        long refreshed = 0;
        boolean first = true;
        while (!closing) {
            try {
                if (first || System.nanoTime() - refreshed > (assigned.isEmpty() ? RETRY.toNanos() : REFRESH_NANOS)) {
                    // topics may be created after the cache started, and partitions added
                    assignNew(kafka, assigned, tickEnds, first);
                    refreshed = System.nanoTime();
                    first = false;
                }
                if (assigned.isEmpty()) {
                    // no topic exists yet: nothing to poll until a publisher creates them
                    stop.await(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
                    if (record.topic().equals(topics.ticks())) {
                        applyTick(record, true);
                    } else {
                        applyTrade(record);
                    }
                }
            } catch (WakeupException e) {
                throw e;
            } catch (KafkaException e) {
                LOG.warn("reading {} from Kafka failed ({}); trying again", topics.ticks(), e.getMessage());
                stop.await(RETRY.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void assignNew(KafkaConsumer<String, String> kafka, Set<TopicPartition> assigned,
            Map<TopicPartition, Long> tickEnds, boolean first) {
        List<TopicPartition> wanted = new ArrayList<>(partitions(kafka, topics.ticks()));
        Set<TopicPartition> trades = followTrades ? new HashSet<>(partitions(kafka, topics.trades())) : Set.of();
        wanted.addAll(trades);
        List<TopicPartition> added = wanted.stream().filter(p -> !assigned.contains(p)).toList();
        if (added.isEmpty()) {
            return;
        }
        kafka.assign(wanted);
        for (TopicPartition partition : added) {
            if (tickEnds.containsKey(partition)) {
                // the ticks published while the latest topic was read are applied too (older ones are dropped)
                kafka.seek(partition, tickEnds.get(partition));
            } else if (first && trades.contains(partition)) {
                // trades from now on
                kafka.seekToEnd(List.of(partition));
            } else {
                // a topic or partition that appeared after the cache started holds only what came since
                kafka.seekToBeginning(List.of(partition));
            }
        }
        assigned.addAll(added);
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> kafka, String topic) {
        List<PartitionInfo> infos = kafka.partitionsFor(topic);
        return infos == null ? List.of()
                : infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private static boolean reached(KafkaConsumer<String, String> kafka, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (kafka.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void applyTick(ConsumerRecord<String, String> record, boolean live) {
        MarketDataKey key = wantedKey(record);
        if (key == null) {
            return;
        }
        Tick tick;
        try {
            tick = MarketDataJson.readTick(record.value());
        } catch (IllegalArgumentException e) {
            malformed(record, e);
            return;
        }
        if (!TickOrder.isNews(tick, ticks.get(key))
                || TickOrder.stamped(tick) && !recentTicks.firstSeen(key, TickOrder.identity(tick))) {
            duplicates.incrementAndGet();
            return;
        }
        ticks.put(key, tick);
        if (live) {
            deliver(tickListeners, tick);
        }
    }

    private void applyTrade(ConsumerRecord<String, String> record) {
        MarketDataKey key = wantedKey(record);
        if (key == null) {
            return;
        }
        Trade trade;
        try {
            trade = MarketDataJson.readTrade(record.value());
        } catch (IllegalArgumentException e) {
            malformed(record, e);
            return;
        }
        // a trade is known by the exchange's id, or by what it is where the exchange gives no id
        Object id = trade.tradeId() != null ? trade.tradeId()
                : Arrays.asList(trade.exchangeTime(), trade.price().stripTrailingZeros(),
                        trade.size().stripTrailingZeros(), trade.side());
        if (!recentTrades.firstSeen(key, id)) {
            duplicates.incrementAndGet();
            return;
        }
        deliver(tradeListeners, trade);
    }

    private MarketDataKey wantedKey(ConsumerRecord<String, String> record) {
        records.incrementAndGet();
        lastRecordAt = Instant.now();
        MarketDataKey key;
        try {
            key = MarketDataKey.parse(record.key() == null ? "" : record.key());
        } catch (IllegalArgumentException e) {
            malformed(record, e);
            return null;
        }
        return filter.test(key.exchange(), key.instrument()) ? key : null;
    }

    private void malformed(ConsumerRecord<String, String> record, IllegalArgumentException e) {
        long count = malformed.incrementAndGet();
        // the first and then every thousandth, so a topic full of foreign records cannot flood the log
        if (count == 1 || count % 1000 == 0) {
            LOG.warn("skipped a record of {} partition {} offset {} that is not a pricefeed tick or trade ({} so far): "
                    + "{}", record.topic(), record.partition(), record.offset(), count, e.getMessage());
        }
    }

    private static <T> void deliver(List<Consumer<T>> listeners, T value) {
        for (Consumer<T> listener : listeners) {
            try {
                listener.accept(value);
            } catch (RuntimeException e) {
                LOG.warn("a Kafka price cache listener failed", e);
            }
        }
    }

    /** Builds a {@link KafkaPriceCache}. */
    public static final class Builder {
        private String bootstrapServers;
        private final Map<String, String> settings = new HashMap<>();
        private KafkaTopics topics = KafkaTopics.defaults();
        private BiPredicate<String, Instrument> filter = (exchange, instrument) -> true;
        private boolean trades;

        private Builder() {
        }

        /** The brokers, {@code host:port[,host:port]}. */
        public Builder bootstrapServers(String servers) {
            this.bootstrapServers = servers;
            return this;
        }

        /** Kafka client settings by Kafka's own names (the {@code kafka.*} keys without the prefix). */
        public Builder settings(Map<String, String> settings) {
            this.settings.putAll(settings);
            return this;
        }

        /** The topic prefix the publishers use (default {@code pricefeed}). */
        public Builder topicPrefix(String prefix) {
            this.topics = new KafkaTopics(prefix);
            return this;
        }

        /** Keeps only the exchanges and instruments the filter accepts (default: all). */
        public Builder filter(BiPredicate<String, Instrument> filter) {
            this.filter = Objects.requireNonNull(filter, "filter is null");
            return this;
        }

        /** Whether to follow the trades topic too, for {@link #onTrade} (default: no). */
        public Builder trades(boolean follow) {
            this.trades = follow;
            return this;
        }

        /**
         * Checks the settings and creates the cache; nothing is connected before {@link #start()}.
         *
         * @throws dev.pricefeed.config.ConfigException listing every problem with the Kafka settings
         */
        public KafkaPriceCache build() {
            return new KafkaPriceCache(this, KafkaClientSettings.of(bootstrapServers, settings));
        }
    }
}
