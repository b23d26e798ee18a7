package dev.pricefeed.exchange.coinbase;

import dev.pricefeed.Instrument;
import dev.pricefeed.spi.support.JsonFrames;
import dev.pricefeed.spi.support.RestCalls;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Lists Coinbase's products from {@code GET /products} for validating instruments. */
final class ProductCatalog {

    private ProductCatalog() {
    }

    /** Fetches the products that are not delisted. */
    static Set<Instrument> fetch(HttpClient http, URI rest) throws IOException, InterruptedException {
        return parse(RestCalls.get(http, RestUris.resolve(rest, "products")));
    }

    /** Reads a {@code /products} answer; products whose currencies cannot form an instrument are left out. */
    static Set<Instrument> parse(String body) {
        Set<Instrument> instruments = new TreeSet<>();
        try (JsonParser json = JsonFrames.parser(body)) {
            if (json.next() != Event.START_ARRAY) {
                throw new IllegalArgumentException("Coinbase /products is a JSON array");
            }
            Event e;
            while ((e = json.next()) != Event.END_ARRAY) {
                if (e != Event.START_OBJECT) {
                    JsonFrames.skip(json, e);
                    continue;
                }
                Instrument instrument = product(json);
                if (instrument != null) {
                    instruments.add(instrument);
                }
            }
        }
        return instruments;
    }

    private static Instrument product(JsonParser json) {
        String base = null;
        String quote = null;
        String status = null;
        Event e;
        while ((e = json.next()) != Event.END_OBJECT) {
            String key = json.getString();
            Event value = json.next();
            switch (key) {
                case "base_currency": base = Wire.text(json, value); break;
                case "quote_currency": quote = Wire.text(json, value); break;
                case "status": status = Wire.text(json, value); break;
                default: JsonFrames.skip(json, value);
            }
        }
        if (base == null || quote == null || "delisted".equalsIgnoreCase(status)) {
            return null;
        }
        try {
            return new Instrument(base.toUpperCase(Locale.ROOT), quote.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notNameable) {
            // a currency code with characters an Instrument cannot hold: such a product cannot be asked for anyway
            return null;
        }
    }
}
