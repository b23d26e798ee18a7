package dev.pricefeed.benchmarks.loopback;

import dev.pricefeed.Instrument;
import dev.pricefeed.testkit.ExchangeSimulator;
import dev.pricefeed.testkit.binance.BinanceSimulator;
import dev.pricefeed.testkit.coinbase.CoinbaseSimulator;
import dev.pricefeed.testkit.kraken.KrakenSimulator;
import dev.pricefeed.testkit.kucoin.KuCoinSimulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The emulator side of the scale harness, in a process of its own: the four exchanges' simulators, each listing
 * {@code PER_EXCHANGE} synthetic instruments ({@code S000/USDT} ...). Prints {@code READY} and, per exchange, the
 * settings that point a feed at it; then takes {@code publish TICKS_PER_INSTRUMENT_PER_SECOND}, {@code stats}
 * (CPU nanoseconds and open connections per exchange) and {@code quit}.
 */
public final class ScaleEmulators {

    private final List<ExchangeSimulator> simulators = new ArrayList<>();
    private final Map<String, List<String>> instruments;

    private ScaleEmulators(int perExchange) {
        instruments = Map.of(
                "binance", names(perExchange, "USDT"),
                "kraken", names(perExchange, "USD"),
                "kucoin", names(perExchange, "USDT"),
                "coinbase", names(perExchange, "USD"));
        simulators.add(BinanceSimulator.builder().instruments(instruments.get("binance")).tickerInterval(null)
                .start());
        simulators.add(KrakenSimulator.builder().instruments(instruments.get("kraken")).start());
        simulators.add(KuCoinSimulator.start(instruments.get("kucoin")));
        simulators.add(CoinbaseSimulator.builder().instruments(instruments.get("coinbase").toArray(String[]::new))
                .start());
    }

    /** {@code S000/QUOTE}, {@code S001/QUOTE}, ... */
    static List<String> names(int count, String quote) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(String.format("S%03d/%s", i, quote));
        }
        return names;
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ScaleEmulators emulators = new ScaleEmulators(Integer.parseInt(args[0]));
        StringJoiner ready = new StringJoiner(" ", "READY ", "");
        for (ExchangeSimulator simulator : emulators.simulators) {
            ready.add(EmulatorSettings.of(simulator));
        }
        out.println(ready);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.trim().split(" ");
            switch (words[0]) {
                case "publish" -> {
                    emulators.publish(Double.parseDouble(words[1]));
                    out.println("PUBLISHING");
                }
                case "stats" -> {
                    StringJoiner stats = new StringJoiner(" ", "STATS ", "");
                    stats.add(Long.toString(ProcessStats.cpuNanos()));
                    for (ExchangeSimulator simulator : emulators.simulators) {
                        stats.add(simulator.exchangeId() + "=" + simulator.server().connections().size());
                    }
                    out.println(stats);
                }
                case "quit" -> {
                    out.println("BYE");
                    emulators.simulators.forEach(ExchangeSimulator::close);
                    System.exit(0);
                }
                default -> out.println("ERROR unknown command " + words[0]);
            }
        }
        System.exit(0);
    }

    /** Publishes a ticker for every instrument of every exchange {@code perSecond} times a second, spread evenly. */
    private void publish(double perSecond) {
        List<Runnable> all = new ArrayList<>();
        long[] counter = new long[1];
        for (ExchangeSimulator simulator : simulators) {
            for (String name : instruments.get(simulator.exchangeId())) {
                Instrument instrument = Instrument.of(name);
                all.add(() -> {
                    long n = ++counter[0];
                    String last = "100." + (n % 1000);
                    simulator.publishTicker(instrument, last, "99.99", "100.01");
                });
            }
        }
        Thread publisher = new Thread(() -> {
            long period = (long) (1_000_000_000L / (perSecond * all.size()));
            long next = System.nanoTime();
            for (long i = 0; ; i++) {
                next += period;
                for (long left = next - System.nanoTime(); left > 0; left = next - System.nanoTime()) {
                    LockSupport.parkNanos(Math.max(left, TimeUnit.MICROSECONDS.toNanos(100)));
                }
                all.get((int) (i % all.size())).run();
            }
        }, "bench-scale-publisher");
        publisher.setDaemon(true);
        publisher.start();
    }
}
