package dev.pricefeed.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.Instrument;
import dev.pricefeed.testkit.kraken.KrakenSimulator;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/pricefeed watch} through the faults of the fault matrix (a drop, a garbage frame, a binary frame, a refused
 * and a hung handshake): standard error carries only the lines the README documents (JSON events and the log's
 * warning lines), never a stack trace or an exception's class name.
 */
class StderrLinesIT {

    private static final Instrument BTC_USD = Instrument.of("BTC/USD");
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /** README "JSON Lines": events on standard error, one JSON object per line. */
    private static final Pattern EVENT = Pattern.compile(
            "\\{\"type\":\"(state|error|gap|stale|fresh|handover)\",\"exchange\":\"kraken\",.*\\}");
    /** README "Logging" (conf/logback.xml): warnings and errors as {@code HH:mm:ss.SSS LEVEL Logger: message}. */
    private static final Pattern LOG_LINE = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (WARN |ERROR) \\w+: \\S.*");

    @TempDir
    java.nio.file.Path work;

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

    @Test
    void faultsLeaveOnlyDocumentedLinesOnStandardError() {
        run = new Launcher(work)
                .env("WEBSOCKET_RECONNECT_DELAY", "0.1")
                .env("WEBSOCKET_RECONNECT_MAX_DELAY", "0.5")
                .env("WEBSOCKET_HANDSHAKE_TIMEOUT", "0.5")
                .start("watch", "kraken", "BTC/USD", "--format", "jsonl",
                        "--endpoint", kraken.server().wsUri(KrakenSimulator.PUBLIC_PATH).toString(),
                        "--rest-endpoint", kraken.server().httpUri("/").toString());
        awaitStreaming(1);

        kraken.server().connections().forEach(c -> {
            c.sendGarbage();
            c.sendBinary(new byte[] {0, 1, 2, 3});
        });
        kraken.server().dropAll();
        awaitStreaming(2);

        kraken.server().refuseConnections(403);
        kraken.server().dropAll();
        await().atMost(PATIENCE).until(() -> run.err().contains("\"code\":\"connect\""));
        kraken.server().refuseConnections(0);
        awaitStreaming(3);

        kraken.server().hangHandshakes(true);
        kraken.server().dropAll();
        await().atMost(PATIENCE).until(() -> run.err().contains("no WebSocket handshake from 127.0.0.1:"));
        kraken.server().hangHandshakes(false);
        awaitStreaming(4);

        run.interrupt();

        assertThat(run.awaitExit(PATIENCE)).as(run.err()).isZero();
        StackTraces.assertNone(run.err());
        assertThat(run.err()).as("standard error").doesNotContain("Exception");
        assertThat(run.err().lines()).as("standard error").isNotEmpty().allSatisfy(line -> assertThat(
                EVENT.matcher(line).matches() || LOG_LINE.matcher(line).matches())
                .as("documented stderr line: %s", line).isTrue());
    }

    /** Waits for the feed's n-th STREAMING and publishes until a tick reaches standard output. */
    private void awaitStreaming(int times) {
        await().atMost(PATIENCE).until(() -> kraken.tickerSubscriptions(BTC_USD) >= times
                && run.err().lines().filter(line -> line.contains("\"to\":\"STREAMING\"")).count() >= times);
        String last = "6750" + times + ".5";
        await().atMost(PATIENCE).untilAsserted(() -> {
            kraken.publishTicker(BTC_USD, last, "67500.4", "67509.6");
            assertThat(run.out()).contains("\"last\":\"" + last + "\"");
        });
    }
}
