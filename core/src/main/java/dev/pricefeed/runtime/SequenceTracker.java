package dev.pricefeed.runtime;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The last sequence number per stream; tells duplicates and gaps apart. The one gap logic of the project: the runtime,
 * the offline replay and the test kit's recording sink all use it. Thread-safe.
 */
public final class SequenceTracker {

    /** What a new number means. */
    public enum Verdict { NEXT, GAP, STALE }

    /** The outcome of {@link #check}: the verdict and, for a gap, the last number seen before it. */
    public record Result(Verdict verdict, long previous) {
    }

    private final ConcurrentHashMap<String, Long> last = new ConcurrentHashMap<>();

    /** Records {@code sequence} on {@code stream} and says whether it is the next one, after a gap, or stale. */
    public Result check(String stream, long sequence) {
        long[] previous = {Long.MIN_VALUE};
        last.compute(stream, (k, old) -> {
            if (old == null) {
                return sequence;
            }
            previous[0] = old;
            return sequence > old ? sequence : old;
        });
        long before = previous[0];
        if (before == Long.MIN_VALUE) {
            return new Result(Verdict.NEXT, before);
        }
        if (sequence <= before) {
            return new Result(Verdict.STALE, before);
        }
        return new Result(sequence == before + 1 ? Verdict.NEXT : Verdict.GAP, before);
    }
}
