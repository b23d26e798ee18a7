package dev.pricefeed.benchmarks.soak;

import dev.pricefeed.Instrument;
import dev.pricefeed.benchmarks.loopback.EmulatorChild;
import dev.pricefeed.benchmarks.loopback.EmulatorSettings;
import dev.pricefeed.benchmarks.loopback.ProcessStats;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The soak's emulator process (started through {@link EmulatorChild}, so the soak's JVM measures the library alone):
 * the four exchange simulators on 127.0.0.1, publishing numbered tickers (1, 2, 3 ... as the last price's whole part)
 * on the streams of {@link #STREAMS} in turn. Prints {@code READY} and each exchange's settings, then answers one line
 * per command on standard input:
 *
 * <ul>
 *   <li>{@code publish FRAMES_PER_SECOND}: starts publishing over all streams together;</li>
 *   <li>{@code drop EXCHANGE} / {@code hung EXCHANGE}: drops every connection of the exchange without a close frame /
 *   silences them (TCP open, nothing sent, pings unanswered); answers the numbers published so far on that exchange's
 *   streams, counted after the fault;</li>
 *   <li>{@code stats}: numbers published per stream, live subscriptions and open connections over all exchanges, and
 *   this process's heap after a full GC in bytes;</li>
 *   <li>{@code stop}: stops publishing; {@code quit}: closes the simulators and ends (as does the end of input, so
 *   the process ends with the soak's JVM).</li>
 * </ul>
 */
public final class SoakEmulators {

    /** The numbered streams: two instruments per exchange, all listed by the emulators by default. */
    static final Map<String, List<String>> STREAMS = streams();
    /** How far the publisher may fall behind its schedule before it gives up the backlog instead of bursting. */
    private static final long CATCH_UP_LIMIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Map<String, ExchangeSimulator> simulators = new LinkedHashMap<>();
    private final List<String> exchangeOf = new ArrayList<>();
    private final List<Instrument> instrumentOf = new ArrayList<>();
    private final AtomicLongArray published;
    private volatile boolean publishing;
    private Thread publisher;

    private SoakEmulators() {
        simulators.put("binance", BinanceSimulator.builder().instruments(STREAMS.get("binance"))
                .tickerInterval(null).start());
        simulators.put("kraken", KrakenSimulator.builder().instruments(STREAMS.get("kraken")).start());
        simulators.put("kucoin", KuCoinSimulator.start(STREAMS.get("kucoin")));
        simulators.put("coinbase", CoinbaseSimulator.builder()
                .instruments(STREAMS.get("coinbase").toArray(String[]::new)).start());
        STREAMS.forEach((exchange, names) -> names.forEach(name -> {
            exchangeOf.add(exchange);
            instrumentOf.add(Instrument.of(name));
        }));
        published = new AtomicLongArray(exchangeOf.size());
    }

    private static Map<String, List<String>> streams() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put("binance", List.of("BTC/USDT", "ETH/USDT"));
        map.put("kraken", List.of("BTC/USD", "ETH/USD"));
        map.put("kucoin", List.of("BTC/USDT", "ETH/USDT"));
        map.put("coinbase", List.of("BTC/USD", "ETH/USD"));
        return map;
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        SoakEmulators emulators = new SoakEmulators();
        StringJoiner ready = new StringJoiner(" ", "READY ", "");
        emulators.simulators.values().forEach(simulator -> ready.add(EmulatorSettings.of(simulator)));
        out.println(ready);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.trim().split(" ");
            try {
                String reply = emulators.command(words);
                out.println(reply);
                if (reply.equals("BYE")) {
                    break;
                }
            } catch (RuntimeException e) {
                out.println("ERROR " + e);
            }
        }
        emulators.stopPublishing();
        emulators.simulators.values().forEach(ExchangeSimulator::close);
        System.exit(0);
    }

    private String command(String[] words) {
        return switch (words[0]) {
            case "publish" -> {
                startPublishing(Integer.parseInt(words[1]));
                yield "PUBLISHING";
            }
            case "drop" -> {
                simulator(words[1]).server().dropAll();
                yield "DROPPED " + publishedOn(words[1]);
            }
            case "hung" -> {
                simulator(words[1]).server().silenceAll();
                yield "HUNG " + publishedOn(words[1]);
            }
            case "stats" -> stats();
            case "stop" -> {
                stopPublishing();
                yield stats();
            }
            case "quit" -> "BYE";
            default -> throw new IllegalArgumentException("unknown command " + words[0]);
        };
    }

    private ExchangeSimulator simulator(String exchange) {
        ExchangeSimulator simulator = simulators.get(exchange);
        if (simulator == null) {
            throw new IllegalArgumentException("no emulator for " + exchange);
        }
        return simulator;
    }

    /** Numbers published so far on the exchange's streams, in {@link #STREAMS} order. */
    private String publishedOn(String exchange) {
        StringJoiner numbers = new StringJoiner(" ");
        for (int i = 0; i < exchangeOf.size(); i++) {
            if (exchangeOf.get(i).equals(exchange)) {
                numbers.add(Long.toString(published.get(i)));
            }
        }
        return numbers.toString();
    }

    /** {@code STATS} numbers published per stream, live subscriptions, open connections, heap after GC. */
    private String stats() {
        StringJoiner stats = new StringJoiner(" ", "STATS ", "");
        for (int i = 0; i < published.length(); i++) {
            stats.add(Long.toString(published.get(i)));
        }
        stats.add(Integer.toString(simulators.values().stream().mapToInt(ExchangeSimulator::liveSubscriptions).sum()));
        stats.add(Integer.toString(simulators.values().stream().mapToInt(s -> s.server().connections().size()).sum()));
        stats.add(Long.toString(ProcessStats.heapAfterGc()));
        return stats.toString();
    }

    private void startPublishing(int framesPerSecond) {
        if (publisher != null) {
            throw new IllegalStateException("already publishing");
        }
        publishing = true;
        publisher = new Thread(() -> publish(framesPerSecond), "soak-publisher");
        publisher.setDaemon(true);
        publisher.start();
    }

    private void stopPublishing() {
        publishing = false;
        if (publisher != null) {
            try {
                publisher.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Publishes the streams in turn, evenly spaced, at the given rate over all of them. */
    private void publish(int framesPerSecond) {
        long period = 1_000_000_000L / framesPerSecond;
        long next = System.nanoTime();
        for (long i = 0; publishing; i++) {
            next += period;
            long now = System.nanoTime();
            if (now - next > CATCH_UP_LIMIT_NANOS) {
                // a starved publisher does not burst to catch up: the rate is what the machine gave (see the table)
                next = now;
            }
            for (long left = next - System.nanoTime(); left > 0; left = next - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
            int stream = (int) (i % published.length());
            long n = published.incrementAndGet(stream);
            simulators.get(exchangeOf.get(stream)).publishTicker(instrumentOf.get(stream), n + ".5", n + ".4",
                    n + ".6");
        }
    }
}
