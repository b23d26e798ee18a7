package dev.pricefeed.cli;

import dev.pricefeed.Instrument;
import dev.pricefeed.PluginRegistry;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.config.ConfigSources;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pricefeed record}: raw frames with their receive times, one JSON object a line, for {@code replay}. */
@Command(name = "record", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Records the raw frames of one exchange for replay.",
                "Writes every frame with its receive time, one JSON object a line: "
                        + "{\"receivedAt\":\"<ISO-8601>\",\"frame\":\"<frame text>\"}. Replay it with "
                        + "'pricefeed replay'."},
        footer = {"", "Example:", "  pricefeed record kraken BTC/USD ETH/USD --out kraken.jsonl --duration 10m"})
final class RecordCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TARGET", arity = "1..*",
            description = "EXCHANGE followed by its instruments, or EXCHANGE:INSTRUMENT; one exchange only.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "The recording to write (replaced if it exists).")
    Path out;

    @Option(names = "--events", description = "Print events on standard output (default: standard error).")
    boolean events;

    @Mixin
    FeedOptions feedOptions;

    @Mixin
    CommonOptions common;

    RecordCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        ConfigSources sources = common.sources(env);
        PluginRegistry registry = common.registry(env, sources);
        Map<String, Set<Instrument>> parsed = FeedTargets.parse(targets, registry.ids());
        if (parsed.size() != 1) {
            throw new UsageError("record takes one exchange (a recording is replayed with one parser), got "
                    + parsed.keySet());
        }
        String exchange = parsed.keySet().iterator().next();
        Map<String, Consumer<PriceFeed.Builder>> endpoints = feedOptions.endpointSettings(parsed.keySet());
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UsageError("cannot write " + out + ": folder " + parent + " does not exist");
        }
        LineOutput stdout = new LineOutput(spec.commandLine().getOut());
        LineOutput stderr = new LineOutput(spec.commandLine().getErr());
        EventOutput eventOutput = new EventOutput(events ? stdout : stderr);
        AtomicBoolean closing = new AtomicBoolean();
        AtomicInteger code = new AtomicInteger(Cli.OK);
        AtomicLong frames = new AtomicLong();
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            LineOutput file = new LineOutput(new PrintWriter(writer));
            List<FeedRequest> requests = List.of(new FeedRequest(exchange, List.copyOf(parsed.get(exchange)),
                    endpoints.get(exchange)));
            try (LiveFeeds feeds = LiveFeeds.build(requests, feedOptions.channels(), registry,
                    common.configFile(env).orElse(null), feed -> {
                        feed.onFrame((receivedAt, frame) -> {
                            frames.incrementAndGet();
                            if (!file.println(JsonLines.frame(receivedAt, frame))) {
                                code.set(Cli.FAILURE);
                                env.stop().requestStop();
                            }
                        });
                        feed.onEvent(event -> {
                            eventOutput.accept(event);
                            if (LiveFeeds.closedByItself(event, closing.get())) {
                                code.set(Cli.FAILURE);
                                env.stop().requestStop();
                            }
                        });
                    })) {
                feeds.start();
                try {
                    env.stop().await(feedOptions.duration);
                } finally {
                    closing.set(true);
                }
            }
            file.flush();
            if (file.broken()) {
                stderr.println("pricefeed record: writing " + out + " failed (disk full or not writable)");
            }
        }
        stderr.println("recorded " + frames.get() + " frames to " + out);
        return code.get();
    }
}
