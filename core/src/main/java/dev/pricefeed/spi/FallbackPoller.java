package dev.pricefeed.spi;

import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Polls an exchange's REST API for prices while the WebSocket is down or disabled. */
public interface FallbackPoller {

    /**
     * Polls once for the instruments and returns a tick for each one the exchange answered for.
     *
     * @throws RateLimitedException when the exchange says to slow down (the runtime waits as told)
     * @throws IOException when the request fails (the runtime reports it and polls again later)
     */
    List<Tick> poll(List<Instrument> instruments) throws IOException, InterruptedException;

    /** The shortest time between two polls of that many instruments within the exchange's public limits. */
    Duration minInterval(int instruments);
}
