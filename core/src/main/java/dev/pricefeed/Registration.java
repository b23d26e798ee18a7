package dev.pricefeed;

/**
 * A registered listener. {@link #close()} removes it: no call starts after {@code close()} returns (a call already
 * running finishes). Closing twice does nothing.
 *
 * <pre>{@code
 * try (Registration ticks = feed.onTick("BTC/USD", tick -> System.out.println(tick.last()))) {
 *     ...
 * }
 * }</pre>
 */
@FunctionalInterface
public interface Registration extends AutoCloseable {

    /** Removes the listener; idempotent and never throws. */
    @Override
    void close();
}
