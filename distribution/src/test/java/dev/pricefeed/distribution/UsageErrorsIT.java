package dev.pricefeed.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad command lines exit with 2 and one clear line on standard error, never a stack trace. */
class UsageErrorsIT {

    @TempDir
    Path work;

    private Launcher.Run expectUsageError(String... args) {
        Launcher.Run run = new Launcher(work).run(args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).as(run.err()).hasSize(1);
        StackTraces.assertNone(run.err());
        return run;
    }

    @Test
    void unknownExchange() {
        assertThat(expectUsageError("watch", "bitfinex:BTC/USD").err())
                .startsWith("pricefeed watch: unknown exchange 'bitfinex'; installed: "
                        + "binance, coinbase, kraken, kucoin");
    }

    @Test
    void malformedInstrument() {
        assertThat(expectUsageError("watch", "kraken", "BTC-USD").err())
                .startsWith("pricefeed watch: instrument 'BTC-USD' is not of the form BASE/QUOTE");
    }

    @Test
    void unknownOption() {
        assertThat(expectUsageError("watch", "kraken", "BTC/USD", "--colour").err())
                .startsWith("pricefeed watch: Unknown option: '--colour' (see pricefeed watch --help)");
    }

    @Test
    void unreadableConfig() {
        Path missing = work.resolve("nowhere.properties");
        assertThat(expectUsageError("watch", "kraken", "BTC/USD", "--config", missing.toString()).err())
                .startsWith("pricefeed watch: config file " + missing + " cannot be read");
    }

    @Test
    void noCommand() {
        Launcher.Run run = new Launcher(work).run();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Usage: pricefeed");
    }
}
