package dev.pricefeed.runtime;

import java.time.Duration;

/** Small arithmetic on durations the runtime needs in several places. */
final class Durations {

    private Durations() {
    }

    /** The longer of two durations. */
    static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The value kept within {@code [min, max]}. */
    static Duration clamp(Duration value, Duration min, Duration max) {
        return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
    }

    /** The shortest of three durations. */
    static Duration shortest(Duration a, Duration b, Duration c) {
        Duration m = a.compareTo(b) <= 0 ? a : b;
        return m.compareTo(c) <= 0 ? m : c;
    }
}
