package dev.pricefeed.spi;

import dev.pricefeed.Instrument;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One feed's link to an exchange: where to connect, what to send, how to read and how to poll. It never touches
 * sockets or threads; the core owns those. Methods other than {@link #connect} are cheap and side-effect free.
 */
public interface ExchangeConnector extends AutoCloseable {

    /** The limits the runtime must honour on every connection. */
    Limits limits();

    /** Names the kind of endpoint a subscription needs (for example {@code public} or {@code private}). */
    default String route(Subscription subscription) {
        return "public";
    }

    /** The subscription's cost against {@link Limits#maxWeightPerConnection()} (for example streams it opens). */
    default int weight(Subscription subscription) {
        return 1;
    }

    /**
     * Prepares one connection of a route, including any bootstrap such as a token request; called before every
     * connect (never on a socket thread) and may block on HTTP.
     *
     * @throws AuthenticationException when credentials are missing or refused (the route is not retried)
     * @throws IOException when the bootstrap fails (the runtime backs off and retries)
     */
    ConnectionSession connect(String route, List<Subscription> subscriptions) throws IOException, InterruptedException;

    /**
     * A fresh parser. The runtime asks for one per connection, passing the session {@link #connect} returned for it
     * (the parser may share that session's state, such as request ids awaiting an answer); a replay or a benchmark
     * passes {@link Optional#empty()} for frames read outside any connection. Either parser reads every data frame.
     */
    MessageParser newParser(Optional<ConnectionSession> connection);

    /** The REST poller used when the WebSocket is down or disabled. */
    FallbackPoller poller();

    /** Maps instruments to and from the exchange's native symbols. */
    SymbolMapper symbols();

    /**
     * Fetches the exchange's instrument list for validation; empty when the connector cannot list instruments.
     *
     * @throws IOException when the list cannot be fetched (validation is then skipped with a warning)
     */
    default Optional<Set<Instrument>> listInstruments() throws IOException, InterruptedException {
        return Optional.empty();
    }

    /** Historical candles over REST, where the connector offers them (capability {@link Capability#HISTORY}). */
    default Optional<CandleHistory> history() {
        return Optional.empty();
    }

    /** Releases what the connector holds; the default holds nothing. */
    @Override
    default void close() {
    }
}
