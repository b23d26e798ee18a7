package dev.pricefeed.benchmarks.loopback;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Records ticks as the client's listener receives them: each carries its frame number and the emulator's send time
 * (see {@link TickerFrames}). One listener thread writes; the harness thread reads a phase once it is over.
 */
public final class Arrivals {

    /** Frames numbered [first, first + count) of one measured phase. */
    public static final class Phase {
        final long first;
        final long count;
        final Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        long received;
        long duplicates;
        long outOfOrder;
        long lastNumber;
        volatile long firstArrival;
        volatile long lastArrival;

        Phase(long first, long count) {
            this.first = first;
            this.count = count;
            this.lastNumber = first - 1;
        }

        /** Frames of this phase that never arrived (or not yet). */
        public long lost() {
            return count - received;
        }

        public Histogram latency() {
            return latency;
        }

        public long received() {
            return received;
        }

        public long duplicates() {
            return duplicates;
        }

        public long outOfOrder() {
            return outOfOrder;
        }

        /** Nanoseconds between the first and the last arrival. */
        public long spanNanos() {
            return lastArrival - firstArrival;
        }
    }

    private volatile Phase phase = new Phase(1, 0);
    private volatile long totalReceived;
    private volatile long newestNumber;
    private volatile long newestSent;
    private volatile long newestArrival;
    private volatile long watchSentAfter = Long.MAX_VALUE;
    private volatile long watchArrival;

    /** Called by the client's listener for every tick. */
    public void arrived(long number, long sentNanos) {
        long now = System.nanoTime();
        Phase p = phase;
        if (number >= p.first && number < p.first + p.count) {
            if (p.received == 0) {
                p.firstArrival = now;
            }
            if (number <= p.lastNumber) {
                if (number == p.lastNumber) {
                    p.duplicates++;
                } else {
                    p.outOfOrder++;
                }
            }
            p.lastNumber = Math.max(p.lastNumber, number);
            p.received++;
            if (sentNanos > 0) {
                p.latency.recordValue(Math.max(0, now - sentNanos));
            }
            p.lastArrival = now;
        }
        if (sentNanos > watchSentAfter && watchArrival == 0) {
            watchArrival = now;
        }
        newestNumber = number;
        newestSent = sentNanos;
        newestArrival = now;
        totalReceived = totalReceived + 1;
    }

    /** Starts recording frames numbered [first, first + count). */
    public Phase begin(long first, long count) {
        Phase p = new Phase(first, count);
        phase = p;
        return p;
    }

    /** Waits until every frame of the phase arrived, or until nothing arrived for {@code quietMillis}. */
    public boolean await(Phase p, long quietMillis, long maxMillis) throws InterruptedException {
        long start = System.nanoTime();
        long lastCount = -1;
        long lastChange = start;
        while (true) {
            long seen = totalReceived;
            if (p.received >= p.count) {
                return true;
            }
            long now = System.nanoTime();
            if (seen != lastCount) {
                lastCount = seen;
                lastChange = now;
            } else if (now - lastChange > TimeUnit.MILLISECONDS.toNanos(quietMillis)) {
                return false;
            }
            if (now - start > TimeUnit.MILLISECONDS.toNanos(maxMillis)) {
                return false;
            }
            Thread.sleep(5);
        }
    }

    /** From now on remembers when the first tick sent after {@code nanos} arrives (see {@link #watchedArrival}). */
    public void watchSentAfter(long nanos) {
        watchArrival = 0;
        watchSentAfter = nanos;
    }

    /** When the first tick sent after the watched time arrived, or 0 while none has. */
    public long watchedArrival() {
        return watchArrival;
    }

    public long totalReceived() {
        return totalReceived;
    }

    /** The send time of the newest tick received. */
    public long newestSent() {
        return newestSent;
    }

    /** When the newest tick arrived. */
    public long newestArrival() {
        return newestArrival;
    }

    public long newestNumber() {
        return newestNumber;
    }
}
