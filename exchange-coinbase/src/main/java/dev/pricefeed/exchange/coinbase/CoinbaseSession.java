package dev.pricefeed.exchange.coinbase;

import dev.pricefeed.Channel;
import dev.pricefeed.spi.ConnectionSession;
import dev.pricefeed.spi.KeepAlive;
import dev.pricefeed.spi.MessageParser;
import dev.pricefeed.spi.Subscription;
import dev.pricefeed.spi.SymbolMapper;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Coinbase connection: subscribes at once on open (Coinbase closes connections that have not subscribed within
 * five seconds), always with heartbeats for liveness, and records each subscribe message for the reply check.
 */
final class CoinbaseSession implements ConnectionSession {

    /** Coinbase's heartbeats arrive every second per product (Exchange {@code heartbeat}, Advanced Trade
     * {@code heartbeats}), so a silent socket is replaced after max(3 s, 5 s). */
    static final Duration HEARTBEAT = Duration.ofSeconds(1);

    private final CoinbaseFeed feed;
    private final URI uri;
    private final SymbolMapper symbols;
    private final SubscriptionLedger ledger;
    private final AtomicBoolean heartbeatsAsked = new AtomicBoolean();

    CoinbaseSession(CoinbaseFeed feed, URI uri, SymbolMapper symbols) {
        this.feed = Objects.requireNonNull(feed, "feed is null");
        this.uri = Objects.requireNonNull(uri, "uri is null");
        this.symbols = Objects.requireNonNull(symbols, "symbols is null");
        this.ledger = new SubscriptionLedger(feed, symbols);
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public KeepAlive keepAlive() {
        return KeepAlive.serverHeartbeatsEvery(HEARTBEAT);
    }

    @Override
    public List<String> subscribeMessages(List<Subscription> batch) {
        return feed == CoinbaseFeed.EXCHANGE ? exchangeSubscribe(batch) : advancedTradeSubscribes(batch);
    }

    /** A parser that checks the subscription replies against what this connection sent. */
    MessageParser newParser() {
        return new CoinbaseParser(symbols, ledger);
    }

    /** One message for the whole batch, with {@code heartbeat} for every product in it. */
    private List<String> exchangeSubscribe(List<Subscription> batch) {
        Map<Channel, List<String>> byChannel = productsByChannel(batch);
        Set<String> all = new LinkedHashSet<>();
        byChannel.values().forEach(all::addAll);
        boolean sameProducts = byChannel.values().stream().allMatch(products -> products.size() == all.size());
        StringBuilder json = new StringBuilder(64 + 16 * all.size()).append("{\"type\":\"subscribe\",\"product_ids\":");
        strings(json, all);
        json.append(",\"channels\":[");
        if (sameProducts) {
            // the short form: every channel named applies to the root product_ids
            for (Channel channel : byChannel.keySet()) {
                if (channel == Channel.TRADES) {
                    continue;
                }
                json.append('"').append(feed.channelName(channel)).append("\",");
            }
            json.append("\"heartbeat\"");
            if (byChannel.containsKey(Channel.TRADES)) {
                json.append(",\"").append(feed.channelName(Channel.TRADES)).append('"');
            }
        } else {
            json.append("\"heartbeat\"");
            byChannel.forEach((channel, products) -> {
                json.append(",{\"name\":\"").append(feed.channelName(channel)).append("\",\"product_ids\":");
                strings(json, products);
                json.append('}');
            });
        }
        json.append("]}");
        ledger.sent(batch);
        return List.of(json.toString());
    }

    /** One message per channel, as Advanced Trade requires, and {@code heartbeats} once per connection. */
    private List<String> advancedTradeSubscribes(List<Subscription> batch) {
        List<String> messages = new ArrayList<>(3);
        if (heartbeatsAsked.compareAndSet(false, true)) {
            messages.add("{\"type\":\"subscribe\",\"channel\":\"heartbeats\"}");
            ledger.sent(List.of());
        }
        productsByChannel(batch).forEach((channel, products) -> {
            StringBuilder json = new StringBuilder(64 + 16 * products.size())
                    .append("{\"type\":\"subscribe\",\"product_ids\":");
            strings(json, products);
            json.append(",\"channel\":\"").append(feed.channelName(channel)).append("\"}");
            messages.add(json.toString());
            ledger.sent(batch.stream().filter(sub -> sub.channel() == channel).toList());
        });
        return messages;
    }

    private Map<Channel, List<String>> productsByChannel(List<Subscription> batch) {
        Map<Channel, List<String>> byChannel = new EnumMap<>(Channel.class);
        for (Subscription sub : batch) {
            byChannel.computeIfAbsent(sub.channel(), c -> new ArrayList<>()).add(symbols.toNative(sub.instrument()));
        }
        return byChannel;
    }

    /** Product ids are {@code [A-Z0-9]+-[A-Z0-9]+} (see {@link dev.pricefeed.Instrument}), so no escaping is needed. */
    private static void strings(StringBuilder json, Iterable<String> values) {
        json.append('[');
        boolean first = true;
        for (String value : values) {
            if (!first) {
                json.append(',');
            }
            json.append('"').append(value).append('"');
            first = false;
        }
        json.append(']');
    }
}
