package dev.pricefeed.benchmarks.parse;

import dev.pricefeed.Channel;
import dev.pricefeed.config.ConfigSources;
import dev.pricefeed.config.FeedConfig;
import dev.pricefeed.runtime.DefaultExchangeContext;
import dev.pricefeed.spi.ExchangeConnector;
import dev.pricefeed.spi.ExchangeProvider;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Builds a connector of one exchange the way the runtime does ({@code provider.create(context)}), for the instruments
 * the sample frames name, so its {@code newParser(Optional.empty())} maps their symbols.
 */
final class ParserFixture implements AutoCloseable {

    /** The instruments named in each exchange's sample frames. */
    private static final Map<String, List<String>> INSTRUMENTS = Map.of(
            "binance", List.of("BNB/BTC", "NKN/USDT", "BTC/USDT"),
            "kraken", List.of("ALGO/USD", "MATIC/USD", "WAVES/EUR", "XMR/USD"),
            "kucoin", List.of("SNX/BTC", "BTC/USDT", "DAPPT/BTC"),
            "coinbase", List.of("ETH/USD", "BTC/USD"));

    private final ScheduledExecutorService scheduler;
    final ExchangeConnector connector;

    ParserFixture(String exchange) {
        List<String> instruments = INSTRUMENTS.get(exchange);
        if (instruments == null) {
            throw new IllegalArgumentException("no instruments known for " + exchange);
        }
        ExchangeProvider provider = provider(exchange);
        // the plugin's declared options come with the config, as PriceFeed.build resolves them
        FeedConfig config = FeedConfig.resolve(exchange, instruments, EnumSet.of(Channel.TICKER, Channel.TRADES),
                ConfigSources.builder().build(), provider.options());
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "parser-fixture-" + exchange);
            thread.setDaemon(true);
            return thread;
        });
        connector = provider.create(new DefaultExchangeContext(config, DefaultExchangeContext.newHttpClient(),
                Clock.systemUTC(), scheduler));
    }

    static ExchangeProvider provider(String exchange) {
        for (ExchangeProvider provider : ServiceLoader.load(ExchangeProvider.class)) {
            if (provider.id().equals(exchange)) {
                return provider;
            }
        }
        throw new IllegalStateException("no provider for " + exchange + " on the class path");
    }

    @Override
    public void close() {
        connector.close();
        scheduler.shutdownNow();
    }
}
