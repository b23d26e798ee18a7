package dev.pricefeed.cli;

import dev.pricefeed.Instrument;
import dev.pricefeed.analytics.ArbitrageEvent;
import dev.pricefeed.analytics.ArbitrageMonitor;
import dev.pricefeed.analytics.BestBidOffer;
import dev.pricefeed.analytics.Opportunity;
import dev.pricefeed.analytics.Quote;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** The terminal table of {@code arbitrage}: best bid and offer per market, open opportunities, recent events. */
final class ArbitrageScreen {

    private static final int EVENTS = 10;

    private final List<Instrument> markets;
    private final ArbitrageMonitor monitor;
    private final Deque<String> recent = new ArrayDeque<>();

    ArbitrageScreen(List<Instrument> markets, ArbitrageMonitor monitor) {
        this.markets = List.copyOf(markets);
        this.monitor = monitor;
    }

    /** Remembers an event for the list under the table. */
    synchronized void add(ArbitrageEvent event) {
        Opportunity o = event.opportunity();
        recent.addFirst(o.at() + "  " + event.state().wireName() + "  " + describe(o));
        while (recent.size() > EVENTS) {
            recent.removeLast();
        }
    }

    /** The screen's lines. */
    synchronized List<String> lines() {
        List<String[]> best = new ArrayList<>();
        best.add(new String[] {"MARKET", "BEST BID", "BID SIZE", "AT", "BEST OFFER", "OFFER SIZE", "AT", "SPREAD"});
        for (Instrument market : markets) {
            BestBidOffer bbo = monitor.best(market);
            best.add(new String[] {market.toString(), price(bbo.bid()), size(bbo.bid()), where(bbo.bid()),
                price(bbo.ask()), size(bbo.ask()), where(bbo.ask()), bbo.spread().map(BigDecimal::toPlainString)
                        .orElse("-")});
        }
        List<String> lines = new ArrayList<>(Columns.lines(best));
        lines.add("");
        List<Opportunity> open = monitor.open();
        lines.add(open.isEmpty() ? "No opportunity net of taker fees." : "Open opportunities, net of taker fees:");
        for (Opportunity o : open) {
            lines.add("  " + describe(o));
        }
        lines.add("");
        lines.add("Recent:");
        lines.addAll(recent);
        lines.add("");
        lines.add("Ctrl-C to stop");
        return lines;
    }

    private static String describe(Opportunity o) {
        return o.market() + ": buy " + o.buy().exchange() + " " + o.buy().price().toPlainString() + ", sell "
                + o.sell().exchange() + " " + o.sell().price().toPlainString() + ", size "
                + (o.size() == null ? "?" : o.size().toPlainString()) + ", net " + o.netSpread().toPlainString()
                + " (" + o.netSpreadBps().toPlainString() + " bps)";
    }

    private static String price(Optional<Quote> quote) {
        return quote.map(q -> q.price().toPlainString()).orElse("-");
    }

    private static String size(Optional<Quote> quote) {
        return quote.map(q -> q.size() == null ? "?" : q.size().toPlainString()).orElse("-");
    }

    private static String where(Optional<Quote> quote) {
        return quote.map(q -> q.exchange() + " " + q.instrument()).orElse("-");
    }
}
