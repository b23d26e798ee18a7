package dev.pricefeed.benchmarks.loopback;

import java.net.URI;

/** A market-data library under test, subscribed to the BTC/USDT ticker of the emulator. */
public interface Client extends AutoCloseable {

    /** The library's name in the results. */
    String name();

    /**
     * Connects to the emulator ({@code ws://127.0.0.1:port/}, REST {@code http://127.0.0.1:port/}), subscribes the
     * ticker the frames are for (BTC/USDT on Binance, BTC/USD on Coinbase) and reports every ticker it delivers to the
     * application to {@code arrivals}.
     */
    void start(URI websocket, URI rest, Arrivals arrivals) throws Exception;

    /** How the library is set up for the run, in a few words. */
    default String settings() {
        return "as its README shows";
    }

    /** Frames the library says it dropped on purpose (queue overflow), or 0 where it does not count them. */
    default long dropped() {
        return 0;
    }

    @Override
    void close();

    /** Makes the client named on the command line for an exchange ({@code binance} or {@code coinbase}). */
    static Client named(String name, String exchange, RecoveryTuning tuning) {
        if (!exchange.equals("binance") && !exchange.equals("coinbase")) {
            throw new IllegalArgumentException("no harness for " + exchange + " (binance or coinbase)");
        }
        return switch (name) {
            case "pricefeed" -> new PricefeedClient(exchange, tuning, false);
            case "pricefeed-fast" -> new PricefeedClient(exchange, tuning, true);
            case "xchange" -> new XChangeClient(exchange);
            case "reference" -> new TransportFloorClient(exchange, true);
            case "jdk-floor" -> new TransportFloorClient(exchange, false);
            default -> throw new IllegalArgumentException(
                    "unknown client " + name + " (pricefeed, pricefeed-fast, xchange, reference or jdk-floor)");
        };
    }

    /** pricefeed's reconnect settings for a run; {@code null} fields keep the defaults. */
    record RecoveryTuning(java.time.Duration healthyAfter, java.time.Duration reconnectDelay) {
        /** Every default. */
        public static final RecoveryTuning DEFAULTS = new RecoveryTuning(null, null);
    }
}
