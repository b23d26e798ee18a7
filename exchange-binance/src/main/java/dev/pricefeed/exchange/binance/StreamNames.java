package dev.pricefeed.exchange.binance;

import dev.pricefeed.Channel;
import dev.pricefeed.spi.Subscription;
import java.util.List;

/** The Binance streams behind a subscription: a ticker is {@code @ticker} plus {@code @bookTicker}, trades {@code @trade}. */
final class StreamNames {

    private StreamNames() {
    }

    /** The stream names of one subscription, such as {@code btcusdt@ticker} and {@code btcusdt@bookTicker}. */
    static List<String> of(Subscription subscription, BinanceSymbols symbols) {
        String symbol = symbols.streamSymbol(subscription.instrument());
        if (subscription.channel() == Channel.TICKER) {
            return List.of(symbol + "@ticker", symbol + "@bookTicker");
        }
        if (subscription.channel() == Channel.TRADES) {
            return List.of(symbol + "@trade");
        }
        throw new IllegalArgumentException("Binance plugin has no public stream for " + subscription.channel());
    }

    /** How many streams a subscription opens, its weight against Binance's 1024 streams per connection. */
    static int count(Subscription subscription) {
        return subscription.channel() == Channel.TICKER ? 2 : 1;
    }
}
