package dev.pricefeed.cli;

import dev.pricefeed.Instrument;
import dev.pricefeed.PluginRegistry;
import dev.pricefeed.analytics.Intervals;
import dev.pricefeed.config.ConfigSources;
import dev.pricefeed.testkit.ExchangeSimulator;
import dev.pricefeed.testkit.binance.BinanceSimulator;
import dev.pricefeed.testkit.coinbase.CoinbaseSimulator;
import dev.pricefeed.testkit.kraken.KrakenSimulator;
import dev.pricefeed.testkit.kucoin.KuCoinSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pricefeed demo}: the four exchanges simulated on 127.0.0.1 in this process, watched; no network needed. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Watches simulated exchanges in this process: no network needed.",
                "Shows live prices, candles with indicators built from the trades, and arbitrage opportunities "
                        + "across the exchanges net of taker fees.",
                "Starts emulators of Kraken, Binance, KuCoin and Coinbase on 127.0.0.1 that speak each exchange's "
                        + "own protocol, moves their prices, and runs 'watch' against them through the installed "
                        + "plugins."},
        footer = {"", "Examples:", "  pricefeed demo", "  pricefeed demo --format jsonl --duration 10s",
                "  pricefeed demo --http 8080      # and the dashboard on http://127.0.0.1:8080/"})
final class DemoCommand implements Callable<Integer> {

    /**
     * Exchange, instrument, starting price, price step. Coinbase's ETH/USD starts 1.2 % under Kraken's, more than
     * both taker fees (0.26 % + 0.6 %), so the demo shows an arbitrage opportunity.
     */
    private static final List<String[]> INSTRUMENTS = List.of(
            new String[] {"kraken", "BTC/USD", "67523.1", "0.1"},
            new String[] {"kraken", "ETH/USD", "3421.55", "0.05"},
            new String[] {"binance", "BTC/USDT", "67530.01", "0.01"},
            new String[] {"binance", "ETH/USDT", "3422.10", "0.01"},
            new String[] {"kucoin", "BTC/USDT", "67528.4", "0.1"},
            new String[] {"kucoin", "ETH/USDT", "3421.98", "0.01"},
            new String[] {"coinbase", "BTC/USD", "67521.37", "0.01"},
            new String[] {"coinbase", "ETH/USD", "3380.00", "0.01"});

    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "table or jsonl (default: table in a terminal, jsonl otherwise).")
    OutputFormat format;

    @Option(names = "--events", description = "JSON Lines: print events on standard output with the data.")
    boolean events;

    @Option(names = "--http", paramLabel = "[HOST:]PORT", converter = HttpAddress.Converter.class,
            description = "Also serve the dashboard page, /metrics, /health, /api/state and /events on this address "
                    + "(host default: 127.0.0.1).")
    HttpAddress http;

    @Option(names = "--interval", paramLabel = "INTERVAL", defaultValue = "10s",
            description = "Length of the candles shown (default: ${DEFAULT-VALUE}).")
    String interval;

    @Mixin
    FeedOptions feedOptions;

    @Mixin
    CommonOptions common;

    DemoCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        OutputFormat chosen = format != null ? format : WatchRun.defaultFormat(env);
        Logging.forFormat(chosen);
        if (!feedOptions.endpoints.isEmpty() || !feedOptions.restEndpoints.isEmpty()) {
            throw new UsageError("demo points every feed at its own simulator; --endpoint and --rest-endpoint "
                    + "are for watch");
        }
        Duration candleInterval;
        try {
            candleInterval = Intervals.parse(interval);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        ConfigSources sources = common.sources(env);
        PluginRegistry registry = common.registry(env, sources);
        LineOutput err = new LineOutput(spec.commandLine().getErr());
        Map<String, Supplier<ExchangeSimulator>> starters = new LinkedHashMap<>();
        starters.put("kraken", KrakenSimulator::start);
        starters.put("binance", BinanceSimulator::start);
        starters.put("kucoin", KuCoinSimulator::start);
        starters.put("coinbase", CoinbaseSimulator::start);
        List<ExchangeSimulator> simulators = new ArrayList<>();
        try {
            starters.forEach((exchange, starter) -> {
                if (registry.ids().contains(exchange)) {
                    simulators.add(starter.get());
                } else {
                    err.println("demo: no " + exchange + " plugin installed; leaving " + exchange + " out");
                }
            });
            if (simulators.isEmpty()) {
                throw new UsageError("demo needs at least one of the plugins kraken, binance, kucoin, coinbase; "
                        + "see pricefeed exchanges");
            }
            try (DemoMarket market = new DemoMarket(DemoMarket.of(simulators, INSTRUMENTS))) {
                List<FeedRequest> requests = new ArrayList<>();
                for (ExchangeSimulator simulator : simulators) {
                    List<Instrument> instruments = market.listings().stream()
                            .filter(listing -> listing.exchange() == simulator)
                            .map(DemoMarket.Listing::instrument)
                            .toList();
                    requests.add(new FeedRequest(simulator.exchangeId(), instruments, simulator::pointAt));
                }
                market.start(500);
                DemoAnalytics analytics = new DemoAnalytics(candleInterval, env.clock());
                WatchRun run = new WatchRun(env, new LineOutput(spec.commandLine().getOut()), err).monitoredAt(http);
                return run.run(requests, feedOptions.channels(), registry, common.configFile(env).orElse(null),
                        chosen, events, feedOptions.duration, analytics);
            }
        } finally {
            simulators.forEach(ExchangeSimulator::close);
        }
    }
}
