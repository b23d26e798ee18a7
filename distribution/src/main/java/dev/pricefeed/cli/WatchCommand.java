package dev.pricefeed.cli;

import dev.pricefeed.Instrument;
import dev.pricefeed.PluginRegistry;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.config.ConfigSources;
import dev.pricefeed.kafka.KafkaTopics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pricefeed watch}: live prices from one or more exchanges. */
@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Streams live prices from one or more exchanges.",
                "In a terminal: a table updated in place, with a status line per feed. Otherwise (or with "
                        + "--format jsonl): JSON Lines on standard output, events on standard error."},
        footer = {"", "Examples:",
                "  pricefeed watch kraken BTC/USD ETH/USD",
                "  pricefeed watch kraken:BTC/USD binance:BTC/USDT coinbase:BTC/USD --channels ticker,trades",
                "  pricefeed watch kraken BTC/USD --format jsonl --duration 30s > prices.jsonl",
                "  pricefeed watch kraken BTC/USD --http 9090      # also serves the dashboard and /metrics",
                "  pricefeed watch --from-kafka 127.0.0.1:9092 kraken BTC/USDT"})
class WatchCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TARGET", arity = "0..*",
            description = "EXCHANGE:INSTRUMENT, or EXCHANGE followed by its instruments; mix freely. With "
                    + "--from-kafka they filter: also an INSTRUMENT alone (any exchange) or an EXCHANGE alone (all its "
                    + "instruments); none shows everything.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "table or jsonl (default: table in a terminal, jsonl otherwise).")
    OutputFormat format;

    @Option(names = "--events", description = "JSON Lines: print events on standard output with the data "
            + "(default: standard error).")
    boolean events;

    @Option(names = "--http", paramLabel = "[HOST:]PORT", converter = HttpAddress.Converter.class,
            description = "Also serve the dashboard page, /metrics (Prometheus), /health, /api/state and /events "
                    + "on this address (host default: 127.0.0.1, this machine only).")
    HttpAddress http;

    @Option(names = "--from-kafka", paramLabel = "HOST:PORT[,HOST:PORT]",
            description = "Read what 'pricefeed publish' writes to Kafka instead of connecting to exchanges.")
    String fromKafka;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = KafkaTopics.DEFAULT_PREFIX,
            description = "With --from-kafka: the topic prefix (default: ${DEFAULT-VALUE}).")
    String topicPrefix;

    @Mixin
    FeedOptions feedOptions;

    @Mixin
    CommonOptions common;

    WatchCommand(CliEnvironment env) {
        this.env = env;
    }

    /** Where to serve the dashboard, or {@code null} for nowhere. */
    HttpAddress httpAddress() {
        return http;
    }

    @Override
    public Integer call() throws InterruptedException {
        OutputFormat chosen = format != null ? format : WatchRun.defaultFormat(env);
        Logging.forFormat(chosen);
        ConfigSources sources = common.sources(env);
        if (fromKafka != null) {
            return fromKafka(chosen, sources);
        }
        PluginRegistry registry = common.registry(env, sources);
        Map<String, Set<Instrument>> parsed = FeedTargets.parse(targets, registry.ids());
        Map<String, Consumer<PriceFeed.Builder>> endpoints = feedOptions.endpointSettings(parsed.keySet());
        List<FeedRequest> requests = new ArrayList<>();
        parsed.forEach((exchange, instruments) ->
                requests.add(new FeedRequest(exchange, List.copyOf(instruments), endpoints.get(exchange))));
        WatchRun run = new WatchRun(env, new LineOutput(spec.commandLine().getOut()),
                new LineOutput(spec.commandLine().getErr())).monitoredAt(httpAddress());
        return run.run(requests, feedOptions.channels(), registry, common.configFile(env).orElse(null), chosen, events,
                feedOptions.duration, FeedAddOn.NONE);
    }

    private int fromKafka(OutputFormat chosen, ConfigSources sources) throws InterruptedException {
        if (!feedOptions.endpoints.isEmpty() || !feedOptions.restEndpoints.isEmpty()) {
            throw new UsageError("--from-kafka reads Kafka, not exchanges; --endpoint and --rest-endpoint do not "
                    + "apply");
        }
        if (httpAddress() != null) {
            throw new UsageError("the dashboard shows live feeds; it is not available with --from-kafka yet");
        }
        feedOptions.endpointSettings(Set.of());
        KafkaWatch watch = new KafkaWatch(env, new LineOutput(spec.commandLine().getOut()),
                new LineOutput(spec.commandLine().getErr()));
        return watch.run(fromKafka, topicPrefix, sources.withPrefix("kafka."), KafkaFilter.parse(targets),
                feedOptions.channels(), chosen, feedOptions.duration);
    }
}
