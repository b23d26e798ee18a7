package dev.pricefeed.benchmarks.loopback;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.nio.file.Path;
import java.time.Instant;

/**
 * End to end over loopback: the emulator (its own process) streams numbered ticker frames of one exchange on one
 * connection to one client in this process, as fast as the client reads and then at fixed rates; reports delivered
 * ticks per second, CPU time per frame, latency from the emulator's send to the listener, frames lost and GC.
 *
 * <p>Usage: {@code LoopbackBenchmark pricefeed|pricefeed-fast|xchange|reference|jdk-floor RESULT.json [binance|coinbase]}
 */
public final class LoopbackBenchmark {

    private static final long WARM_UP_FRAMES = 200_000;
    private static final long SATURATION_FRAMES = 300_000;
    private static final int SATURATION_ROUNDS = 3;
    /**
     * Rate (frames/s), how long each fixed-rate phase is measured (s), and how long it runs unmeasured before (s): the
     * JIT recompiles code after the switch from saturation to a low rate (branches never taken at saturation, such as
     * a listener thread parking), which took every client's first seconds at 1,000/s; the warm-up keeps that out of
     * the steady-state figures, for every client alike.
     */
    private static final long[][] RATES = {{1_000, 10, 5}, {20_000, 10, 2}, {100_000, 5, 2}};
    /** How long the idle client's CPU is measured. */
    private static final long IDLE_MILLIS = 3_000;

    private final EmulatorChild emulator;
    private final Client client;
    private final Arrivals arrivals;
    private long nextNumber = 1;

    private LoopbackBenchmark(EmulatorChild emulator, Client client, Arrivals arrivals) {
        this.emulator = emulator;
        this.client = client;
        this.arrivals = arrivals;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException(
                    "usage: LoopbackBenchmark pricefeed|pricefeed-fast|xchange|reference|jdk-floor RESULT.json"
                            + " [binance|coinbase]");
        }
        String exchange = args.length > 2 ? args[2] : "binance";
        Arrivals arrivals = new Arrivals();
        JsonArrayBuilder phases = Json.createArrayBuilder();
        String clientName;
        String settings;
        JsonObjectBuilder idle;
        java.util.Set<Thread> threadsBefore = java.util.Set.copyOf(Thread.getAllStackTraces().keySet());
        try (EmulatorChild emulator = EmulatorChild.start(EmulatorProcess.class, "1g", exchange);
             Client client = Client.named(args[0], exchange, Client.RecoveryTuning.DEFAULTS)) {
            clientName = client.name();
            settings = client.settings();
            client.start(emulator.websocket(), emulator.rest(), arrivals);
            emulator.call("await-subscribed 1 30000");
            LoopbackBenchmark bench = new LoopbackBenchmark(emulator, client, arrivals);
            log(clientName + ": subscribed; warming up with " + WARM_UP_FRAMES + " frames");
            bench.phase("warm-up", WARM_UP_FRAMES, 0);
            for (int round = 1; round <= SATURATION_ROUNDS && selected("saturation"); round++) {
                JsonObjectBuilder result = bench.phase("saturation-" + round, SATURATION_FRAMES, 0);
                phases.add(result);
            }
            for (long[] rate : RATES) {
                if (selected(String.valueOf(rate[0]))) {
                    bench.phase("warm-up-" + rate[0], rate[0] * rate[2], rate[0]);
                    phases.add(bench.phase("rate-" + rate[0], rate[0] * rate[1], rate[0]));
                }
            }
            idle = idle();
        }
        Results.write(Path.of(args[1]), Json.createObjectBuilder()
                .add("benchmark", "loopback")
                .add("client", clientName)
                .add("exchange", exchange)
                .add("when", Instant.now().toString())
                .add("jvm", Results.jvm())
                .add("phases", phases)
                .add("settings", settings)
                .add("idle", idle)
                .add("threads_after_close", threadsAfterClose(threadsBefore))
                .build());
        log(clientName + ": results in " + args[1]);
        System.exit(0);
    }

    /**
     * Whether a phase runs: every phase by default; {@code -Dloopback.phases=1000,20000} (names: saturation, 1000,
     * 20000, 100000) runs a subset, for a quick look at one measure (run.sh always runs them all).
     */
    private static boolean selected(String phase) {
        String only = System.getProperty("loopback.phases", "");
        return only.isBlank() || java.util.Arrays.asList(only.split(",")).contains(phase);
    }

    /** The threads that were not there before the emulator and the client started and still live 2 s after close. */
    private static JsonArrayBuilder threadsAfterClose(java.util.Set<Thread> before) throws InterruptedException {
        Thread.sleep(2_000);
        JsonArrayBuilder names = Json.createArrayBuilder();
        Thread.getAllStackTraces().keySet().stream()
                // "process reaper" is the JDK's thread for the emulator child process, the harness's own
                .filter(t -> t.isAlive() && !before.contains(t) && !t.getName().equals("process reaper"))
                .map(Thread::getName).sorted().forEach(names::add);
        return names;
    }

    /** The client's CPU while connected and subscribed but sent nothing, as a share of one core (a spinning thread shows). */
    private static JsonObjectBuilder idle() throws InterruptedException {
        Thread.sleep(500); // the last phase's stragglers
        ProcessStats.Snapshot before = ProcessStats.snapshot();
        Thread.sleep(IDLE_MILLIS);
        ProcessStats.Snapshot used = ProcessStats.snapshot().since(before);
        double share = (double) used.cpuNanos() / used.nanos();
        log(String.format("idle: %.2f %% of one core over %d ms, %d context switches", share * 100, IDLE_MILLIS,
                used.contextSwitches()));
        return Json.createObjectBuilder()
                .add("millis", IDLE_MILLIS)
                .add("cpu_share_of_one_core", Math.round(share * 10_000) / 10_000.0)
                .add("context_switches_per_second", Math.round(used.contextSwitches() * 1000.0 / IDLE_MILLIS));
    }

    /** Streams {@code count} frames ({@code rate} 0: as fast as the client reads) and measures what arrives. */
    private JsonObjectBuilder phase(String name, long count, long rate) throws Exception {
        long first = nextNumber;
        nextNumber += count;
        Arrivals.Phase phase = arrivals.begin(first, count);
        long droppedBefore = client.dropped();
        long emulatorCpuBefore = Long.parseLong(emulator.call("stats")[1]);
        ProcessStats.takeMaxPauseMicros();
        java.util.Map<Long, Long> threadsBefore = ThreadCpu.byThread();
        ProcessStats.Snapshot before = ProcessStats.snapshot();
        String[] reply = emulator.call("stream " + count + " " + rate);
        if (Long.parseLong(reply[1]) != first) {
            throw new IllegalStateException("emulator numbered from " + reply[1] + ", expected " + first);
        }
        long expectedMillis = rate > 0 ? count * 1000 / rate : count / 20;
        boolean complete = arrivals.await(phase, 5_000, expectedMillis + 60_000);
        ProcessStats.Snapshot after = ProcessStats.snapshot();
        ProcessStats.Snapshot used = after.since(before);
        JsonObjectBuilder threads = Json.createObjectBuilder();
        long per = Math.max(1, phase.received());
        ThreadCpu.since(threadsBefore).forEach((thread, nanos) -> {
            if (nanos / per >= 100) {
                threads.add(thread, nanos / 1000.0 / per);
            }
        });
        long emulatorCpu = Long.parseLong(emulator.call("stats")[1]) - emulatorCpuBefore;
        long received = phase.received();
        double seconds = phase.spanNanos() / 1e9;
        double throughput = received > 1 && seconds > 0 ? (received - 1) / seconds : 0;
        JsonObjectBuilder result = Json.createObjectBuilder()
                .add("phase", name)
                .add("rate_target", rate)
                .add("frames", count)
                .add("received", received)
                .add("lost", phase.lost())
                .add("complete", complete)
                .add("dropped_by_client", client.dropped() - droppedBefore)
                .add("duplicates", phase.duplicates())
                .add("out_of_order", phase.outOfOrder())
                .add("ticks_per_second", Math.round(throughput))
                .add("client_cpu_us_per_frame", received == 0 ? 0 : used.cpuNanos() / 1000.0 / received)
                .add("client_allocated_bytes_per_frame", received == 0 ? 0 : (double) used.allocatedBytes() / received)
                .add("client_system_cpu_share", Math.round(after.systemShare(before) * 100) / 100.0)
                // threads that ended during the phase take their counts with them: never below zero
                .add("client_context_switches_per_frame", received == 0 ? 0
                        : Math.max(0, Math.round(100.0 * used.contextSwitches() / received) / 100.0))
                .add("connections_accepted", Long.parseLong(emulator.call("stats")[2]))
                .add("emulator_cpu_us_per_frame", received == 0 ? 0 : emulatorCpu / 1000.0 / received)
                .add("gc_count", used.gcCount())
                .add("gc_ms", used.gcMillis())
                .add("gc_max_pause_ms", ProcessStats.takeMaxPauseMicros() / 1000.0)
                .add("latency", Results.latency(phase.latency()))
                .add("cpu_us_per_frame_by_thread", threads);
        log(String.format("%s %-13s received %d/%d (lost %d) %.0f ticks/s, %.2f µs CPU/frame, %.0f B/frame, "
                        + "p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs, max %.1f µs, GC %d (%d ms)",
                client.name(), name, received, count, phase.lost(), throughput,
                received == 0 ? 0.0 : used.cpuNanos() / 1000.0 / received,
                received == 0 ? 0.0 : (double) used.allocatedBytes() / received,
                phase.latency().getValueAtPercentile(50) / 1000.0, phase.latency().getValueAtPercentile(99) / 1000.0,
                phase.latency().getValueAtPercentile(99.9) / 1000.0, phase.latency().getMaxValue() / 1000.0,
                used.gcCount(), used.gcMillis()));
        return result;
    }

    static void log(String line) {
        System.err.println("[bench] " + line);
    }
}
