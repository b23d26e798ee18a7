package dev.pricefeed.cli;

import dev.pricefeed.Instrument;
import dev.pricefeed.PluginRegistry;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.config.ConfigException;
import dev.pricefeed.config.ConfigSources;
import dev.pricefeed.kafka.KafkaPublisher;
import dev.pricefeed.kafka.KafkaTopics;
import dev.pricefeed.kafka.PublisherMetrics;
import dev.pricefeed.kafka.Shard;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pricefeed publish}: live ticks and trades from exchanges to Kafka topics. */
@Command(name = "publish", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Publishes live ticks and trades to Kafka, as the JSON Lines objects 'watch' prints.",
                "Ticks go to <prefix>.ticks and the compacted <prefix>.latest, trades to <prefix>.trades, keyed "
                        + "exchange:instrument. Kafka client settings come from the kafka.* keys of the config "
                        + "file. Events (feed and Kafka) go to standard error as JSON lines."},
        footer = {"", "Examples:",
                "  pricefeed publish kraken BTC/USD ETH/USD --kafka 127.0.0.1:9092",
                "  pricefeed publish kraken BTC/USD ETH/USD binance BTC/USDT --kafka k1:9092,k2:9092 "
                        + "--channels ticker,trades --shard 1/2"})
final class PublishCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TARGET", arity = "1..*",
            description = "EXCHANGE:INSTRUMENT, or EXCHANGE followed by its instruments; mix freely.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--kafka", required = true, paramLabel = "HOST:PORT[,HOST:PORT]",
            description = "The Kafka brokers to bootstrap from.")
    String kafka;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = KafkaTopics.DEFAULT_PREFIX,
            description = "Topic prefix (default: ${DEFAULT-VALUE}).")
    String topicPrefix;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Publish only this shard's stable share of the instruments (1/3, 2/3, 3/3 on three "
                    + "machines cover them all without overlap).")
    String shard;

    @Mixin
    FeedOptions feedOptions;

    @Mixin
    CommonOptions common;

    PublishCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        ConfigSources sources = common.sources(env);
        PluginRegistry registry = common.registry(env, sources);
        Map<String, Set<Instrument>> parsed = FeedTargets.parse(targets, registry.ids());
        Map<String, Consumer<PriceFeed.Builder>> endpoints = feedOptions.endpointSettings(parsed.keySet());
        Shard share = shard();
        Map<String, List<Instrument>> taken = new LinkedHashMap<>();
        parsed.forEach((exchange, instruments) -> {
            List<Instrument> mine = instruments.stream().filter(i -> share.takes(exchange, i)).toList();
            if (!mine.isEmpty()) {
                taken.put(exchange, mine);
            }
        });
        int asked = parsed.values().stream().mapToInt(Set::size).sum();
        if (taken.isEmpty()) {
            throw new UsageError("shard " + share + " takes none of the " + asked + " instruments asked for; "
                    + "with fewer instruments than shards, use fewer shards");
        }
        KafkaPublisher publisher;
        try {
            publisher = KafkaPublisher.builder().bootstrapServers(kafka).topicPrefix(topicPrefix)
                    .settings(sources.withPrefix("kafka.")).build();
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // a topic prefix Kafka would not accept
            throw new UsageError(e.getMessage());
        }
        LineOutput err = new LineOutput(spec.commandLine().getErr());
        if (share.count() > 1) {
            err.println("publish: shard " + share + " takes " + taken.values().stream().mapToInt(List::size).sum()
                    + " of the " + asked + " instruments: " + describe(taken));
        }
        List<FeedRequest> requests = new ArrayList<>();
        taken.forEach((exchange, instruments) ->
                requests.add(new FeedRequest(exchange, instruments, endpoints.get(exchange))));
        EventOutput events = new EventOutput(err);
        AtomicBoolean closing = new AtomicBoolean();
        AtomicInteger code = new AtomicInteger(Cli.OK);
        publisher.onEvent(event -> err.println(event.json()));
        try (publisher;
                LiveFeeds feeds = LiveFeeds.build(requests, feedOptions.channels(), registry,
                        common.configFile(env).orElse(null), feed -> {
                            publisher.attach(feed);
                            feed.onEvent(event -> {
                                events.accept(event);
                                if (LiveFeeds.closedByItself(event, closing.get())) {
                                    code.set(Cli.FAILURE);
                                    env.stop().requestStop();
                                }
                            });
                        })) {
            publisher.start();
            feeds.start();
            try {
                env.stop().await(feedOptions.duration);
            } finally {
                closing.set(true);
            }
        }
        PublisherMetrics metrics = publisher.metrics();
        err.println("publish: " + metrics.published() + " records published to " + publisher.topics().prefix()
                + ".*, " + metrics.dropped() + " dropped, " + metrics.failed() + " failed");
        if (code.get() != Cli.OK) {
            err.println("pricefeed: a feed closed by itself; see the events above and logs/pricefeed.log");
        }
        return code.get();
    }

    private Shard shard() {
        if (shard == null) {
            return Shard.ALL;
        }
        try {
            return Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--shard: " + e.getMessage());
        }
    }

    private static String describe(Map<String, List<Instrument>> taken) {
        List<String> keys = new ArrayList<>();
        taken.forEach((exchange, instruments) -> instruments.forEach(i -> keys.add(exchange + ":" + i)));
        return String.join(" ", keys);
    }
}
