package dev.pricefeed.runtime;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded queue for many producers and one consumer that neither locks nor allocates per element: the hand-off from
 * socket threads to a listener thread. {@link java.util.concurrent.ArrayBlockingQueue}, used before, takes one lock on
 * both sides, and at saturation the socket thread and the listener thread met on it often enough to park each other
 * (a futex call each way). Holds exactly {@code capacity} elements; {@link #offer} refuses the one after. Internal.
 *
 * <p>A producer claims a position by advancing {@code tail}, then publishes its element into the slot (a release
 * store); the consumer takes a slot only once it sees the element there, so an element claimed but not yet published
 * reads as "empty for now". The producer's later wake-up of the consumer (the dispatcher's {@code schedule}) makes the
 * consumer look again, so nothing is stranded.
 */
final class MpscRing<T> {

    private final int capacity;
    private final AtomicReferenceArray<T> slots;
    private final AtomicLong tail = new AtomicLong();
    /** The consumer's position, published (release) after the slot is cleared, read by producers that find it full. */
    private final AtomicLong head = new AtomicLong();
    /** Below this tail no producer needs to read {@code head}: a stale (lower) value only costs a re-read. */
    private volatile long producerLimit;

    MpscRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.slots = new AtomicReferenceArray<>(capacity);
        this.producerLimit = capacity;
    }

    /** Adds {@code value} (not null) at the end; false when the ring holds {@code capacity} elements. Any thread. */
    boolean offer(T value) {
        long limit = producerLimit;
        long claimed;
        do {
            claimed = tail.get();
            if (claimed >= limit) {
                limit = head.get() + capacity;
                if (claimed >= limit) {
                    return false;
                }
                producerLimit = limit;
            }
        } while (!tail.compareAndSet(claimed, claimed + 1));
        slots.lazySet(index(claimed), value);
        return true;
    }

    /** The first element, removed; null when there is none (yet). Only the one consumer thread calls this. */
    T poll() {
        long position = head.get();
        int index = index(position);
        T value = slots.get(index);
        if (value == null) {
            return null;
        }
        slots.lazySet(index, null);
        head.lazySet(position + 1);
        return value;
    }

    /** Whether the consumer would find nothing to poll now. Only the consumer thread calls this. */
    boolean isEmpty() {
        return slots.get(index(head.get())) == null;
    }

    private int index(long position) {
        return (int) (position % capacity);
    }
}
