package com.example.pricefeed.bitstamp;

import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import dev.pricefeed.spi.ExchangeContext;
import dev.pricefeed.spi.FallbackPoller;
import dev.pricefeed.spi.RateLimitedException;
import dev.pricefeed.spi.support.RestCalls;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls {@code GET /api/v2/ticker/<pair>/}, one request per instrument, while the WebSocket is down. */
final class BitstampPoller implements FallbackPoller {

    private static final Logger LOG = LoggerFactory.getLogger(BitstampPoller.class);

    private final ExchangeContext context;
    private final String rest;
    private final BitstampSymbols symbols;

    BitstampPoller(ExchangeContext context, String rest, BitstampSymbols symbols) {
        this.context = context;
        this.rest = rest;
        this.symbols = symbols;
    }

    @Override
    public List<Tick> poll(List<Instrument> instruments) throws IOException, InterruptedException {
        List<Tick> ticks = new ArrayList<>(instruments.size());
        IOException firstFailure = null;
        for (Instrument instrument : instruments) {
            URI uri = URI.create(rest + "/api/v2/ticker/" + symbols.toNative(instrument) + "/");
            try {
                String body = RestCalls.get(context.httpClient(), uri);
                ticks.add(BitstampRest.ticker(instrument, body, context.clock().instant()));
            } catch (RateLimitedException e) {
                throw e;
            } catch (IOException e) {
                // one pair's failure must not cost the others their prices
                LOG.warn("bitstamp: REST ticker of {} failed: {}", instrument, e.getMessage());
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        if (ticks.isEmpty() && firstFailure != null) {
            throw firstFailure;
        }
        return ticks;
    }

    @Override
    public Duration minInterval(int instruments) {
        // well inside Bitstamp's public limit of a few hundred requests a second
        return Duration.ofMillis(Math.max(500, 100L * instruments));
    }
}
