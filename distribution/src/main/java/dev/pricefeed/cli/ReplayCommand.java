package dev.pricefeed.cli;

import dev.pricefeed.FeedEvent;
import dev.pricefeed.FrameReplay;
import dev.pricefeed.Instrument;
import dev.pricefeed.config.ConfigSources;
import dev.pricefeed.config.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pricefeed replay}: runs recorded frames through the public {@link FrameReplay}, printing JSON Lines. */
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

    @Option(names = "--events", description = "Print events (sequence gaps, errors) on standard output among the data "
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
        FrameReplay.Builder builder = FrameReplay.builder().exchange(exchange)
                .instruments(known.toArray(Instrument[]::new)).plugins(common.registry(env, sources))
                .clock(env.clock());
        String id = exchange.trim().toLowerCase(java.util.Locale.ROOT);
        options(sources, id).forEach(builder::option);

        LineOutput out = new LineOutput(spec.commandLine().getOut());
        LineOutput err = new LineOutput(spec.commandLine().getErr());
        EventOutput eventOutput = new EventOutput(events ? out : err);
        RecordingReader reader = new RecordingReader(file, raw, env.clock());
        try (FrameReplay replay = builder.build()) {
            replay.onTick(tick -> out.println(JsonLines.tick(tick)));
            replay.onTrade(trade -> out.println(JsonLines.trade(trade)));
            replay.onEvent(event -> eventOutput.accept(located(event, reader.line())));
            reader.replayInto(replay, eventOutput, out::broken);
            err.println("replayed " + replay.frames() + " frames from " + file + ": " + replay.ticks() + " ticks, "
                    + replay.trades() + " trades, " + replay.unknown() + " other, "
                    + (reader.badLines() + replay.errors()) + " errors");
        }
        return Cli.OK;
    }

    /** A parse error names the file and line it came from. */
    private FeedEvent located(FeedEvent event, long line) {
        if (event instanceof FeedEvent.Error error && "parse".equals(error.code())) {
            return new FeedEvent.Error(error.exchange(), error.at(), error.code(),
                    file + " line " + line + " " + error.message());
        }
        return event;
    }

    /** The exchange's options: every {@code <exchange>.<key>} setting but endpoints and credentials. */
    static Map<String, String> options(ConfigSources sources, String exchange) {
        Map<String, String> options = new TreeMap<>(sources.withPrefix(exchange + "."));
        options.keySet().removeIf(key -> key.startsWith("endpoint.") || Setting.perExchangeKeys().contains(key));
        return options;
    }
}
