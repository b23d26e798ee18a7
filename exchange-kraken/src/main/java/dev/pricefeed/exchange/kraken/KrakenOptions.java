package dev.pricefeed.exchange.kraken;

import static java.util.Objects.requireNonNull;

import dev.pricefeed.spi.ExchangeContext;
import java.util.Locale;

/**
 * Kraken's options from configuration ({@code kraken.<key>}).
 *
 * @param eventTrigger {@code trades} (a ticker on every trade, Kraken's default) or {@code bbo} (on every change of
 *     the best bid or offer), from {@code kraken.event-trigger}
 */
public record KrakenOptions(String eventTrigger) {

    /** The option key of the ticker's event trigger. */
    public static final String EVENT_TRIGGER = "event-trigger";

    public KrakenOptions {
        requireNonNull(eventTrigger, "eventTrigger is null");
        if (!eventTrigger.equals("trades") && !eventTrigger.equals("bbo")) {
            throw new IllegalArgumentException("kraken." + EVENT_TRIGGER + " must be 'trades' or 'bbo', got '"
                    + eventTrigger + "'");
        }
    }

    /** The options of a feed, with defaults for those not set. */
    public static KrakenOptions of(ExchangeContext context) {
        return new KrakenOptions(context.option(EVENT_TRIGGER)
                .map(v -> v.trim().toLowerCase(Locale.ROOT)).orElse("trades"));
    }
}
