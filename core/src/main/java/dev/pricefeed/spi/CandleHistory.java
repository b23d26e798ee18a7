package dev.pricefeed.spi;

import dev.pricefeed.Candle;
import dev.pricefeed.Instrument;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Historical OHLCV candles over an exchange's REST API (capability {@link Capability#HISTORY}); a connector offers it
 * through {@link ExchangeConnector#history()}.
 */
public interface CandleHistory {

    /** The intervals the exchange serves, shortest first. */
    List<Duration> intervals();

    /**
     * Fetches the candles whose open time lies in {@code [from, to)}, oldest first, without duplicates, paging and
     * pacing the requests by the exchange's limits. The newest candle may be unfinished ({@link Candle#closed()} is
     * then {@code false}).
     *
     * @throws IllegalArgumentException when the interval is not served; the message lists the served ones
     * @throws RateLimitedException when the exchange says to slow down and the wait it asks for is too long
     * @throws IOException when a request fails
     */
    List<Candle> candles(Instrument instrument, Duration interval, Instant from, Instant to)
            throws IOException, InterruptedException;
}
