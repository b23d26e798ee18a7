package dev.pricefeed.exchange.kraken;

import static java.util.Objects.requireNonNull;

import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import dev.pricefeed.spi.FallbackPoller;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Polls Kraken's REST {@code /0/public/Ticker} for every instrument in one call and maps the result keys (such as
 * {@code XXBTZUSD}) back to the instruments asked for. Kraken allows about one public call per second.
 */
final class KrakenRestPoller implements FallbackPoller {

    /** Kraken's guidance for public REST: about one call per second per IP. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private final HttpClient http;
    private final URI tickerUri;
    private final KrakenSymbols symbols;
    private final Clock clock;

    KrakenRestPoller(HttpClient http, URI restBase, KrakenSymbols symbols, Clock clock) {
        this.http = requireNonNull(http, "http is null");
        this.tickerUri = KrakenEndpoints.resolve(requireNonNull(restBase, "restBase is null"), "/0/public/Ticker");
        this.symbols = requireNonNull(symbols, "symbols is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public List<Tick> poll(List<Instrument> instruments) throws IOException, InterruptedException {
        if (instruments.isEmpty()) {
            return List.of();
        }
        String pairs = instruments.stream().map(symbols::restPair).distinct().collect(Collectors.joining(","));
        String body = RestCalls.get(http, URI.create(tickerUri + "?pair=" + pairs));
        Instant receivedAt = clock.instant();
        List<Tick> ticks = new ArrayList<>(instruments.size());
        KrakenRestResponse.read(body, "Ticker", parser -> readResult(parser, instruments, receivedAt, ticks));
        return ticks;
    }

    @Override
    public Duration minInterval(int instruments) {
        return MIN_INTERVAL;
    }

    private void readResult(JsonParser parser, List<Instrument> instruments, Instant receivedAt, List<Tick> ticks) {
        while (parser.next() != Event.END_OBJECT) {
            String key = parser.getString();
            Event value = parser.next();
            Instrument instrument = symbols.fromRestKey(key, instruments);
            if (value != Event.START_OBJECT || instrument == null) {
                JsonFrames.skip(parser, value);
                continue;
            }
            ticks.add(readTicker(parser, instrument, receivedAt));
        }
    }

    /**
     * Arrays are {@code a}/{@code b} = [price, whole lot volume, lot volume], {@code c} = [price, lot volume], and
     * {@code v}, {@code p}, {@code l}, {@code h} = [today, last 24 h]. {@code o} is today's open (since 00:00 UTC),
     * not the 24 h open, so it is not reported as one.
     */
    private static Tick readTicker(JsonParser parser, Instrument instrument, Instant receivedAt) {
        Tick.Builder tick = Tick.builder(KrakenProvider.ID, instrument).receivedAt(receivedAt);
        BigDecimal[] values = new BigDecimal[3];
        while (parser.next() != Event.END_OBJECT) {
            String name = parser.getString();
            Event value = parser.next();
            if (value != Event.START_ARRAY) {
                JsonFrames.skip(parser, value);
                continue;
            }
            KrakenV1Parser.readArray(parser, values);
            switch (name) {
                case "a" -> tick.ask(values[0]).askSize(values[2]);
                case "b" -> tick.bid(values[0]).bidSize(values[2]);
                case "c" -> tick.last(values[0]).lastSize(values[1]);
                case "v" -> tick.volume(values[1]);
                case "p" -> tick.vwap(values[1]);
                case "l" -> tick.low(values[1]);
                case "h" -> tick.high(values[1]);
                default -> {
                    // t holds trade counts, no prices.
                }
            }
        }
        return tick.build();
    }
}
