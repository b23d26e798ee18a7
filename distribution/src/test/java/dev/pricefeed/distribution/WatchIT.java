package dev.pricefeed.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.Instrument;
import dev.pricefeed.Side;
import dev.pricefeed.testkit.kraken.KrakenSimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/pricefeed watch} against the Kraken emulator on 127.0.0.1, as a separate process. */
class WatchIT {

    private static final Instrument BTC_USD = Instrument.of("BTC/USD");
    private static final Instrument ETH_USD = Instrument.of("ETH/USD");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path work;

    private KrakenSimulator kraken;
    private Launcher.Run run;

    @BeforeEach
    void startEmulator() {
        kraken = KrakenSimulator.start();
    }

    @AfterEach
    void stop() {
        if (run != null) {
            run.destroy();
        }
        kraken.close();
    }

    private Launcher launcher() {
        // quick retries, so a reconnect or the fallback happens within the test's patience
        return new Launcher(work)
                .env("WEBSOCKET_RECONNECT_DELAY", "0.2")
                .env("WEBSOCKET_RECONNECT_MAX_DELAY", "1")
                .env("PRICEFEED_POLL_INTERVAL", "0.5");
    }

    @Test
    void printsTicksAndTradesReconnectsAfterADropAndExitsCleanlyOnCtrlC() {
        run = launcher().start("watch", "kraken", "BTC/USD", "ETH/USD", "--channels", "ticker,trades",
                "--endpoint", kraken.server().wsUri(KrakenSimulator.PUBLIC_PATH).toString(),
                "--rest-endpoint", kraken.server().httpUri("/").toString(), "--format", "jsonl");

        await().atMost(PATIENCE).until(() -> kraken.tickerSubscriptions(BTC_USD) >= 1
                && kraken.tickerSubscriptions(ETH_USD) >= 1 && run.err().contains("\"to\":\"STREAMING\""));
        kraken.publishTicker(BTC_USD, "67523.1", "67523.0", "67523.2");
        kraken.publishTrade(ETH_USD, "3421.55", "0.0125", Side.SELL, "4665901");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(run.outLines())
                .anySatisfy(line -> assertThat(line).startsWith("{\"type\":\"tick\",\"exchange\":\"kraken\","
                        + "\"instrument\":\"BTC/USD\",\"last\":\"67523.1\"")
                        .contains("\"bid\":\"67523.0\"", "\"ask\":\"67523.2\"", "\"receivedAt\":\""))
                .anySatisfy(line -> assertThat(line).startsWith("{\"type\":\"trade\",\"exchange\":\"kraken\","
                        + "\"instrument\":\"ETH/USD\",\"price\":\"3421.55\",\"size\":\"0.0125\",\"side\":\"sell\","
                        + "\"tradeId\":\"4665901\"")));

        kraken.server().dropAll();
        await().atMost(PATIENCE).until(() -> kraken.tickerSubscriptions(BTC_USD) >= 2
                && run.err().lines().filter(line -> line.contains("\"to\":\"STREAMING\"")).count() >= 2);
        kraken.publishTicker(BTC_USD, "67600.5", "67600.4", "67600.6");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(run.out()).contains("\"last\":\"67600.5\""));
        assertThat(run.err()).contains("\"from\":\"STREAMING\"");

        run.interrupt();

        assertThat(run.awaitExit(PATIENCE)).as(run.err()).isZero();
        assertThat(run.err()).contains("\"to\":\"CLOSED\",\"reason\":\"closed by the application\"");
        assertThat(run.outLines()).allSatisfy(line -> assertThat(line).startsWith("{\"type\":\"").endsWith("}"));
        StackTraces.assertNone(run.err());
    }

    @Test
    void anUnreachableEndpointGivesRetryLinesThenRestFallbackAndNeverAStackTrace() throws IOException {
        kraken.setRestTicker(BTC_USD, "67000.5", "67000.4", "67000.6");

        run = launcher().env("WEBSOCKET_MAX_RECONNECT_ATTEMPTS", "2").start("watch", "kraken", "BTC/USD",
                "--endpoint", "ws://127.0.0.1:" + closedPort() + "/v2",
                "--rest-endpoint", kraken.server().httpUri("/").toString());

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(run.out())
                .contains("\"instrument\":\"BTC/USD\",\"last\":\"67000.5\""));
        assertThat(run.err()).contains("\"to\":\"BACKOFF\"", "retry 1 of 2", "\"to\":\"POLLING\"",
                "\"type\":\"error\"", "cannot connect: connection refused by 127.0.0.1:");

        run.interrupt();

        assertThat(run.awaitExit(PATIENCE)).as(run.err()).isZero();
        StackTraces.assertNone(run.err());
    }

    @Test
    void stopsByItselfAfterTheDuration() {
        run = launcher().start("watch", "kraken:BTC/USD",
                "--endpoint", kraken.server().wsUri(KrakenSimulator.PUBLIC_PATH).toString(),
                "--rest-endpoint", kraken.server().httpUri("/").toString(), "--duration", "3s");

        assertThat(run.awaitExit(PATIENCE)).as(run.err()).isZero();
        assertThat(run.err()).contains("\"to\":\"STREAMING\"", "\"to\":\"CLOSED\"");
    }

    /** A port on 127.0.0.1 where nothing listens. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
