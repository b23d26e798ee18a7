package dev.pricefeed.benchmarks.soak;

import dev.pricefeed.Instrument;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One numbered stream (an exchange's instrument): the emulator process publishes 1, 2, 3 ... as the last price's whole
 * part, a {@code Delivery.queue()} listener checks that each arrives once and in order. Numbers missing outside an
 * outage are lost; inside one they are excused; numbers seen again (snapshots after a resubscribe, REST) are repeats.
 */
final class Stream {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Stream.class);

    final String exchange;
    final Instrument instrument;
    private final Outages outages;
    /** Numbers published so far, as the emulator process last reported them. */
    private volatile long published;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong excused = new AtomicLong();
    private final AtomicLong repeats = new AtomicLong();
    /**
     * The number expected next, 0 until the first arrives (numbers published before the first subscription took
     * effect were never sent); only the feed's dispatcher thread touches it.
     */
    private long expected;
    /** The highest number received, for other threads. */
    private volatile long highest;

    Stream(String exchange, Instrument instrument, Outages outages) {
        this.exchange = exchange;
        this.instrument = instrument;
        this.outages = outages;
    }

    /** The emulator process reports the numbers published so far. */
    void published(long numbers) {
        published = numbers;
    }

    /** The listener saw a tick whose last price carries {@code last}. */
    void received(BigDecimal last) {
        long n = last.longValue();
        received.incrementAndGet();
        if (expected == 0) {
            expected = n + 1;
            highest = n;
            return;
        }
        if (n < expected) {
            repeats.incrementAndGet();
            return;
        }
        if (n > expected) {
            long missing = n - expected;
            if (outages.excuses(exchange)) {
                excused.addAndGet(missing);
            } else {
                lost.addAndGet(missing);
                LOG.warn("{} {}: {} numbers lost outside an outage ({}..{})", exchange, instrument, missing, expected,
                        n - 1);
            }
        }
        expected = n + 1;
        highest = n;
    }

    /** The highest number received so far. */
    long highest() {
        return highest;
    }

    long published() {
        return published;
    }

    long receivedCount() {
        return received.get();
    }

    long lost() {
        return lost.get();
    }

    long excused() {
        return excused.get();
    }

    long repeats() {
        return repeats.get();
    }
}
