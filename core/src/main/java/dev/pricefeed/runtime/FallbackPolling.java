package dev.pricefeed.runtime;

import dev.pricefeed.FeedState;
import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import dev.pricefeed.spi.FallbackPoller;
import dev.pricefeed.spi.RateLimitedException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * REST fallback: when the WebSocket gives up, every connection is closed, the exchange is polled over REST (paced by
 * its limits and any {@code Retry-After}), and the WebSocket is probed now and then; once every live slot streams
 * again, polling stops. State lives on the control thread; polls run on the I/O pool.
 */
final class FallbackPolling {

    private static final Logger LOG = LoggerFactory.getLogger(FallbackPolling.class);

    private final SlotHost host;
    private final List<Slot> slots;
    private final BiConsumer<FeedState, String> setState;
    private volatile boolean active;
    private ScheduledFuture<?> pollTask;
    private ScheduledFuture<?> probeTask;

    /**
     * @param host the feed
     * @param slots the feed's slots (the list is read, never changed, here)
     * @param setState sets the feed's state with a reason
     */
    FallbackPolling(SlotHost host, List<Slot> slots, BiConsumer<FeedState, String> setState) {
        this.host = host;
        this.slots = slots;
        this.setState = setState;
    }

    /** Whether the feed polls REST now. */
    boolean active() {
        return active;
    }

    /** Gives up on the WebSocket: closes every connection and polls REST; probes the WebSocket now and then. */
    void enter(String reason) {
        if (active || host.isClosed()) {
            return;
        }
        active = true;
        for (Slot slot : slots) {
            slot.shutdown("falling back to REST polling");
        }
        setState.accept(FeedState.POLLING, reason);
        schedulePoll(Duration.ZERO);
        if (host.config().websocketEnabled() && !slots.isEmpty()) {
            probeTask = host.control().every(host.config().probeInterval(), this::probe);
        }
    }

    /** Stops polling when every slot that is not dead streams again (control thread); returns whether it did. */
    boolean leaveIfBack() {
        boolean back = slots.stream().anyMatch(s -> !s.dead())
                && slots.stream().allMatch(s -> s.dead() || s.status() == FeedState.STREAMING);
        if (back) {
            active = false;
            stop();
            slots.forEach(Slot::resetAttempts);
            setState.accept(FeedState.STREAMING, "WebSocket is back; REST polling stopped");
        }
        return back;
    }

    /** Cancels the poll and probe timers. */
    void stop() {
        ControlThread.cancel(pollTask);
        ControlThread.cancel(probeTask);
    }

    private void probe() {
        if (!active || host.isClosed()) {
            return;
        }
        for (Slot slot : slots) {
            if (!slot.busy()) {
                LOG.info("{}: probing the WebSocket for connection {}", host.exchange(), slot.index());
                slot.connect(false);
            }
        }
    }

    private void schedulePoll(Duration delay) {
        if (!active || host.isClosed()) {
            return;
        }
        pollTask = host.control().after(delay, () -> host.io().execute(this::pollOnce));
    }

    private void pollOnce() {
        if (!active || host.isClosed()) {
            return;
        }
        FallbackPoller poller = host.connector().poller();
        List<Instrument> instruments = host.config().instruments();
        Duration next = Durations.max(host.config().pollInterval(), poller.minInterval(instruments.size()));
        try {
            List<Tick> ticks = poller.poll(instruments);
            host.counters().poll();
            long now = System.nanoTime();
            for (Tick tick : ticks) {
                host.data().tick(tick, now);
            }
        } catch (RateLimitedException e) {
            next = Durations.max(next, e.retryAfter());
            host.data().error("rate-limited", "REST poll rate-limited, waiting " + e.retryAfter().toMillis()
                    + " ms: " + ErrorText.describe(e));
        } catch (IOException | RuntimeException e) {
            // plain words for the common failures (an untrusted certificate above all), naming the configured host
            host.data().error("rest", "REST poll failed: " + ErrorText.plain(e, host.config().endpoints().get("rest")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Duration delay = next;
        host.control().run(() -> schedulePoll(delay));
    }
}
