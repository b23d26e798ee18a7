package dev.pricefeed.runtime;

import dev.pricefeed.AccountEvent;
import dev.pricefeed.Delivery;
import dev.pricefeed.FeedEvent;
import dev.pricefeed.FrameListener;
import dev.pricefeed.Instrument;
import dev.pricefeed.Registration;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A feed's listeners: hands each tick, trade, event, account event and raw frame to the mailbox of every listener that
 * wants it (never blocking the caller), and removes a listener when its {@link Registration} closes.
 */
final class ListenerFanout {

    private final Dispatcher dispatcher;
    private final Metrics metrics;
    private final List<TickTarget> ticks = new CopyOnWriteArrayList<>();
    private final List<Dispatcher.Mailbox<Trade>> trades = new CopyOnWriteArrayList<>();
    private final List<Dispatcher.Mailbox<FeedEvent>> events = new CopyOnWriteArrayList<>();
    private final List<Dispatcher.Mailbox<AccountEvent>> accounts = new CopyOnWriteArrayList<>();
    private final List<Dispatcher.Mailbox<RawFrame>> frames = new CopyOnWriteArrayList<>();

    private record TickTarget(Instrument instrument, Dispatcher.Mailbox<Tick> mailbox) {
    }

    private record RawFrame(Instant receivedAt, String text) {
    }

    /**
     * @param dispatcher runs the listeners (the feed's own, or the one its service shares among its feeds)
     * @param metrics where conflated, dropped and failed deliveries are counted
     */
    ListenerFanout(Dispatcher dispatcher, Metrics metrics) {
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    /** Listens to the ticks of one instrument, or of every instrument when {@code instrument} is null. */
    Registration addTick(Instrument instrument, Consumer<Tick> listener, Delivery delivery) {
        TickTarget target = new TickTarget(instrument,
                dispatcher.register("tick", listener, delivery, Tick::instrument, metrics));
        ticks.add(target);
        return removing(() -> ticks.remove(target), target.mailbox());
    }

    Registration addTrade(Consumer<Trade> listener, Delivery delivery) {
        return add(trades, dispatcher.register("trade", listener, delivery, Trade::instrument, metrics));
    }

    Registration addEvent(Consumer<FeedEvent> listener) {
        return add(events, dispatcher.register("event", listener, Delivery.queue(), e -> e, metrics));
    }

    Registration addAccount(Consumer<AccountEvent> listener) {
        return add(accounts, dispatcher.register("account", listener, Delivery.queue(), e -> e, metrics));
    }

    Registration addFrame(FrameListener listener) {
        return add(frames, dispatcher.register("frame",
                (RawFrame f) -> listener.onFrame(f.receivedAt(), f.text()), Delivery.queue(), f -> f, metrics));
    }

    private static <T> Registration add(List<Dispatcher.Mailbox<T>> list, Dispatcher.Mailbox<T> mailbox) {
        list.add(mailbox);
        return removing(() -> list.remove(mailbox), mailbox);
    }

    /** A registration that unlinks the listener and discards what waits in its mailbox, once. */
    private static Registration removing(Runnable unlink, Dispatcher.Mailbox<?> mailbox) {
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                unlink.run();
                mailbox.cancel();
            }
        };
    }

    /** Hands a merged tick to the listeners of its instrument and of every instrument. */
    void tick(Tick merged) {
        for (TickTarget target : ticks) {
            if (target.instrument() == null || target.instrument().equals(merged.instrument())) {
                target.mailbox().offer(merged);
            }
        }
    }

    void trade(Trade trade) {
        for (Dispatcher.Mailbox<Trade> target : trades) {
            target.offer(trade);
        }
    }

    void event(FeedEvent event) {
        for (Dispatcher.Mailbox<FeedEvent> target : events) {
            target.offer(event);
        }
    }

    void account(AccountEvent event) {
        for (Dispatcher.Mailbox<AccountEvent> target : accounts) {
            target.offer(event);
        }
    }

    /** Hands a raw frame to the frame listeners; allocates nothing when there are none. */
    void frame(Instant receivedAt, CharSequence text) {
        if (!frames.isEmpty()) {
            RawFrame frame = new RawFrame(receivedAt, text.toString());
            for (Dispatcher.Mailbox<RawFrame> target : frames) {
                target.offer(frame);
            }
        }
    }
}
