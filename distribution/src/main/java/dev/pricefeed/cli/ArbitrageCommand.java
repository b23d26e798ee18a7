package dev.pricefeed.cli;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.PluginRegistry;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.UnknownInstrumentException;
import dev.pricefeed.analytics.ArbitrageEvent;
import dev.pricefeed.analytics.ArbitrageMonitor;
import dev.pricefeed.analytics.FeeSchedule;
import dev.pricefeed.analytics.QuoteCurrencies;
import dev.pricefeed.config.ConfigSources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pricefeed arbitrage}: best prices across exchanges and opportunities net of taker fees. */
@Command(name = "arbitrage", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Best bid and offer across exchanges, and arbitrage opportunities net of taker fees.",
                "Watches each instrument on every exchange that lists it. An opportunity is a bid on one exchange "
                        + "above the offer on another after both taker fees, from fresh, uncrossed quotes only; "
                        + "it is reported when it opens, changes and closes."},
        footer = {"", "Examples:",
                "  pricefeed arbitrage BTC/USD ETH/USD",
                "  pricefeed arbitrage BTC/USD --same USD=USDT --fee kraken=0.0016 --format jsonl",
                "  pricefeed arbitrage kraken:BTC/USD coinbase:BTC/USD binance:BTC/USDT --same USD=USDT"})
final class ArbitrageCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INSTRUMENT", arity = "1..*",
            description = "Instruments such as BTC/USD (on every exchange), or EXCHANGE:INSTRUMENT.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--exchanges", split = ",", paramLabel = "ID",
            description = "The exchanges to compare (default: every installed one with a taker fee).")
    List<String> exchanges = new ArrayList<>();

    @Option(names = "--same", paramLabel = "A=B",
            description = "Count two quote currencies as one, such as USD=USDT (default: USD, USDT and USDC "
                    + "differ); repeatable.")
    List<String> same = new ArrayList<>();

    @Option(names = "--fee", paramLabel = "EXCHANGE=FRACTION",
            description = "Taker fee, such as kraken=0.0026 for 0.26 % (default: each exchange's public "
                    + "lowest-tier fee); repeatable.")
    List<String> fees = new ArrayList<>();

    @Option(names = "--stale-after", paramLabel = "TIME", defaultValue = "10s",
            description = "Leave out quotes older than this (default: ${DEFAULT-VALUE}).")
    Duration staleAfter;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "table or jsonl (default: table in a terminal, jsonl otherwise).")
    OutputFormat format;

    @Mixin
    FeedOptions feedOptions;

    @Mixin
    CommonOptions common;

    ArbitrageCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        OutputFormat chosen = format != null ? format : WatchRun.defaultFormat(env);
        Logging.forFormat(chosen);
        if (!feedOptions.channels.isEmpty()) {
            throw new UsageError("arbitrage subscribes to tickers by itself; leave out --channels");
        }
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new UsageError("--stale-after must be positive, got " + staleAfter);
        }
        QuoteCurrencies currencies;
        FeeSchedule schedule = FeeSchedule.defaults();
        try {
            currencies = QuoteCurrencies.parse(same);
            for (String fee : fees) {
                schedule = schedule.with(fee);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        ConfigSources sources = common.sources(env);
        PluginRegistry registry = common.registry(env, sources);
        Set<String> chosenExchanges = exchanges(registry, schedule);
        Map<String, Set<Instrument>> wanted = wanted(chosenExchanges, currencies);
        Map<String, Consumer<PriceFeed.Builder>> endpoints = feedOptions.endpointSettings(wanted.keySet());

        LineOutput out = new LineOutput(spec.commandLine().getOut());
        LineOutput err = new LineOutput(spec.commandLine().getErr());
        EventOutput events = new EventOutput(err);
        List<Instrument> markets = wanted.values().stream().flatMap(Set::stream).map(currencies::market).distinct()
                .sorted().toList();
        ArbitrageScreen[] screen = new ArbitrageScreen[1];
        AtomicInteger code = new AtomicInteger(Cli.OK);
        AtomicBoolean closing = new AtomicBoolean();
        Consumer<ArbitrageEvent> print = event -> {
            if (screen[0] != null) {
                screen[0].add(event);
            } else if (!out.println(AnalyticsLines.arbitrage(event))) {
                env.stop().requestStop();
            }
        };
        List<LiveFeeds> opened = new ArrayList<>();
        try (ArbitrageMonitor monitor = ArbitrageMonitor.builder().currencies(currencies).fees(schedule)
                .staleAfter(staleAfter).clock(env.clock()).onEvent(print).build()) {
            if (chosen == OutputFormat.TABLE) {
                screen[0] = new ArbitrageScreen(markets, monitor);
            }
            // one feed per exchange and instrument, so an instrument an exchange does not list leaves out only itself
            wanted.forEach((exchange, instruments) -> {
                for (Instrument instrument : instruments) {
                    AtomicBoolean leftOut = new AtomicBoolean();
                    LiveFeeds feed = LiveFeeds.build(
                            List.of(new FeedRequest(exchange, List.of(instrument), endpoints.get(exchange))),
                            EnumSet.of(Channel.TICKER), registry, common.configFile(env).orElse(null), f -> {
                                f.onTick(monitor::accept);
                                f.onEvent(event -> {
                                    if (leftOut.get()) {
                                        return;
                                    }
                                    events.accept(event);
                                    if (LiveFeeds.closedByItself(event, closing.get())) {
                                        code.set(Cli.FAILURE);
                                        env.stop().requestStop();
                                    }
                                });
                            });
                    try {
                        feed.start();
                        opened.add(feed);
                    } catch (UnknownInstrumentException e) {
                        leftOut.set(true);
                        feed.close();
                        err.println("arbitrage: " + e.getMessage().split("\\. Instruments are")[0] + "; left out");
                    } catch (RuntimeException e) {
                        feed.close();
                        throw e;
                    }
                }
            });
            if (opened.isEmpty()) {
                throw new UsageError("no exchange lists any of " + targets + "; see the notes above");
            }
            monitor.start();
            ScreenView view = screen[0] == null ? null : new ScreenView(out, screen[0]::lines);
            if (view != null) {
                view.start();
            }
            try {
                env.stop().await(feedOptions.duration);
            } finally {
                closing.set(true);
                if (view != null) {
                    view.close();
                }
            }
        } finally {
            closing.set(true);
            opened.forEach(LiveFeeds::close);
        }
        if (code.get() != Cli.OK) {
            err.println("pricefeed: a feed closed by itself; see the events above and logs/pricefeed.log");
        }
        return code.get();
    }

    /** The exchanges to compare: those named, or every installed one with a known taker fee. */
    private Set<String> exchanges(PluginRegistry registry, FeeSchedule schedule) {
        Set<String> chosen = new LinkedHashSet<>();
        if (exchanges.isEmpty()) {
            registry.ids().stream().filter(id -> schedule.taker(id).isPresent()).forEach(chosen::add);
        } else {
            List<String> problems = new ArrayList<>();
            for (String name : exchanges) {
                String id = name.trim().toLowerCase(Locale.ROOT);
                if (!registry.ids().contains(id)) {
                    problems.add("unknown exchange '" + name + "'; installed: " + String.join(", ", registry.ids()));
                } else if (schedule.taker(id).isEmpty()) {
                    problems.add("no taker fee known for " + id + ": give one with --fee " + id + "=0.001");
                } else {
                    chosen.add(id);
                }
            }
            if (!problems.isEmpty()) {
                throw new UsageError(String.join("; ", problems));
            }
        }
        if (chosen.isEmpty()) {
            throw new UsageError("no exchange to compare: install a plugin or name them with --exchanges");
        }
        return chosen;
    }

    /**
     * The instruments to watch per exchange: {@code EXCHANGE:INSTRUMENT} as written; a bare instrument, and the same
     * pair in every currency declared equal to its quote, on every chosen exchange.
     */
    private Map<String, Set<Instrument>> wanted(Set<String> chosen, QuoteCurrencies currencies) {
        Map<String, Set<Instrument>> wanted = new LinkedHashMap<>();
        for (String target : targets) {
            int colon = target.indexOf(':');
            if (colon >= 0) {
                String exchange = target.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                if (!chosen.contains(exchange)) {
                    throw new UsageError("'" + target + "' names " + exchange + ", which is not being compared "
                            + chosen);
                }
                wanted.computeIfAbsent(exchange, k -> new LinkedHashSet<>()).add(instrument(target.substring(colon + 1)));
            } else {
                Instrument instrument = instrument(target);
                for (String exchange : chosen) {
                    for (String quote : currencies.sameAs(instrument.quote())) {
                        wanted.computeIfAbsent(exchange, k -> new LinkedHashSet<>())
                                .add(new Instrument(instrument.base(), quote));
                    }
                }
            }
        }
        return wanted;
    }

    private static Instrument instrument(String text) {
        try {
            return Instrument.of(text);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }
}
