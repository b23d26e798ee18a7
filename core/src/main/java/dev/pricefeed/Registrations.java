package dev.pricefeed;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** Combines registrations: one handle for a listener registered on several feeds. */
final class Registrations {

    private Registrations() {
    }

    /** One registration that closes all of {@code parts} once. */
    static Registration all(List<Registration> parts) {
        List<Registration> copy = List.copyOf(parts);
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                copy.forEach(Registration::close);
            }
        };
    }
}
