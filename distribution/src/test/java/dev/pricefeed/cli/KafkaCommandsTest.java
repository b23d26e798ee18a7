package dev.pricefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.Instrument;
import dev.pricefeed.Side;
import dev.pricefeed.json.MarketDataJson;
import dev.pricefeed.kafka.KafkaBrokerExtension;
import dev.pricefeed.kafka.KafkaPriceCache;
import dev.pricefeed.testkit.kraken.KrakenSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code publish} and {@code watch --from-kafka} in this JVM, against the Kraken emulator and a real broker. */
class KafkaCommandsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instrument BTC_USD = Instrument.of("BTC/USD");

    @RegisterExtension
    static final KafkaBrokerExtension broker = new KafkaBrokerExtension();

    /** One run of the command line with its own output and stop signal. */
    private static final class Run {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final StopSignal stop = new StopSignal();

        int execute(String... args) {
            CliEnvironment env = new CliEnvironment(null, stop, false, Clock.systemUTC());
            return Cli.create(env, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        }
    }

    private static List<String> kraken(KrakenSimulator kraken, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint", kraken.server().wsUri(KrakenSimulator.PUBLIC_PATH).toString(),
                "--rest-endpoint", kraken.server().httpUri("/").toString(), "--kafka", broker.bootstrapServers()));
        return all;
    }

    @Test
    void publishWritesTheFeedToKafkaAndWatchFromKafkaPrintsItExactly() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (KrakenSimulator kraken = KrakenSimulator.start();
                KafkaPriceCache check = KafkaPriceCache.builder().bootstrapServers(broker.bootstrapServers())
                        .topicPrefix("cli").build()) {
            Run publish = new Run();
            Future<Integer> code = executor.submit(() -> publish.execute(kraken(kraken, "publish", "kraken",
                    "BTC/USD", "ETH/USD", "--topic-prefix", "cli", "--channels", "ticker,trades")
                    .toArray(String[]::new)));
            await().atMost(WAIT).until(() -> kraken.tickerSubscriptions(BTC_USD) >= 1
                    && kraken.tradeSubscriptions(BTC_USD) >= 1);
            kraken.publishTicker(BTC_USD, "67523.10", "67523.00", "67523.20");
            kraken.publishTrade(BTC_USD, "67521.37", "0.0125", Side.SELL, "1001");
            check.start();
            await().atMost(WAIT).until(() -> check.latest("kraken", BTC_USD)
                    .map(t -> t.last().toPlainString().equals("67523.10")).orElse(false));
            publish.stop.requestStop();
            assertThat(code.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as(publish.err.toString()).isEqualTo(Cli.OK);
            assertThat(publish.err.toString()).contains("publish: ").contains(" 0 dropped, 0 failed");

            Run watch = new Run();
            int watched = watch.execute("watch", "--from-kafka", broker.bootstrapServers(), "--topic-prefix", "cli",
                    "kraken:BTC/USD", "--format", "jsonl", "--duration", "1s");

            assertThat(watched).as(watch.err.toString()).isEqualTo(Cli.OK);
            List<String> lines = watch.out.toString().lines().toList();
            // the newest tick restored from the latest topic: byte for byte the line publish wrote, ETH/USD filtered
            assertThat(lines).containsExactly(MarketDataJson.tick(check.latest("kraken", BTC_USD).orElseThrow()));
            assertThat(lines.get(0)).contains("\"last\":\"67523.10\"", "\"bid\":\"67523.00\"");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void twoShardsOfPublishTakeTheInstrumentsWithoutOverlap() {
        try (KrakenSimulator kraken = KrakenSimulator.start()) {
            Set<String> taken = new HashSet<>();
            for (String shard : List.of("1/2", "2/2")) {
                Run publish = new Run();
                int code = publish.execute(kraken(kraken, "publish", "kraken", "BTC/USD", "ETH/USD", "DOGE/USD",
                        "SOL/USD", "--topic-prefix", "shards", "--shard", shard, "--duration", "1s")
                        .toArray(String[]::new));
                assertThat(code).as(publish.err.toString()).isEqualTo(Cli.OK);
                String line = publish.err.toString().lines().filter(l -> l.startsWith("publish: shard " + shard))
                        .findFirst().orElseThrow();
                for (String key : line.substring(line.indexOf(": ", 10) + 2).split(" ")) {
                    assertThat(taken.add(key)).as("%s taken twice", key).isTrue();
                }
            }
            assertThat(taken).containsExactlyInAnyOrder("kraken:BTC/USD", "kraken:ETH/USD", "kraken:DOGE/USD",
                    "kraken:SOL/USD");
        }
    }

    @Test
    void publishHasHelpAndIsListed() {
        Run help = new Run();
        assertThat(help.execute("publish", "--help")).isEqualTo(Cli.OK);
        assertThat(help.out.toString()).startsWith("Usage: pricefeed publish").contains("--kafka", "--shard",
                "--topic-prefix", "--channels", "--endpoint", "--duration");
        Run top = new Run();
        top.execute();
        assertThat(top.err.toString()).contains("publish");
    }

    @Test
    void badKafkaOptionsAreUsageErrors() {
        Run run = new Run();
        assertThat(run.execute("publish", "kraken", "BTC/USD", "--kafka", "localhost")).isEqualTo(Cli.USAGE);
        assertThat(run.err.toString()).startsWith("pricefeed publish: invalid configuration: Kafka broker "
                + "'localhost' is not host:port");

        Run shard = new Run();
        assertThat(shard.execute("publish", "kraken", "BTC/USD", "--kafka", "127.0.0.1:1", "--shard", "3/2"))
                .isEqualTo(Cli.USAGE);
        assertThat(shard.err.toString()).startsWith("pricefeed publish: --shard: shard 3/2 is not i/n");

        Run prefix = new Run();
        assertThat(prefix.execute("watch", "--from-kafka", "127.0.0.1:1", "--topic-prefix", "a b"))
                .isEqualTo(Cli.USAGE);
        assertThat(prefix.err.toString()).contains("topic prefix 'a b' is not a legal Kafka topic name");
    }
}
