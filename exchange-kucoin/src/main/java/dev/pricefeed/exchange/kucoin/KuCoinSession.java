package dev.pricefeed.exchange.kucoin;

import dev.pricefeed.Channel;
import dev.pricefeed.spi.ConnectionSession;
import dev.pricefeed.spi.KeepAlive;
import dev.pricefeed.spi.MessageParser;
import dev.pricefeed.spi.Subscription;
import dev.pricefeed.spi.SymbolMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One KuCoin connection made from a fresh bullet token: waits for {@code welcome}, subscribes with
 * {@code response:true} and matches each {@code ack} by id, pings with JSON {@code ping} messages.
 */
final class KuCoinSession implements ConnectionSession {

    private final URI uri;
    private final KeepAlive keepAlive;
    private final boolean stats;
    private final SymbolMapper symbols;
    private final PendingAcks acks = new PendingAcks();
    private final StreamOrder order;
    private final AtomicLong nextId = new AtomicLong();

    KuCoinSession(URI uri, KeepAlive keepAlive, boolean stats, SymbolMapper symbols, StreamOrder order) {
        this.uri = Objects.requireNonNull(uri, "uri is null");
        this.keepAlive = Objects.requireNonNull(keepAlive, "keepAlive is null");
        this.stats = stats;
        this.symbols = Objects.requireNonNull(symbols, "symbols is null");
        this.order = Objects.requireNonNull(order, "order is null");
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public KeepAlive keepAlive() {
        return keepAlive;
    }

    @Override
    public boolean awaitsWelcome() {
        return true;
    }

    /**
     * One message per topic type, each naming every symbol of the batch: {@code TICKER} makes a {@code /market/ticker}
     * and a {@code /spotMarket/level1} message (and {@code /market/snapshot} with {@code kucoin.stats=true}),
     * {@code TRADES} a {@code /market/match} message. The runtime keeps batches within the per-message topic limit.
     */
    @Override
    public List<String> subscribeMessages(List<Subscription> batch) {
        List<PendingAcks.Waiting> tickers = new ArrayList<>();
        List<PendingAcks.Waiting> trades = new ArrayList<>();
        for (Subscription subscription : batch) {
            if (subscription.channel() == Channel.TICKER) {
                tickers.add(new PendingAcks.Waiting(subscription));
            } else if (subscription.channel() == Channel.TRADES) {
                trades.add(new PendingAcks.Waiting(subscription));
            } else {
                throw new IllegalArgumentException("the kucoin plugin has no channel " + subscription.channel());
            }
        }
        List<String> ids = new ArrayList<>(4);
        List<List<PendingAcks.Waiting>> members = new ArrayList<>(4);
        List<String> messages = new ArrayList<>(4);
        if (!tickers.isEmpty()) {
            messages.add(subscribe(KuCoinParser.TICKER, tickers, ids, members));
            messages.add(subscribe(KuCoinParser.LEVEL1, tickers, ids, members));
            if (stats) {
                messages.add(subscribe(KuCoinParser.SNAPSHOT, tickers, ids, members));
            }
        }
        if (!trades.isEmpty()) {
            messages.add(subscribe(KuCoinParser.MATCH, trades, ids, members));
        }
        // registered only once every count is final, so the socket thread sees complete counts
        for (int i = 0; i < ids.size(); i++) {
            acks.register(ids.get(i), members.get(i));
        }
        return messages;
    }

    private String subscribe(String topicPrefix, List<PendingAcks.Waiting> waiting, List<String> ids,
            List<List<PendingAcks.Waiting>> members) {
        String id = Long.toString(nextId.incrementAndGet());
        StringBuilder topic = new StringBuilder(topicPrefix);
        for (int i = 0; i < waiting.size(); i++) {
            if (i > 0) {
                topic.append(',');
            }
            topic.append(symbols.toNative(waiting.get(i).subscription().instrument()));
            waiting.get(i).addMessage();
        }
        ids.add(id);
        members.add(waiting);
        return "{\"id\":\"" + id + "\",\"type\":\"subscribe\",\"topic\":\"" + topic
                + "\",\"privateChannel\":false,\"response\":true}";
    }

    /** KuCoin's JSON ping; its {@code pong} carries the same id. */
    @Override
    public String pingMessage(long n) {
        return "{\"id\":\"ping-" + n + "\",\"type\":\"ping\"}";
    }

    /** A parser that matches acks to this connection's subscribe messages. */
    MessageParser newParser() {
        return new KuCoinParser(symbols, acks, order);
    }

    /** Subscribe messages still waiting for an answer (for tests and diagnostics). */
    int unansweredSubscribes() {
        return acks.size();
    }

    /** Never shows the URI: its query holds the connection token. */
    @Override
    public String toString() {
        return "KuCoinSession[" + uri.getScheme() + "://" + uri.getAuthority() + uri.getPath() + "]";
    }
}
