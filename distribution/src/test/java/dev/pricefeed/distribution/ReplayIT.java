package dev.pricefeed.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.Instrument;
import dev.pricefeed.testkit.kraken.KrakenSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/pricefeed record} and {@code replay}: the same parser and cache as a live feed, from a file. */
class ReplayIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path work;

    private Path sample(String name) throws IOException {
        Path file = work.resolve(name);
        try (InputStream in = ReplayIT.class.getResourceAsStream("/samples/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    /** Drops the receive time, which a raw replay takes from the clock. */
    private static String withoutReceivedAt(String line) {
        return line.replaceAll(",\"receivedAt\":\"[^\"]+\"", "");
    }

    @Test
    void rawBinanceFramesReplayWithTheInstrumentAsContext() throws IOException {
        Path frames = sample("binance-raw-frames.txt");

        Launcher.Run run = new Launcher(work).run("replay", "binance", frames.toString(), "--raw", "NKN/USDT");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).map(ReplayIT::withoutReceivedAt).containsExactly(
                "{\"type\":\"tick\",\"exchange\":\"binance\",\"instrument\":\"NKN/USDT\",\"bid\":\"0.35210000\","
                        + "\"bidSize\":\"672.00000000\",\"ask\":\"0.35260000\",\"askSize\":\"3199.00000000\","
                        + "\"sequence\":\"499869768\"}",
                "{\"type\":\"trade\",\"exchange\":\"binance\",\"instrument\":\"NKN/USDT\",\"price\":\"0.35280000\","
                        + "\"size\":\"58.00000000\",\"side\":\"buy\",\"tradeId\":\"15683430\","
                        + "\"exchangeTime\":\"2021-10-12T00:28:43.963Z\"}");
        assertThat(run.err()).contains("replayed 2 frames", "1 ticks, 1 trades");
    }

    @Test
    void aRawCoinbaseTickerKeepsEveryDecimalAsReceived() throws IOException {
        Path frames = sample("coinbase-raw-frames.txt");

        Launcher.Run run = new Launcher(work).run("replay", "coinbase", frames.toString(), "--raw");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).map(ReplayIT::withoutReceivedAt).containsExactly(
                "{\"type\":\"tick\",\"exchange\":\"coinbase\",\"instrument\":\"BAND/GBP\",\"last\":\"14.7775\","
                        + "\"lastSize\":\"0.04\",\"bid\":\"14.7550\",\"ask\":\"14.8060\",\"open\":\"14.6647\","
                        + "\"high\":\"16.55\",\"low\":\"14.3691\",\"volume\":\"94381.28000000\","
                        + "\"exchangeTime\":\"2021-04-17T16:43:30.244075Z\",\"sequence\":\"333938798\"}");
    }

    @Test
    void aRecordingOfTheEmulatorReplaysToTheSameTicks() throws IOException {
        Instrument btcUsd = Instrument.of("BTC/USD");
        Path recording = work.resolve("kraken.jsonl");
        Launcher.Run record;
        try (KrakenSimulator kraken = KrakenSimulator.start()) {
            record = new Launcher(work).start("record", "kraken", "BTC/USD", "--out", recording.toString(),
                    "--endpoint", kraken.server().wsUri(KrakenSimulator.PUBLIC_PATH).toString(),
                    "--rest-endpoint", kraken.server().httpUri("/").toString());
            try {
                await().atMost(PATIENCE).until(() -> kraken.tickerSubscriptions(btcUsd) >= 1
                        && record.err().contains("\"to\":\"STREAMING\""));
                kraken.publishTicker(btcUsd, "67523.1", "67523.0", "67523.2");
                kraken.publishTicker(btcUsd, "67524.7", "67524.6", "67524.8");
                await().atMost(PATIENCE).until(() -> Files.readString(recording).contains("67524.7"));

                record.interrupt();

                assertThat(record.awaitExit(PATIENCE)).as(record.err()).isZero();
            } finally {
                record.destroy();
            }
        }
        List<String> lines = Files.readAllLines(recording, StandardCharsets.UTF_8);
        assertThat(lines).isNotEmpty().allSatisfy(line ->
                assertThat(line).matches("\\{\"receivedAt\":\"\\d{4}-\\d\\d-\\d\\dT[^\"]+Z\",\"frame\":\".*\"}"));
        assertThat(record.err()).contains("recorded " + lines.size() + " frames");
        String receivedAt = lines.stream().filter(line -> line.contains("67524.7")).findFirst().orElseThrow()
                .substring("{\"receivedAt\":\"".length()).split("\"")[0];

        Launcher.Run replay = new Launcher(work).run("replay", "kraken", recording.toString());

        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.outLines()).anySatisfy(line -> assertThat(line)
                .startsWith("{\"type\":\"tick\",\"exchange\":\"kraken\",\"instrument\":\"BTC/USD\","
                        + "\"last\":\"67524.7\"")
                .contains("\"bid\":\"67524.6\"", "\"ask\":\"67524.8\"", "\"receivedAt\":\"" + receivedAt + "\""));
        StackTraces.assertNone(replay.err());
    }

    @Test
    void aBrokenLineIsReportedAndSkipped() throws IOException {
        Path recording = Files.writeString(work.resolve("broken.jsonl"), "this is not json\n"
                + "{\"receivedAt\":\"2024-05-01T10:00:00Z\",\"frame\":\"{\\\"channel\\\":\\\"oops\"}\n"
                + "{\"receivedAt\":\"2024-05-01T10:00:01Z\",\"frame\":" + quoted(
                        "{\"channel\":\"ticker\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"bid\":1.5,"
                                + "\"bid_qty\":2,\"ask\":1.6,\"ask_qty\":3,\"last\":1.55,\"volume\":10,\"vwap\":1.5,"
                                + "\"low\":1.4,\"high\":1.7,\"change\":0.05,\"change_pct\":3.33}]}") + "}\n");

        Launcher.Run run = new Launcher(work).run("replay", "kraken", recording.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("line 1 is not a recording line", "line 2 could not be parsed",
                "replayed 2 frames");
        assertThat(run.outLines()).singleElement().asString()
                .contains("\"instrument\":\"BTC/USD\",\"last\":\"1.55\"", "\"receivedAt\":\"2024-05-01T10:00:01Z\"");
        StackTraces.assertNone(run.err());
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
