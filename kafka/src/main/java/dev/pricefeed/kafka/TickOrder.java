package dev.pricefeed.kafka;

import dev.pricefeed.Tick;
import java.time.Instant;

/**
 * Decides whether a tick read from Kafka is news for a consumer that already holds one for the same key. Two
 * publishers of one shard (a failover pair) publish the same exchange updates, which differ only in their receive
 * time, and their records interleave. The exchange's own order decides: a tick with an older {@code exchangeTime} or
 * a lower {@code sequence} than the one held is stale. A tick that carries a time or a sequence and equals, receive
 * time aside, one of the newest seen is a copy (times are often milliseconds, so two updates can share one). Where the
 * exchange sends neither, only a copy of the tick held is dropped and the later arrival wins.
 */
final class TickOrder {

    private TickOrder() {
    }

    /** Whether {@code candidate} is not older than {@code held} (which may be {@code null}) and not a copy of it. */
    static boolean isNews(Tick candidate, Tick held) {
        if (held == null) {
            return true;
        }
        int bySequence = compare(candidate.sequence(), held.sequence());
        int byTime = compare(candidate.exchangeTime(), held.exchangeTime());
        if (bySequence < 0 || byTime < 0) {
            return false;
        }
        if (bySequence > 0 || byTime > 0) {
            return true;
        }
        return !identity(candidate).equals(identity(held));
    }

    /** Whether the exchange stamped the tick, so that equal content means the same update. */
    static boolean stamped(Tick tick) {
        return tick.sequence() != null || tick.exchangeTime() != null;
    }

    /** The tick without its receive time: what two publishers of one update agree on. */
    static Tick identity(Tick t) {
        return new Tick(t.exchange(), t.instrument(), t.last(), t.lastSize(), t.bid(), t.bidSize(), t.ask(),
                t.askSize(), t.open(), t.high(), t.low(), t.volume(), t.quoteVolume(), t.vwap(), t.exchangeTime(),
                Instant.EPOCH, t.sequence());
    }

    private static <T extends Comparable<T>> int compare(T candidate, T held) {
        return candidate == null || held == null ? 0 : candidate.compareTo(held);
    }
}
