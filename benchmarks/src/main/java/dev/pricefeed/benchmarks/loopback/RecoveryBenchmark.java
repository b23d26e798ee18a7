package dev.pricefeed.benchmarks.loopback;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Recovery after a drop: the emulator publishes a numbered ticker with its send time every millisecond to every
 * subscribed connection, then closes the TCP connection without a close frame, again and again; the time from the
 * drop to the first tick that was sent after it (so it came over the new connection) is the recovery time.
 *
 * <p>Usage: {@code RecoveryBenchmark pricefeed|xchange RESULT.json DROPS INTERVAL_MS [HEALTHY_AFTER_MS]}. The next
 * drop comes {@code INTERVAL_MS} after the previous recovery. {@code HEALTHY_AFTER_MS} sets pricefeed's
 * {@code websocket.healthy-after} (default 30 s); its {@code reconnectDelay} stays at the default 5 s.
 */
public final class RecoveryBenchmark {

    private static final Duration GIVE_UP = Duration.ofSeconds(90);

    private RecoveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            throw new IllegalArgumentException(
                    "usage: RecoveryBenchmark pricefeed|xchange RESULT.json DROPS INTERVAL_MS [HEALTHY_AFTER_MS]");
        }
        int drops = Integer.parseInt(args[2]);
        long interval = Long.parseLong(args[3]);
        Duration healthyAfter = args.length > 4 ? Duration.ofMillis(Long.parseLong(args[4])) : null;
        Arrivals arrivals = new Arrivals();
        List<Double> millis = new ArrayList<>();
        JsonArrayBuilder each = Json.createArrayBuilder();
        String name;
        long connections;
        try (EmulatorChild emulator = EmulatorChild.start(EmulatorProcess.class, "256m");
             Client client = Client.named(args[0], "binance",
                     new Client.RecoveryTuning(healthyAfter, null))) {
            name = client.name();
            client.start(emulator.websocket(), emulator.rest(), arrivals);
            emulator.call("await-subscribed 1 30000");
            emulator.call("publish 1000");
            awaitTicks(arrivals);
            for (int i = 1; i <= drops; i++) {
                Thread.sleep(interval);
                long before = arrivals.totalReceived();
                String[] reply = emulator.call("drop");
                long dropped = Long.parseLong(reply[1]);
                arrivals.watchSentAfter(dropped);
                long deadline = System.nanoTime() + GIVE_UP.toNanos();
                while (arrivals.watchedArrival() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                long arrival = arrivals.watchedArrival();
                if (arrival == 0) {
                    LoopbackBenchmark.log(name + ": no tick within " + GIVE_UP + " after drop " + i + "; giving up");
                    break;
                }
                double ms = (arrival - dropped) / 1e6;
                millis.add(ms);
                each.add(Math.round(ms * 10) / 10.0);
                LoopbackBenchmark.log(String.format("%s drop %d: first tick on the new connection after %.1f ms "
                        + "(%d ticks before the drop)", name, i, ms, before));
            }
            connections = Long.parseLong(emulator.call("stats")[2]);
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        Results.write(Path.of(args[1]), Json.createObjectBuilder()
                .add("benchmark", "recovery")
                .add("client", name)
                .add("when", Instant.now().toString())
                .add("jvm", Results.jvm())
                .add("drops", drops)
                .add("interval_ms", interval)
                .add("healthy_after_ms", healthyAfter == null ? -1 : healthyAfter.toMillis())
                .add("recovered", millis.size())
                .add("connections_accepted", connections)
                .add("median_ms", sorted.isEmpty() ? -1 : round(median(sorted)))
                .add("min_ms", sorted.isEmpty() ? -1 : round(sorted.get(0)))
                .add("max_ms", sorted.isEmpty() ? -1 : round(sorted.get(sorted.size() - 1)))
                .add("each_ms", each)
                .build());
        System.exit(0);
    }

    private static void awaitTicks(Arrivals arrivals) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (arrivals.totalReceived() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no tick within 30 s of subscribing");
            }
            Thread.sleep(5);
        }
    }

    static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }
}
