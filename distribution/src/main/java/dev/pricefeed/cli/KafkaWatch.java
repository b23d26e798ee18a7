package dev.pricefeed.cli;

import dev.pricefeed.Channel;
import dev.pricefeed.json.MarketDataJson;
import dev.pricefeed.kafka.KafkaPriceCache;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** {@code watch --from-kafka}: the prices publishers wrote to Kafka, as a table or JSON Lines, instead of exchanges. */
final class KafkaWatch {

    /** How long to wait for the latest topic to be read before giving up. */
    static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(30);

    private final CliEnvironment env;
    private final LineOutput out;
    private final LineOutput err;

    KafkaWatch(CliEnvironment env, LineOutput out, LineOutput err) {
        this.env = Objects.requireNonNull(env, "env is null");
        this.out = Objects.requireNonNull(out, "out is null");
        this.err = Objects.requireNonNull(err, "err is null");
    }

    /**
     * Reads the topics until stopped.
     *
     * @param servers the brokers
     * @param prefix the topic prefix
     * @param settings Kafka client settings ({@code kafka.*} without the prefix)
     * @param filter which keys to show
     * @param channels ticker and/or trades
     * @param format table or JSON Lines
     * @param duration how long to run, or {@code null} until Ctrl-C
     * @return the exit code: 0 when stopped as asked, 1 when Kafka could not be read
     */
    int run(String servers, String prefix, Map<String, String> settings, KafkaFilter filter, Set<Channel> channels,
            OutputFormat format, Duration duration) throws InterruptedException {
        KafkaPriceCache.Builder builder = KafkaPriceCache.builder().bootstrapServers(servers).settings(settings)
                .filter(filter::accepts).trades(channels.contains(Channel.TRADES));
        try {
            builder.topicPrefix(prefix);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        try (KafkaPriceCache cache = builder.build()) {
            KafkaTable table = format == OutputFormat.TABLE ? new KafkaTable(out, env.clock(), cache, servers) : null;
            if (table == null) {
                if (channels.contains(Channel.TICKER)) {
                    cache.onTick(tick -> print(MarketDataJson.tick(tick)));
                }
                if (channels.contains(Channel.TRADES)) {
                    cache.onTrade(trade -> print(MarketDataJson.trade(trade)));
                }
            }
            cache.start();
            long deadline = System.nanoTime() + RESTORE_TIMEOUT.toNanos();
            while (!cache.awaitRestored(Duration.ofMillis(100))) {
                if (env.stop().stopRequested()) {
                    return Cli.OK;
                }
                if (System.nanoTime() > deadline) {
                    err.println("pricefeed watch: cannot read " + cache.topics().latest() + " from Kafka at "
                            + servers + " within " + RESTORE_TIMEOUT.toSeconds() + " s; see logs/pricefeed.log");
                    return Cli.FAILURE;
                }
            }
            if (table != null) {
                table.start();
            }
            try {
                env.stop().await(duration);
            } finally {
                if (table != null) {
                    table.close();
                }
            }
        }
        return Cli.OK;
    }

    private void print(String line) {
        if (!out.println(line)) {
            // the reader went away (a closed pipe): nothing more to do
            env.stop().requestStop();
        }
    }
}
