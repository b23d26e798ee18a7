package dev.pricefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in this JVM, with the exchange plugins on the test class path. */
class CliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CliEnvironment env = new CliEnvironment(null, new StopSignal(), false, Clock.systemUTC());
        return Cli.create(env, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void withoutACommandTheUsageGoesToStandardErrorWithExitCode2() {
        assertThat(run()).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("Usage: pricefeed", "exchanges", "watch", "record", "replay", "demo",
                "dashboard");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"exchanges", "watch", "record", "replay", "demo", "dashboard"}) {
            StringWriter help = new StringWriter();
            CliEnvironment env = new CliEnvironment(null, new StopSignal(), false, Clock.systemUTC());
            int code = Cli.create(env, new PrintWriter(help, true), new PrintWriter(err, true))
                    .execute(command, "--help");
            assertThat(code).as(command).isEqualTo(Cli.OK);
            assertThat(help.toString()).as(command).startsWith("Usage: pricefeed " + command);
        }
    }

    @Test
    void exchangesListsThePluginsOnTheClassPath() {
        assertThat(run("exchanges")).isEqualTo(Cli.OK);
        assertThat(out.toString()).startsWith("ID ").contains("VERSION", "SPI", "CAPABILITIES", "SOURCE")
                .contains("kraken ", "binance ", "kucoin ", "coinbase ");
    }

    @Test
    void anUnknownOptionIsOneLineWithExitCode2() {
        assertThat(run("watch", "kraken", "BTC/USD", "--bogus")).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).isEqualTo(
                "pricefeed watch: Unknown option: '--bogus' (see pricefeed watch --help)" + System.lineSeparator());
    }

    @Test
    void anUnknownExchangeIsOneLineWithExitCode2() {
        assertThat(run("watch", "bitfinex:BTC/USD", "--format", "jsonl")).isEqualTo(Cli.USAGE);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("pricefeed watch: unknown exchange 'bitfinex'; installed: ").contains("kraken");
    }

    @Test
    void aMalformedInstrumentIsOneLineWithExitCode2() {
        assertThat(run("watch", "kraken", "BTCUSD")).isEqualTo(Cli.USAGE);
        assertThat(err.toString().lines()).singleElement().asString()
                .isEqualTo("pricefeed watch: instrument 'BTCUSD' is not of the form BASE/QUOTE, such as BTC/USD");
    }

    @Test
    void anUnreadableConfigIsOneLineWithExitCode2(@TempDir Path dir) {
        Path missing = dir.resolve("missing.properties");

        assertThat(run("watch", "kraken", "BTC/USD", "--config", missing.toString())).isEqualTo(Cli.USAGE);
        assertThat(err.toString().lines()).singleElement().asString()
                .isEqualTo("pricefeed watch: config file " + missing + " cannot be read: no such file");
    }

    @Test
    void anInvalidSettingInTheConfigIsOneLineWithExitCode2(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("pricefeed.properties"),
                "websocket.reconnect.delay=soon\nwebsocket.enabled=maybe\n");

        assertThat(run("watch", "kraken", "BTC/USD", "--config", config.toString(), "--format", "jsonl"))
                .isEqualTo(Cli.USAGE);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("pricefeed watch: ")
                .contains("websocket.reconnect.delay", "websocket.enabled");
    }

    @Test
    void recordTakesOneExchange(@TempDir Path dir) {
        assertThat(run("record", "kraken:BTC/USD", "binance:BTC/USDT", "--out", dir.resolve("r.jsonl").toString()))
                .isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("record takes one exchange");
    }

    @Test
    void replayOfAMissingFileIsAUsageError(@TempDir Path dir) {
        assertThat(run("replay", "kraken", dir.resolve("none.jsonl").toString())).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("cannot be read: no such file");
    }

    @Test
    void aBadDurationIsAUsageError() {
        assertThat(run("watch", "kraken", "BTC/USD", "--duration", "soon")).isEqualTo(Cli.USAGE);
        assertThat(err.toString().lines()).singleElement().asString().contains("--duration");
    }

    @Test
    void aMalformedHttpAddressIsOneLineWithExitCode2() {
        assertThat(run("watch", "kraken", "BTC/USD", "--http", "everywhere")).isEqualTo(Cli.USAGE);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("pricefeed watch: ").contains("--http", "[HOST:]PORT");
    }

    @Test
    void dashboardIsWatchWithThePageOnLoopback8080() {
        StringWriter help = new StringWriter();
        CliEnvironment env = new CliEnvironment(null, new StopSignal(), false, Clock.systemUTC());
        Cli.create(env, new PrintWriter(help, true), new PrintWriter(err, true)).execute("dashboard", "--help");
        assertThat(help.toString()).contains("--http", "--channels", "--endpoint", "127.0.0.1:8080");
        assertThat(new DashboardCommand(env).httpAddress()).isEqualTo(new HttpAddress("127.0.0.1", 8080));
        assertThat(new WatchCommand(env).httpAddress()).isNull();
    }
}
