package dev.pricefeed.exchange.coinbase;

import dev.pricefeed.spi.ParseSink;
import dev.pricefeed.spi.Subscription;
import dev.pricefeed.spi.SymbolMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The subscribe messages one connection sent and not yet answered, so each {@code subscriptions} reply can be checked
 * against what was asked. Coinbase answers subscribe messages in order, each time listing every current subscription,
 * so a reply settles the oldest open message: what it lists is confirmed, what it lacks has failed.
 */
final class SubscriptionLedger {

    static final String MISSING = "not in Coinbase's subscriptions reply";

    private final CoinbaseFeed feed;
    private final SymbolMapper symbols;
    private final Deque<List<Subscription>> open = new ArrayDeque<>();

    SubscriptionLedger(CoinbaseFeed feed, SymbolMapper symbols) {
        this.feed = Objects.requireNonNull(feed, "feed is null");
        this.symbols = Objects.requireNonNull(symbols, "symbols is null");
    }

    /** Records one subscribe message (its subscriptions may be empty, as for Advanced Trade's heartbeats). */
    synchronized void sent(List<Subscription> subscriptions) {
        open.addLast(new ArrayList<>(subscriptions));
    }

    /**
     * Checks a {@code subscriptions} reply: every open subscription it lists is confirmed, and the oldest open
     * message's subscriptions it does not list have failed.
     *
     * @param current channel name to the product ids subscribed on it
     */
    synchronized void answer(Map<String, Set<String>> current, ParseSink sink) {
        for (List<Subscription> message : open) {
            for (Iterator<Subscription> it = message.iterator(); it.hasNext(); ) {
                Subscription sub = it.next();
                Set<String> products = current.get(feed.channelName(sub.channel()));
                if (products != null && products.contains(symbols.toNative(sub.instrument()))) {
                    sink.subscribed(sub.channel(), sub.instrument());
                    it.remove();
                }
            }
        }
        List<Subscription> oldest = open.pollFirst();
        if (oldest != null) {
            for (Subscription sub : oldest) {
                sink.subscribeFailed(sub.channel(), sub.instrument(), MISSING);
            }
        }
    }

    /**
     * Reports an error frame as failed subscriptions of the products it names, and returns whether it named one. The
     * error answers the oldest open message naming one: Coinbase refuses that message whole, so it is closed and its
     * other subscriptions are sent again, each on its own.
     */
    synchronized boolean refuse(String text, ParseSink sink) {
        for (Iterator<List<Subscription>> messages = open.iterator(); messages.hasNext(); ) {
            List<Subscription> message = messages.next();
            List<Subscription> named = message.stream()
                    .filter(sub -> names(text, symbols.toNative(sub.instrument()))).toList();
            if (named.isEmpty()) {
                continue;
            }
            messages.remove();
            named.forEach(sub -> sink.subscribeFailed(sub.channel(), sub.instrument(), text));
            List<Subscription> others = message.stream().filter(sub -> !named.contains(sub)).toList();
            if (!others.isEmpty()) {
                sink.resubscribeSeparately(others);
            }
            return true;
        }
        return false;
    }

    /** Whether {@code text} holds {@code productId} as a whole word ({@code BTC-USD} is not named by {@code BTC-USDT}). */
    static boolean names(String text, String productId) {
        int from = 0;
        while (true) {
            int at = text.indexOf(productId, from);
            if (at < 0) {
                return false;
            }
            int end = at + productId.length();
            if ((at == 0 || !partOfProduct(text.charAt(at - 1)))
                    && (end == text.length() || !partOfProduct(text.charAt(end)))) {
                return true;
            }
            from = at + 1;
        }
    }

    private static boolean partOfProduct(char c) {
        return Character.isLetterOrDigit(c) || c == '-';
    }
}
