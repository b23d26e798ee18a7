package dev.pricefeed;

import java.util.Objects;

/**
 * A plugin that could not be loaded or used, with where it came from and why.
 *
 * @param source the jar, plugin folder or class path entry concerned
 * @param reason one readable line, including the cause's class and message
 */
public record PluginFailure(String source, String reason) {

    /** Checks the values. */
    public PluginFailure {
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(reason, "reason is null");
    }

    @Override
    public String toString() {
        return source + ": " + reason;
    }
}
