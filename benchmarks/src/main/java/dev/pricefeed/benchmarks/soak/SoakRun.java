package dev.pricefeed.benchmarks.soak;

import dev.pricefeed.Delivery;
import dev.pricefeed.FeedEvent;
import dev.pricefeed.FeedState;
import dev.pricefeed.Instrument;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.benchmarks.loopback.EmulatorChild;
import dev.pricefeed.benchmarks.loopback.EmulatorSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One soak: the four exchange emulators in a child process ({@link SoakEmulators}) publish numbered tickers at the set
 * rate, one feed per exchange in this process watches them through the real plugins over loopback WebSockets, and
 * faults are injected on a seeded schedule; a row of measurements is taken at every sample, and the report is
 * rewritten after each row (so a run cut short still leaves its table). The heap, threads and descriptors measured are
 * the library's alone: the emulators' connections, buffers and threads live in the child.
 */
public final class SoakRun {

    private static final Logger LOG = LoggerFactory.getLogger(SoakRun.class);
    /** How long a faulted feed may take to stream again before the soak reports it as not recovered. */
    private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(3);
    /** How long a slow listener takes per tick during a slow phase. */
    private static final long SLOW_LISTENER_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** Instruments per exchange, all listed by the emulators by default. */
    private static final Map<String, List<String>> INSTRUMENTS = SoakEmulators.STREAMS;
    /** Heap of the emulator process: its simulators keep what their connections received. */
    private static final String EMULATOR_HEAP = "256m";

    private final SoakSettings settings;
    private final Outages outages = new Outages(TimeUnit.SECONDS.toNanos(10));
    private EmulatorChild emulators;
    private final Map<String, PriceFeed> feeds = new LinkedHashMap<>();
    private final List<Stream> streams = new ArrayList<>();
    private final ConcurrentLinkedQueue<String> happened = new ConcurrentLinkedQueue<>();
    private final List<Duration> recoveries = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<String> unrecovered = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean slow;
    private volatile boolean stopping;

    private SoakRun(SoakSettings settings) {
        this.settings = settings;
    }

    /** Runs a soak to its end and returns what it measured (the report is written on the way). */
    public static SoakResult run(SoakSettings settings) throws IOException {
        return new SoakRun(settings).execute();
    }

    private SoakResult execute() throws IOException {
        emulators = EmulatorChild.start(SoakEmulators.class, EMULATOR_HEAP);
        ProcessProbe.openJdkNioOnce();
        // taken with the emulator process running (its pipes and the JDK's process reaper thread are the harness's) and
        // the JDK's one-per-JVM NIO descriptor open, so what is left after close is the library's
        int threadsBefore = ProcessProbe.threads();
        long fdsBefore = ProcessProbe.nonFileDescriptors();
        Instant startedAt = Instant.now();
        List<Sample> samples = new ArrayList<>();
        SoakReport report = new SoakReport(settings, startedAt);
        Thread faults = null;
        int threadsAfter;
        long fdsAfter;
        Map<String, Long> reconnectsPerFeed = new LinkedHashMap<>();
        try {
            startFeeds();
            awaitAllStreaming();
            emulators.call("publish " + settings.framesPerSecond());
            faults = daemon("soak-faults", this::injectFaults);
            long start = System.nanoTime();
            long[] last = totals(stats());
            long reconnectsBefore = reconnects();
            for (int row = 1; ; row++) {
                long due = start + row * settings.sampleEvery().toNanos();
                if (due - start > settings.duration().toNanos()) {
                    break;
                }
                parkUntil(due);
                String[] stats = stats();
                long[] now = totals(stats);
                long reconnectsNow = reconnects();
                List<String> faultsSince = new ArrayList<>();
                for (String f = happened.poll(); f != null; f = happened.poll()) {
                    faultsSince.add(f);
                }
                samples.add(new Sample((System.nanoTime() - start) / 60e9, ProcessProbe.heapAfterGc(),
                        ProcessProbe.threads(), ProcessProbe.fileDescriptors(), liveSubscriptions(stats),
                        connections(stats), now[0] - last[0], now[1] - last[1], now[2] - last[2], now[3] - last[3],
                        reconnectsNow - reconnectsBefore, String.join("; ", faultsSince)));
                last = now;
                reconnectsBefore = reconnectsNow;
                report.write(samples, null, recoveries, unrecovered);
                LOG.info("soak row {}: {}; emulator process heap after GC {} bytes", row,
                        samples.get(samples.size() - 1), stats[3 + streams.size()]);
            }
        } finally {
            stopping = true;
            join(faults);
            try {
                readPublished(emulators.call("stop"));
            } catch (IOException e) {
                LOG.warn("the emulator process did not stop publishing: {}", e.toString());
            }
            feeds.values().forEach(PriceFeed::close);
            feeds.forEach((exchange, feed) -> reconnectsPerFeed.put(exchange, feed.metrics().reconnects()));
            // drop every reference, so what a closed feed leaves for the collector (the JDK HttpClient) can go
            feeds.clear();
            // measured before the emulator process ends: what is left is the library's, not the harness's
            threadsAfter = awaitThreadsBack(threadsBefore);
            fdsAfter = ProcessProbe.nonFileDescriptors();
            emulators.close();
        }
        LOG.info("reconnects per exchange: {}", reconnectsPerFeed);
        SoakResult result = new SoakResult(samples, totalsOf(Stream::lost), totalsOf(Stream::excused),
                totalsOf(Stream::repeats), totalsOf(Stream::published), totalsOf(Stream::receivedCount),
                List.copyOf(recoveries), List.copyOf(unrecovered), threadsBefore, threadsAfter, fdsBefore, fdsAfter);
        report.write(samples, result, recoveries, unrecovered);
        return result;
    }

    private void startFeeds() {
        for (String ready : emulators.ready()) {
            String exchange = EmulatorSettings.exchange(ready);
            Map<Instrument, Stream> byInstrument = new LinkedHashMap<>();
            for (String name : INSTRUMENTS.get(exchange)) {
                Stream stream = new Stream(exchange, Instrument.of(name), outages);
                streams.add(stream);
                byInstrument.put(stream.instrument, stream);
            }
            // default timings, as a user gets them; only outside configuration is kept out
            PriceFeed feed = EmulatorSettings.apply(ready, PriceFeed.builder().exchange(exchange)
                    .instruments(INSTRUMENTS.get(exchange))
                    .environment(Map.of()).systemProperties(new Properties())).build();
            feed.onTick(tick -> {
                Stream stream = byInstrument.get(tick.instrument());
                if (stream != null && tick.last() != null) {
                    stream.received(tick.last());
                }
            }, Delivery.queue());
            feed.onTick(tick -> {
                if (slow) {
                    LockSupport.parkNanos(SLOW_LISTENER_NANOS);
                }
            });
            feed.onEvent(event -> {
                if (event instanceof FeedEvent.StateChanged || event instanceof FeedEvent.Error) {
                    LOG.info("{}", event);
                }
            });
            feeds.put(exchange, feed);
            feed.start();
        }
    }

    /** The emulator process's {@code STATS} reply, its published numbers copied to the streams. */
    private String[] stats() {
        try {
            String[] stats = emulators.call("stats");
            readPublished(stats);
            return stats;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the per-stream numbers of a {@code STATS} reply (after its first word) to the streams. */
    private void readPublished(String[] stats) {
        for (int i = 0; i < streams.size(); i++) {
            streams.get(i).published(Long.parseLong(stats[1 + i]));
        }
    }

    private void awaitAllStreaming() {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (feeds.values().stream().anyMatch(f -> f.state() != FeedState.STREAMING)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("feeds not streaming after a minute: " + states());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private Map<String, FeedState> states() {
        Map<String, FeedState> states = new LinkedHashMap<>();
        feeds.forEach((exchange, feed) -> states.put(exchange, feed.state()));
        return states;
    }

    private void injectFaults() {
        long start = System.nanoTime();
        for (FaultPlan.Fault fault : FaultPlan.of(settings, List.copyOf(INSTRUMENTS.keySet()))) {
            parkUntil(start + fault.at().toNanos());
            if (stopping) {
                return;
            }
            switch (fault.kind()) {
                case DROP -> hit(fault, "drop");
                case HUNG -> hit(fault, "hung");
                case SLOW_START -> {
                    slow = true;
                    happened.add("slow listeners on");
                }
                case SLOW_END -> {
                    slow = false;
                    happened.add("slow listeners off");
                }
            }
        }
    }

    /** Injects a fault into one exchange and waits until its feed streams again on a new connection. */
    private void hit(FaultPlan.Fault fault, String command) {
        PriceFeed feed = feeds.get(fault.exchange());
        long reconnectsBefore = feed.metrics().reconnects();
        List<Stream> hit = streams.stream().filter(s -> s.exchange.equals(fault.exchange())).toList();
        outages.started(fault.exchange());
        long injected = System.nanoTime();
        long[] publishedAtFault = new long[hit.size()];
        try {
            // counted after the injection: numbers published from here on cannot travel on the faulted connection
            String[] reply = emulators.call(command + " " + fault.exchange());
            for (int i = 0; i < hit.size(); i++) {
                publishedAtFault[i] = Long.parseLong(reply[1 + i]);
            }
        } catch (IOException e) {
            unrecovered.add(fault.kind() + " " + fault.exchange() + " not injected: " + e.getMessage());
            outages.recovered(fault.exchange());
            return;
        }
        long deadline = injected + RECOVERY_LIMIT.toNanos();
        // recovered: a new connection streams, proven by a number published after the fault arriving on every stream
        while (!stopping && !(feed.metrics().reconnects() > reconnectsBefore && feed.state() == FeedState.STREAMING
                && receivedAfter(hit, publishedAtFault))) {
            if (System.nanoTime() > deadline) {
                unrecovered.add(fault.kind() + " " + fault.exchange() + " at " + fault.at().toSeconds() + " s");
                break;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - injected);
        outages.recovered(fault.exchange());
        if (!stopping) {
            recoveries.add(took);
        }
        happened.add((fault.kind() == FaultPlan.Kind.DROP ? "drop " : "hung ") + fault.exchange() + " ("
                + (took.toMillis() < 1000 ? took.toMillis() + " ms" : took.toMillis() / 100 / 10.0 + " s") + ")");
    }

    private static boolean receivedAfter(List<Stream> hit, long[] publishedAtFault) {
        for (int i = 0; i < hit.size(); i++) {
            if (hit.get(i).highest() <= publishedAtFault[i]) {
                return false;
            }
        }
        return true;
    }

    /** Published, received, lost and excused numbers over all streams, the published ones from {@code stats}. */
    private long[] totals(String[] stats) {
        readPublished(stats);
        return new long[] {totalsOf(Stream::published), totalsOf(Stream::receivedCount), totalsOf(Stream::lost),
                totalsOf(Stream::excused)};
    }

    private long totalsOf(java.util.function.ToLongFunction<Stream> counter) {
        return streams.stream().mapToLong(counter).sum();
    }

    private long reconnects() {
        return feeds.values().stream().mapToLong(f -> f.metrics().reconnects()).sum();
    }

    private int liveSubscriptions(String[] stats) {
        return Integer.parseInt(stats[1 + streams.size()]);
    }

    private int connections(String[] stats) {
        return Integer.parseInt(stats[2 + streams.size()]);
    }

    /** Threads after every feed closed, given a few seconds to end (pools end their idle threads). */
    private static int awaitThreadsBack(int before) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        int now = ProcessProbe.threads();
        while (now > before && System.nanoTime() < deadline) {
            System.gc(); // the JDK HttpClient's selector thread ends only once its client is collected
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            now = ProcessProbe.threads();
        }
        if (now > before) {
            LOG.warn("threads still alive after close: {}", ProcessProbe.threadNames());
        }
        LOG.info("descriptors after close: {}", ProcessProbe.nonFileDescriptorTargets());
        return now;
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void join(Thread thread) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void parkUntil(long dueNanos) {
        for (long left = dueNanos - System.nanoTime(); left > 0; left = dueNanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
