package dev.pricefeed.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/pricefeed demo}: the four exchanges simulated in the same process, watched through their plugins. */
class DemoIT {

    @TempDir
    Path work;

    @Test
    void theDemoPrintsTicksOfAllFourExchangesAndStopsAfterItsDuration() {
        Launcher.Run run = new Launcher(work).start("demo", "--format", "jsonl", "--duration", "4s");

        assertThat(run.awaitExit(Duration.ofSeconds(60))).as(run.err()).isZero();
        for (String exchange : new String[] {"kraken", "binance", "kucoin", "coinbase"}) {
            assertThat(run.outLines()).as(exchange).anySatisfy(line -> assertThat(line)
                    .startsWith("{\"type\":\"tick\",\"exchange\":\"" + exchange + "\",")
                    .contains("\"last\":\"", "\"bid\":\"", "\"ask\":\""));
        }
        StackTraces.assertNone(run.err());
    }

    @Test
    void theDemoShowsCandlesOfTheSimulatedTradesAndAnArbitrageOpportunity() {
        Launcher.Run run = new Launcher(work).start("demo", "--format", "jsonl", "--interval", "1s");
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> run.out().contains("\"type\":\"candle\",\"exchange\":\"kraken\",\"instrument\":\"BTC/USD\",\"interval\":\"1s\"")
                    && run.out().contains("\"type\":\"arbitrage\""));

            run.interrupt();

            assertThat(run.awaitExit(Duration.ofSeconds(60))).as(run.err()).isZero();
        } finally {
            run.destroy();
        }
        // Coinbase's ETH/USD is priced more than both taker fees under Kraken's
        assertThat(run.outLines()).anySatisfy(line -> assertThat(line)
                .startsWith("{\"type\":\"arbitrage\",\"instrument\":\"ETH/USD\",\"buy\":{\"exchange\":\"coinbase\"")
                .contains("\"sell\":{\"exchange\":\"kraken\"", "\"state\":\"open\""));
        assertThat(run.outLines()).anySatisfy(line -> assertThat(line)
                .startsWith("{\"type\":\"candle\",\"exchange\":\"kraken\",\"instrument\":\"BTC/USD\"")
                .contains("\"closed\":true,\"source\":\"live\""));
        StackTraces.assertNone(run.err());
    }

    @Test
    void itEndsQuietlyWhenTheReaderOfItsOutputGoesAway() throws IOException, InterruptedException {
        Process process = new Launcher(work).startPiped("demo", "--format", "jsonl");
        try {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat(out.readLine()).startsWith("{\"type\":\"tick\"");
            }

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("ended after its reader went away").isTrue();
            assertThat(process.exitValue()).isZero();
        } finally {
            process.destroyForcibly();
        }
    }
}
