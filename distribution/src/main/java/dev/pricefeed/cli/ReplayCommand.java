package dev.pricefeed.cli;

import dev.pricefeed.FeedEvent;
import dev.pricefeed.Instrument;
import dev.pricefeed.PluginRegistry;
import dev.pricefeed.config.ConfigSources;
import dev.pricefeed.config.PluginOptions;
import dev.pricefeed.config.Setting;
import dev.pricefeed.spi.ExchangeConnector;
import dev.pricefeed.spi.ExchangeProvider;
import dev.pricefeed.spi.MessageParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pricefeed replay}: runs recorded frames through the exchange's parser and the cache, printing JSON Lines. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Runs a recording through the exchange's parser and prints JSON Lines.",
                "Reads a recording from 'pricefeed record' (or, with --raw, one frame per line), runs it through the "
                        + "exchange plugin's parser and the price cache, and prints what a listener would get."})
final class ReplayCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "EXCHANGE", description = "The exchange id, such as kraken.")
    String exchange;

    @Parameters(index = "1", paramLabel = "FILE", description = "The recording, or with --raw one frame per line.")
    Path file;

    @Parameters(index = "2..*", paramLabel = "INSTRUMENT",
            description = "Instruments such as BTC/USDT: context for exchanges whose frames carry symbols that "
                    + "cannot be split (Binance BTCUSDT).")
    List<String> instruments = new ArrayList<>();

    @Option(names = "--raw", description = "The file holds one raw frame per line, as received (no receive times).")
    boolean raw;

    @Option(names = "--events", description = "Print error and gap events on standard output with the data "
            + "(default: standard error).")
    boolean events;

    ReplayCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        List<Instrument> known = new ArrayList<>();
        for (String text : instruments) {
            try {
                known.add(Instrument.of(text));
            } catch (IllegalArgumentException e) {
                throw new UsageError(e.getMessage());
            }
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UsageError("recording " + file + " cannot be read"
                    + (Files.exists(file) ? "" : ": no such file"));
        }
        ConfigSources sources = common.sources(env);
        PluginRegistry registry = common.registry(env, sources);
        String id = exchange.trim().toLowerCase(Locale.ROOT);
        ExchangeProvider provider = registry.provider(id);

        LineOutput out = new LineOutput(spec.commandLine().getOut());
        LineOutput err = new LineOutput(spec.commandLine().getErr());
        EventOutput eventOutput = new EventOutput(events ? out : err);
        ReplaySink sink = new ReplaySink(id, out::println, eventOutput);
        long frames = 0;
        long errors = 0;
        PluginOptions options = PluginOptions.of(id, provider.options(), options(sources, id));
        try (OfflineExchangeContext offline = new OfflineExchangeContext(id, known, options, env.clock());
                ExchangeConnector connector = provider.create(offline);
                BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            MessageParser parser = connector.newParser(Optional.empty());
            long lineNumber = 0;
            String line;
            while ((line = reader.readLine()) != null && !out.broken()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String frame;
                if (raw) {
                    frame = line;
                    sink.frameReceivedAt(env.clock().instant());
                } else {
                    try {
                        RecordedFrame recorded = RecordedFrame.parse(line);
                        frame = recorded.frame();
                        sink.frameReceivedAt(recorded.receivedAt());
                    } catch (IllegalArgumentException e) {
                        errors++;
                        eventOutput.accept(new FeedEvent.Error(id, env.clock().instant(), "recording",
                                file + " line " + lineNumber + " is not a recording line (" + e.getMessage()
                                        + "); use --raw for a file of raw frames"));
                        continue;
                    }
                }
                frames++;
                try {
                    parser.parse(frame, sink);
                } catch (RuntimeException e) {
                    // the runtime skips a malformed frame too; say which one and go on
                    errors++;
                    eventOutput.accept(new FeedEvent.Error(id, sink.receivedAt(), "parse",
                            file + " line " + lineNumber + " could not be parsed: " + Cli.describe(e)));
                }
            }
        }
        err.println("replayed " + frames + " frames from " + file + ": " + sink.ticks() + " ticks, " + sink.trades()
                + " trades, " + sink.unknown() + " other, " + errors + " errors");
        return Cli.OK;
    }

    /** The exchange's options: every {@code <exchange>.<key>} setting but endpoints and credentials. */
    static Map<String, String> options(ConfigSources sources, String exchange) {
        Map<String, String> options = new TreeMap<>(sources.withPrefix(exchange + "."));
        options.keySet().removeIf(key -> key.startsWith("endpoint.") || Setting.perExchangeKeys().contains(key));
        return options;
    }
}
