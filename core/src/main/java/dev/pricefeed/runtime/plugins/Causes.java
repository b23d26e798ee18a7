package dev.pricefeed.runtime.plugins;

import java.util.IdentityHashMap;
import java.util.Map;

/** Turns an exception and its causes into one readable line. */
final class Causes {

    private static final int MAX_DEPTH = 4;

    private Causes() {
    }

    /** Each exception's class and message, outermost first, joined by {@code caused by}. */
    static String describe(Throwable error) {
        StringBuilder line = new StringBuilder();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable current = error;
        for (int depth = 0; current != null && depth < MAX_DEPTH && seen.put(current, Boolean.TRUE) == null; depth++) {
            if (depth > 0) {
                line.append("; caused by ");
            }
            line.append(current.getClass().getName());
            if (current.getMessage() != null) {
                line.append(": ").append(current.getMessage());
            }
            current = current.getCause();
        }
        return line.toString().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
