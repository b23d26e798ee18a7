package dev.pricefeed.benchmarks.parse;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The same sample frames as {@link ParserBenchmark} through XChange-stream 5.2.0's parse path (Jackson
 * {@code readTree} + DTO mapping + adapter), single thread, into a blackhole. Only the frames XChange can read are
 * compared: Binance, Coinbase Exchange (XChange's "Coinbase Pro") and Kraken v1 (XChange 5.2.0 speaks v1 only).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class XChangeParseBenchmark {

    /** The sample frame, as {@code exchange/kind}. */
    @Param({"binance/ticker", "binance/bbo", "binance/trade", "kraken/v1-ticker", "kraken/v1-trade",
            "coinbase/ticker", "coinbase/trade"})
    public String frame;

    private XChangeParsePath.Path path;
    private String[] frames;
    private Consumer<Object> out;
    private int next;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        out = blackhole::consume;
        path = XChangeParsePath.forFrame(frame);
        frames = ParserBenchmark.cycle(frame);
        for (String f : frames) {
            if (path.parse(f, x -> { }) < 1) {
                throw new IllegalStateException(frame + ": XChange's path produced nothing for " + f);
            }
        }
        next = 0;
    }

    @Benchmark
    public int parse() {
        if (next == frames.length) {
            next = 0;
        }
        return path.parse(frames[next++], out);
    }
}
