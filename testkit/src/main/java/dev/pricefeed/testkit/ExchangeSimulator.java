package dev.pricefeed.testkit;

import dev.pricefeed.Instrument;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.Side;
import java.util.List;

/**
 * An exchange's emulator mode: an {@link EmulatorServer} that speaks one exchange's protocol, driven by the
 * {@link ConnectorContractTest} and by the exchange module's own tests.
 */
public interface ExchangeSimulator extends AutoCloseable {

    /** The exchange id the simulated plugin registers, such as {@code kraken}. */
    String exchangeId();

    /** The server underneath, for fault injection. */
    EmulatorServer server();

    /** Sets the endpoint overrides so a feed built from this builder talks to this emulator; returns the builder. */
    PriceFeed.Builder pointAt(PriceFeed.Builder builder);

    /** The instruments the emulator lists, such as {@code BTC/USD}. */
    List<String> instruments();

    /** Sends exchange-native ticker frame(s) to every connection subscribed to that instrument's ticker. */
    void publishTicker(Instrument instrument, String last, String bid, String ask);

    /** Sends an exchange-native trade frame to every connection subscribed to that instrument's trades. */
    void publishTrade(Instrument instrument, String price, String size, Side side, String tradeId);

    /** Sets what the REST fallback endpoint answers for the instrument. */
    void setRestTicker(Instrument instrument, String last, String bid, String ask);

    /** How many times a client subscribed the instrument's ticker since start (resubscriptions count). */
    int tickerSubscriptions(Instrument instrument);

    /**
     * Subscriptions in place on open connections right now, over every channel (a leak shows as a count that grows
     * while the client's needs do not), or -1 when the simulator does not count them.
     */
    default int liveSubscriptions() {
        return -1;
    }

    /** Stops the server. */
    @Override
    void close();
}
