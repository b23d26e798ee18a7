package dev.pricefeed.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
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
}
