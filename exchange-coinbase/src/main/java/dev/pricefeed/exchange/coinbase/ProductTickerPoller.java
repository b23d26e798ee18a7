package dev.pricefeed.exchange.coinbase;

import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import dev.pricefeed.spi.FallbackPoller;
import dev.pricefeed.spi.RateLimitedException;
import dev.pricefeed.spi.SymbolMapper;
import dev.pricefeed.spi.support.JsonFrames;
import dev.pricefeed.spi.support.RestCalls;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls {@code GET /products/{id}/ticker}, one call per product (Coinbase has no multi-product ticker), within the
 * public limit of about 10 requests per second.
 */
final class ProductTickerPoller implements FallbackPoller {

    private static final Logger LOG = LoggerFactory.getLogger(ProductTickerPoller.class);

    /** Coinbase's public REST limit is 10 requests per second per IP (bursts up to 15). */
    static final Duration PER_REQUEST = Duration.ofMillis(100);

    /** Up to this many calls go out back to back; beyond it they are spaced so a round stays within the burst. */
    private static final int BURST = 10;

    private final HttpClient http;
    private final URI rest;
    private final SymbolMapper symbols;
    private final Clock clock;

    ProductTickerPoller(HttpClient http, URI rest, SymbolMapper symbols, Clock clock) {
        this.http = Objects.requireNonNull(http, "http is null");
        this.rest = Objects.requireNonNull(rest, "rest is null");
        this.symbols = Objects.requireNonNull(symbols, "symbols is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    @Override
    public List<Tick> poll(List<Instrument> instruments) throws IOException, InterruptedException {
        List<Tick> ticks = new ArrayList<>(instruments.size());
        IOException firstFailure = null;
        for (int i = 0; i < instruments.size(); i++) {
            if (i >= BURST) {
                Thread.sleep(PER_REQUEST.toMillis());
            }
            Instrument instrument = instruments.get(i);
            try {
                String body = RestCalls.get(http, RestUris.resolve(rest, "products/" + symbols.toNative(instrument) + "/ticker"));
                ticks.add(parse(instrument, body));
            } catch (RateLimitedException slowDown) {
                throw slowDown;
            } catch (IOException | RuntimeException failed) {
                // one product failing (delisted, a bad answer) must not cost the others their prices
                LOG.warn("Coinbase REST ticker for {} failed: {}", instrument, failed.toString());
                if (firstFailure == null) {
                    firstFailure = failed instanceof IOException io ? io
                            : new IOException("bad Coinbase ticker for " + instrument + ": " + failed, failed);
                }
            }
        }
        if (ticks.isEmpty() && firstFailure != null) {
            throw firstFailure;
        }
        return ticks;
    }

    @Override
    public Duration minInterval(int instruments) {
        return PER_REQUEST.multipliedBy(Math.max(1, instruments));
    }

    /** Reads one {@code /products/{id}/ticker} answer. */
    Tick parse(Instrument instrument, String body) {
        Tick.Builder tick = Tick.builder(CoinbaseParser.EXCHANGE, instrument).receivedAt(clock.instant());
        try (JsonParser json = JsonFrames.parser(body)) {
            if (json.next() != Event.START_OBJECT) {
                throw new IllegalArgumentException("a Coinbase product ticker is a JSON object");
            }
            Event e;
            while ((e = json.next()) != Event.END_OBJECT) {
                String key = json.getString();
                Event value = json.next();
                switch (key) {
                    case "price": tick.last(decimal(json, value)); break;
                    case "size": tick.lastSize(decimal(json, value)); break;
                    case "bid": tick.bid(decimal(json, value)); break;
                    case "ask": tick.ask(decimal(json, value)); break;
                    case "volume": tick.volume(decimal(json, value)); break;
                    case "time": tick.exchangeTime(Wire.instant(Wire.text(json, value))); break;
                    default: JsonFrames.skip(json, value);
                }
            }
        }
        return tick.build();
    }

    private static BigDecimal decimal(JsonParser json, Event value) {
        return JsonFrames.decimal(json, value);
    }
}
