package dev.pricefeed.spi;

import dev.pricefeed.AccountEvent;
import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import java.time.Instant;
import java.util.List;

/** Where a {@link MessageParser} reports what it read; every frame already counts as proof the socket is alive. */
public interface ParseSink {

    /** The time the frame being parsed was received; use it as {@code receivedAt}. */
    Instant receivedAt();

    /** A full or partial tick; the cache merges partial ticks field by field. */
    void tick(Tick tick);

    /**
     * A tick from a slower statistics message (a 24 h ticker, a market snapshot). Its statistics are taken as they are;
     * its last price, bid and ask only fill what is missing or older by exchange time, so they never overwrite a newer
     * real-time quote. A sink that keeps no merged view may treat it as a {@link #tick}.
     */
    default void statistics(Tick tick) {
        tick(tick);
    }

    /** A public trade. */
    void trade(Trade trade);

    /** An event from a private channel. */
    void account(AccountEvent event);

    /**
     * Checks a sequence number of a stream (for example {@code ticker:BTC/USD}) and reports gaps; returns
     * {@code false} when the number is not newer than the last one seen, so the parser should drop the message.
     */
    boolean sequence(String stream, Instrument instrument, long sequence);

    /**
     * Like {@link #sequence}, for a stream whose numbering belongs to this connection and starts again on every new
     * one (Coinbase Advanced Trade's {@code sequence_num}, Kraken's account channels): the runtime checks it per
     * connection, starts afresh on a reconnect and forgets it when the connection ends, so stream names need not (and
     * should not) name the connection. A sink that reads one connection only may treat it as {@link #sequence}.
     */
    default boolean connectionSequence(String stream, Instrument instrument, long sequence) {
        return sequence(stream, instrument, sequence);
    }

    /** A heartbeat or status frame with no data. */
    void heartbeat();

    /** An answer to an application ping. */
    void pong();

    /** The server's welcome: subscriptions may be sent now (see {@link ConnectionSession#awaitsWelcome()}). */
    void welcome();

    /** The exchange confirmed a subscription. */
    void subscribed(Channel channel, Instrument instrument);

    /** The exchange refused a subscription with its own reason; it is not retried. {@code instrument} may be null. */
    void subscribeFailed(Channel channel, Instrument instrument, String reason);

    /**
     * The exchange refused a whole subscribe message for one of its subscriptions (Binance, KuCoin and Coinbase refuse
     * the message, not the one entry): the runtime sends each of these again in a message of its own on the same
     * connection, so the others stream and the refused one is answered, and reported, on its own. The default does
     * nothing (a sink that sends nothing cannot resend).
     */
    default void resubscribeSeparately(List<Subscription> subscriptions) {
    }

    /** An error frame not tied to one subscription, with the exchange's code (or null) and text. */
    void exchangeError(String code, String message);

    /** The server announced it will close this connection (for example a shutdown notice): hand over now. */
    void reconnectRequested(String reason);

    /** A well-formed frame of a type this parser does not handle; it is counted and skipped. */
    void unknown(String type);
}
