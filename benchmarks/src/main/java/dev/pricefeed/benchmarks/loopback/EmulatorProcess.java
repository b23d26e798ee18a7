package dev.pricefeed.benchmarks.loopback;

import dev.pricefeed.Instrument;
import dev.pricefeed.testkit.EmulatorConnection;
import dev.pricefeed.testkit.EmulatorServer;
import dev.pricefeed.testkit.ExchangeSimulator;
import dev.pricefeed.testkit.binance.BinanceSimulator;
import dev.pricefeed.testkit.coinbase.CoinbaseSimulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The emulator side of the loopback harnesses, in a process of its own so the client's CPU time, heap and GC are its
 * own: the test kit's Binance (default) or Coinbase Exchange simulator on 127.0.0.1 (argument {@code binance} or
 * {@code coinbase}), driven by one-line commands on standard input, answering one line each on standard output.
 *
 * <ul>
 *   <li>{@code await-subscribed N MILLIS}: waits until connection N is subscribed to the ticker (BTC/USDT on
 *   Binance, BTC/USD on Coinbase);</li>
 *   <li>{@code stream COUNT RATE}: numbered frames on the newest connection; RATE 0 = pre-built frames through
 *   {@link EmulatorConnection#stream} as fast as the client reads, else paced with the send time inside;</li>
 *   <li>{@code publish PERIOD_MICROS}: from now on a numbered frame with its send time to every open connection per
 *   period (until {@code quit});</li>
 *   <li>{@code drop}: closes every connection at once without a close frame, answers the time;</li>
 *   <li>{@code stats}: CPU time of this process and connections accepted;</li>
 *   <li>{@code quit}.</li>
 * </ul>
 */
public final class EmulatorProcess {

    private static final Instrument COINBASE_TICKER = Instrument.of("BTC/USD");

    private final String exchange;
    private final ExchangeSimulator simulator;
    private final EmulatorServer server;
    private final AtomicLong numbers = new AtomicLong();
    private final PrintStream out;

    private EmulatorProcess(String exchange, PrintStream out) {
        this.exchange = exchange;
        this.out = out;
        simulator = switch (exchange) {
            case "binance" -> BinanceSimulator.builder().instruments(List.of("BTC/USDT", "ETH/USDT"))
                    .tickerInterval(null).noPings().start();
            case "coinbase" -> CoinbaseSimulator.builder().instruments("BTC/USD", "ETH/USD").start();
            default -> throw new IllegalArgumentException("no emulator for " + exchange);
        };
        server = simulator.server();
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        EmulatorProcess process = new EmulatorProcess(args.length > 0 ? args[0] : "binance", out);
        out.println("READY " + process.server.wsUri("/") + " " + process.server.httpUri("/"));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.trim().split(" ");
            try {
                if (!process.command(words)) {
                    break;
                }
            } catch (RuntimeException | InterruptedException e) {
                out.println("ERROR " + e);
            }
        }
        process.simulator.close();
        System.exit(0);
    }

    /** Whether connection {@code id} (1-based accept number) is subscribed to the ticker the frames are for. */
    private boolean subscribed(int id) {
        if (simulator instanceof BinanceSimulator binance) {
            return binance.streams(id).contains(TickerFrames.STREAM);
        }
        // the Coinbase simulator counts ticker subscriptions since start, and every connection subscribes once
        return simulator.tickerSubscriptions(COINBASE_TICKER) >= id;
    }

    private boolean command(String[] words) throws InterruptedException {
        switch (words[0]) {
            case "await-subscribed" -> awaitSubscribed(Integer.parseInt(words[1]), Long.parseLong(words[2]));
            case "stream" -> stream(Long.parseLong(words[1]), Double.parseDouble(words[2]));
            case "publish" -> publish(Long.parseLong(words[1]));
            case "drop" -> {
                server.dropAll();
                // stamped after the drop: a frame sent before it could still reach the client on the old connection
                long at = System.nanoTime();
                out.println("DROPPED " + at);
            }
            case "stats" -> out.println("STATS " + processCpuNanos() + " " + server.connectionsAccepted());
            case "quit" -> {
                out.println("BYE");
                return false;
            }
            default -> out.println("ERROR unknown command " + words[0]);
        }
        return true;
    }

    private void awaitSubscribed(int connection, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            if (server.connectionsAccepted() >= connection && subscribed(connection)) {
                out.println("SUBSCRIBED " + connection);
                return;
            }
            Thread.sleep(1);
        }
        out.println("ERROR connection " + connection + " not subscribed within " + millis + " ms");
    }

    private EmulatorConnection newest() {
        List<EmulatorConnection> open = server.connections();
        if (open.isEmpty()) {
            throw new IllegalStateException("no open connection");
        }
        return open.get(open.size() - 1);
    }

    private void stream(long count, double rate) {
        EmulatorConnection connection = newest();
        long first = numbers.get() + 1;
        if (rate <= 0) {
            List<String> frames = new ArrayList<>((int) count);
            for (long i = 0; i < count; i++) {
                frames.add(TickerFrames.frame(exchange, numbers.incrementAndGet(), 0));
            }
            connection.stream(frames, 0);
        } else {
            numbers.addAndGet(count);
            Thread sender = new Thread(() -> paced(exchange, connection, first, count, rate), "bench-paced-sender");
            sender.setDaemon(true);
            sender.start();
        }
        out.println("STREAMING " + first + " " + count);
    }

    /** Sends frame after frame on schedule (start + i / rate), each stamped with the time it is handed to the emulator. */
    private static void paced(String exchange, EmulatorConnection connection, long first, long count, double rate) {
        long period = (long) (1_000_000_000L / rate);
        long start = System.nanoTime();
        for (long i = 0; i < count && connection.isOpen(); i++) {
            long due = start + i * period;
            // no spinning: the machine has two cores and the client needs them; above ~20k/s parkNanos wakes later
            // than one period, so the frames due by then go out back to back, the rate holding on average
            for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
            connection.send(TickerFrames.frame(exchange, first + i, System.nanoTime()));
        }
    }

    private void publish(long periodMicros) {
        Thread publisher = new Thread(() -> {
            long period = TimeUnit.MICROSECONDS.toNanos(periodMicros);
            long next = System.nanoTime();
            while (true) {
                next += period;
                for (long left = next - System.nanoTime(); left > 0; left = next - System.nanoTime()) {
                    LockSupport.parkNanos(left);
                }
                for (EmulatorConnection connection : server.connections()) {
                    if (subscribed(connection.id())) {
                        connection.send(TickerFrames.frame(exchange, numbers.incrementAndGet(), System.nanoTime()));
                    }
                }
            }
        }, "bench-publisher");
        publisher.setDaemon(true);
        publisher.start();
        out.println("PUBLISHING " + periodMicros);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
