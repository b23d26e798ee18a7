package dev.pricefeed.benchmarks.parse;

import dev.pricefeed.spi.MessageParser;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One sample frame after another through {@code provider.create(context).newParser(Optional.empty())}, single thread, into a sink
 * that only hands the ticks and trades to a blackhole. Frames per second; run with {@code -prof gc} for bytes
 * allocated per frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParserBenchmark {

    /** Frames in one cycle; a fresh parser starts each cycle so order checks (Binance book ticker ids) pass. */
    static final int CYCLE = 1024;

    /** The sample frame, as {@code exchange/kind}. */
    @Param({"binance/ticker", "binance/bbo", "binance/trade", "kraken/ticker", "kraken/trade", "kraken/v1-ticker",
            "kraken/v1-trade", "kucoin/ticker", "kucoin/bbo", "kucoin/trade", "coinbase/ticker", "coinbase/trade"})
    public String frame;

    private ParserFixture fixture;
    private MessageParser parser;
    private CountingSink sink;
    private String[] frames;
    private int next;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        fixture = new ParserFixture(frame.substring(0, frame.indexOf('/')));
        frames = cycle(frame);
        CountingSink check = new CountingSink(x -> { });
        MessageParser checking = fixture.connector.newParser(Optional.empty());
        for (String f : frames) {
            checking.parse(f, check);
        }
        // a frame that yields nothing would measure the parser's error path, not its data path
        if (check.ticks + check.trades < frames.length) {
            throw new IllegalStateException(frame + ": " + frames.length + " frames gave only " + check.ticks
                    + " ticks and " + check.trades + " trades (" + check.other + " other callbacks)");
        }
        sink = new CountingSink(blackhole::consume);
        parser = fixture.connector.newParser(Optional.empty());
        next = 0;
    }

    /**
     * The frames of one cycle: the sample repeated, with a rising sequence where the parser drops a repeated one as
     * stale (as every live stream's numbers rise), so the data path is measured and not the drop.
     */
    static String[] cycle(String name) {
        String sample = Frames.load(name);
        String field = switch (name) {
            case "binance/bbo" -> "\"u\":";
            case "coinbase/ticker", "coinbase/trade", "kucoin/ticker", "kucoin/trade" -> "\"sequence\":";
            default -> null;
        };
        String[] frames = new String[CYCLE];
        if (field == null) {
            Arrays.fill(frames, sample);
            return frames;
        }
        int at = sample.indexOf(field);
        int start = at + field.length() + (sample.charAt(at + field.length()) == '"' ? 1 : 0);
        int end = start;
        while (Character.isDigit(sample.charAt(end))) {
            end++;
        }
        long first = Long.parseLong(sample.substring(start, end));
        for (int i = 0; i < CYCLE; i++) {
            frames[i] = sample.substring(0, start) + (first + i) + sample.substring(end);
        }
        return frames;
    }

    @Benchmark
    public void parse() {
        if (next == CYCLE) {
            next = 0;
            parser = fixture.connector.newParser(Optional.empty());
        }
        parser.parse(frames[next++], sink);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }
}
