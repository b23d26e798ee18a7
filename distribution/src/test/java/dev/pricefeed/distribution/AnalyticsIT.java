package dev.pricefeed.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.Instrument;
import dev.pricefeed.testkit.coinbase.CoinbaseSimulator;
import dev.pricefeed.testkit.kraken.KrakenSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/pricefeed candles} and {@code arbitrage} against exchange emulators on 127.0.0.1. */
class AnalyticsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instrument BTC_USD = Instrument.of("BTC/USD");

    @TempDir
    Path work;

    @Test
    void arbitrageOpensNetOfBothTakerFeesAndClosesWhenThePricesMeet() {
        try (KrakenSimulator kraken = KrakenSimulator.start(); CoinbaseSimulator coinbase = CoinbaseSimulator.start()) {
            Launcher.Run run = new Launcher(work).start("arbitrage", "BTC/USD", "--exchanges", "kraken,coinbase",
                    "--format", "jsonl",
                    "--endpoint", "kraken=" + kraken.server().wsUri(KrakenSimulator.PUBLIC_PATH),
                    "--rest-endpoint", "kraken=" + kraken.server().httpUri("/"),
                    "--endpoint", "coinbase=" + coinbase.server().wsUri("/"),
                    "--rest-endpoint", "coinbase=" + coinbase.server().httpUri("/"));
            try {
                await().atMost(PATIENCE).until(() -> kraken.tickerSubscriptions(BTC_USD) >= 1
                        && coinbase.tickerSubscriptions(BTC_USD) >= 1);
                kraken.publishTicker(BTC_USD, "10000.05", "10000", "10000.1");
                coinbase.publishTicker(BTC_USD, "10100.2", "10100", "10100.5");
                await().atMost(PATIENCE).until(() -> run.out().contains("\"state\":\"open\""));
                kraken.publishTicker(BTC_USD, "10050", "10049.9", "10050.1");
                await().atMost(PATIENCE).until(() -> run.out().contains("\"state\":\"closed\""));

                run.interrupt();

                assertThat(run.awaitExit(PATIENCE)).as(run.err()).isZero();
            } finally {
                run.destroy();
            }
            // 10100 × (1 − 0.006) − 10000.1 × (1 + 0.0026) = 10039.4 − 10026.10026 = 13.29974 per BTC
            assertThat(run.outLines()).first().asString().startsWith("{\"type\":\"arbitrage\",\"instrument\":\"BTC/USD\","
                    + "\"buy\":{\"exchange\":\"kraken\",\"instrument\":\"BTC/USD\",\"price\":\"10000.1\","
                    + "\"size\":\"2.25\"},\"sell\":{\"exchange\":\"coinbase\",\"instrument\":\"BTC/USD\","
                    + "\"price\":\"10100\",\"size\":\"0.50000000\"},\"size\":\"0.50000000\","
                    + "\"netSpread\":\"13.29974\",\"netSpreadBps\":\"13.27\",\"state\":\"open\",\"at\":\"");
            assertThat(run.outLines()).last().asString().contains("\"state\":\"closed\"");
            StackTraces.assertNone(run.err());
        }
    }

    @Test
    void candlesStartWithTheExchangesHistoryAndEndWithTheRunningCandle() {
        try (KrakenSimulator kraken = KrakenSimulator.start()) {
            Launcher.Run run = new Launcher(work).run("candles", "kraken", "BTC/USD", "--interval", "1d",
                    "--history", "72h", "--indicators", "sma2", "--format", "jsonl", "--duration", "2s",
                    "--endpoint", kraken.server().wsUri(KrakenSimulator.PUBLIC_PATH).toString(),
                    "--rest-endpoint", kraken.server().httpUri("/").toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
            List<String> lines = run.outLines();
            assertThat(lines).hasSize(4);
            for (int i = 0; i < 3; i++) {
                assertThat(lines.get(i)).startsWith("{\"type\":\"candle\",\"exchange\":\"kraken\","
                        + "\"instrument\":\"BTC/USD\",\"interval\":\"1d\",\"openTime\":\""
                        + today.minus(Duration.ofDays(3 - i)) + "\"").contains("\"closed\":true,\"source\":\"history\"");
            }
            assertThat(lines.get(1)).contains("\"indicators\":{\"sma2\":\"");
            assertThat(lines.get(3)).contains("\"openTime\":\"" + today + "\"", "\"closed\":false,\"source\":\"live\"");
            StackTraces.assertNone(run.err());
        }
    }
}
