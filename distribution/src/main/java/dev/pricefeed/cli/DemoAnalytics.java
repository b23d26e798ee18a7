package dev.pricefeed.cli;

import dev.pricefeed.Candle;
import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.analytics.ArbitrageMonitor;
import dev.pricefeed.analytics.CandleEvent;
import dev.pricefeed.analytics.CandleSource;
import dev.pricefeed.analytics.IndicatorSpec;
import dev.pricefeed.analytics.Intervals;
import dev.pricefeed.analytics.LiveCandles;
import dev.pricefeed.analytics.Opportunity;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The demo's analytics: live candles with two short indicators for every simulated instrument, and arbitrage across
 * the four exchanges at their default taker fees (USD and USDT kept apart).
 */
final class DemoAnalytics implements FeedAddOn {

    private static final List<IndicatorSpec> INDICATORS = IndicatorSpec.parseList("sma3,ema3");

    private final Duration interval;
    private final Clock clock;
    private final List<LiveCandles> candles = new ArrayList<>();
    private final Map<String, CandleEvent> lastClosed = new ConcurrentHashMap<>();
    private final ArbitrageMonitor arbitrage;
    private LineOutput data;

    DemoAnalytics(Duration interval, Clock clock) {
        this.interval = interval;
        this.clock = clock;
        this.arbitrage = ArbitrageMonitor.builder().clock(clock).onEvent(event -> {
            LineOutput out = data;
            if (out != null) {
                out.println(AnalyticsLines.arbitrage(event));
            }
        }).build();
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.TRADES);
    }

    @Override
    public synchronized void register(PriceFeed feed, LineOutput data) {
        this.data = data;
        for (Instrument instrument : feed.config().instruments()) {
            LiveCandles series = LiveCandles.builder(feed.exchange(), instrument, interval)
                    .grace(Duration.ofSeconds(1)).clock(clock).indicators(INDICATORS)
                    .onCandle(event -> {
                        lastClosed.put(key(event.candle()), event);
                        if (data != null) {
                            data.println(AnalyticsLines.candle(event));
                        }
                    }).build();
            candles.add(series);
            feed.onTrade(series::accept);
        }
        feed.onTick(arbitrage::accept);
    }

    @Override
    public synchronized void started() {
        for (LiveCandles series : candles) {
            try {
                series.start();
            } catch (IOException e) {
                // no history is asked for, so nothing is fetched
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        arbitrage.start();
    }

    @Override
    public List<String> tableLines() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"CANDLE " + Intervals.format(interval), "OPEN TIME", "OPEN", "HIGH", "LOW", "CLOSE",
            "TRADES", "SMA3", "EMA3"});
        lastClosed.values().stream()
                .sorted(java.util.Comparator.comparing(DemoAnalytics::keyOf))
                .forEach(event -> {
                    Candle c = event.candle();
                    rows.add(new String[] {keyOf(event), c.openTime().toString(), c.open().toPlainString(),
                        c.high().toPlainString(), c.low().toPlainString(), c.close().toPlainString(),
                        Long.toString(c.trades()), value(event, "sma3"), value(event, "ema3")});
                });
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.addAll(rows.size() > 1 ? Columns.lines(rows) : List.of("(first candles close after "
                + Intervals.format(interval) + ")"));
        lines.add("");
        List<Opportunity> open = arbitrage.open();
        lines.add(open.isEmpty() ? "Arbitrage: none net of taker fees" : "Arbitrage, net of taker fees:");
        lines.addAll(open.stream().map(o -> "  " + o.market() + ": buy " + o.buy().exchange() + " "
                + o.buy().price().toPlainString() + ", sell " + o.sell().exchange() + " "
                + o.sell().price().toPlainString() + ", net " + o.netSpread().toPlainString() + " ("
                + o.netSpreadBps().toPlainString() + " bps)").collect(Collectors.toList()));
        return lines;
    }

    @Override
    public synchronized void close() {
        for (LiveCandles series : candles) {
            series.close();
            if (data != null) {
                // the run ends, not the interval: the running candle as it stands
                series.current().ifPresent(candle -> data.println(AnalyticsLines.candle(
                        new CandleEvent(candle, CandleSource.LIVE, Map.of()))));
            }
        }
        arbitrage.close();
    }

    private static String key(Candle candle) {
        return candle.exchange() + " " + candle.instrument();
    }

    private static String keyOf(CandleEvent event) {
        return key(event.candle());
    }

    private static String value(CandleEvent event, String name) {
        return event.indicators().containsKey(name)
                ? AnalyticsLines.indicator(event.indicators().get(name)).toPlainString() : "-";
    }
}
