package dev.pricefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.FeedState;
import dev.pricefeed.MarketDataService;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.testkit.ExchangeSimulator;
import dev.pricefeed.testkit.binance.BinanceSimulator;
import dev.pricefeed.testkit.coinbase.CoinbaseSimulator;
import dev.pricefeed.testkit.kraken.KrakenSimulator;
import dev.pricefeed.testkit.kucoin.KuCoinSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Four exchanges in one service against their emulators: the threads they take, and none left after close. */
class FourFeedThreadsTest {

    private static final Logger LOG = LoggerFactory.getLogger(FourFeedThreadsTest.class);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final List<ExchangeSimulator> simulators = List.of(KrakenSimulator.start(), BinanceSimulator.start(),
            KuCoinSimulator.start(), CoinbaseSimulator.start());

    @AfterEach
    void tearDown() {
        simulators.forEach(ExchangeSimulator::close);
    }

    /** Threads a feed may own: the runtime's, the HTTP client's, Tyrus's and its Grizzly transports'. */
    private static boolean ownedByFeeds(String name) {
        return name.startsWith("pricefeed-") || name.startsWith("HttpClient-") || name.startsWith("Grizzly")
                || name.startsWith("tyrus-");
    }

    private static Set<Thread> live() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    @Test
    @DisplayName("four streaming feeds share one control thread, one I/O pool, one HTTP client and one listener thread,"
            + " and take at most 20 threads in all")
    void fourFeedsShareTheirThreads() {
        Set<Thread> before = live();
        MarketDataService.Builder builder = MarketDataService.builder();
        for (ExchangeSimulator simulator : simulators) {
            builder.feed(simulator.pointAt(PriceFeed.builder().exchange(simulator.exchangeId())
                    .instruments(simulator.instruments().get(0)).environment(Map.of())));
        }
        List<String> added;
        try (MarketDataService service = builder.build()) {
            service.onTick(tick -> { });
            service.start();
            await().atMost(WAIT).until(() -> service.feeds().values().stream()
                    .allMatch(feed -> feed.state() == FeedState.STREAMING));
            added = live().stream().filter(t -> !before.contains(t)).map(Thread::getName).sorted().toList();
            LOG.info("threads added by four streaming feeds ({}): {}", added.size(), added);
        }
        List<String> runtime = added.stream().filter(FourFeedThreadsTest::ownedByFeeds).toList();
        // issue 11 goal 6: four feeds in at most 20 threads (Tyrus, the default: per connection Grizzly's selector
        // thread and its worker pool's one idle thread; then the shared control, I/O, HTTP and listener threads)
        assertThat(runtime).as("threads of four feeds").hasSizeLessThanOrEqualTo(20);
        assertThat(runtime).filteredOn(name -> name.contains("control")).containsExactly("pricefeed-control");
        assertThat(runtime).filteredOn(name -> name.endsWith("-listeners"))
                .containsExactly("pricefeed-service-listeners");
        assertThat(runtime).filteredOn(name -> name.endsWith("-SelectorManager")).hasSize(1);
        assertThat(live()).as("after close").noneMatch(t -> !before.contains(t) && ownedByFeeds(t.getName()));
    }
}
