package dev.pricefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code candles} and {@code arbitrage} in this JVM, with the exchange plugins on the test class path. */
class AnalyticsCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final StopSignal stop = new StopSignal();

    private int run(String... args) {
        CliEnvironment env = new CliEnvironment(null, stop, false, Clock.systemUTC());
        return Cli.create(env, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private List<String> outLines() {
        return out.toString().lines().toList();
    }

    /** A Binance trade frame in the combined-stream envelope, as recorded raw. */
    private static String binanceTrade(long id, String time, String price, String size) {
        long millis = Instant.parse("2024-05-01T" + time + "Z").toEpochMilli();
        return "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":" + millis + ",\"s\":\"BTCUSDT\",\"t\":"
                + id + ",\"p\":\"" + price + "\",\"q\":\"" + size + "\",\"T\":" + millis + ",\"m\":false,\"M\":true}}";
    }

    @Test
    void candlesFromRawFramesAreExactWithAFlatMinuteALateTradeAndARepeatedFrameCountedOnce(@TempDir Path dir)
            throws IOException {
        Path frames = Files.write(dir.resolve("frames.txt"), List.of(
                binanceTrade(1, "10:00:05", "100.10", "0.5"),
                binanceTrade(2, "10:00:20", "100.30", "0.25"),
                binanceTrade(3, "10:00:59.999", "99.90", "1.5"),
                binanceTrade(3, "10:00:59.999", "99.90", "1.5"),
                binanceTrade(4, "10:02:01", "100.00", "2"),
                binanceTrade(5, "10:00:30", "200", "9"),
                binanceTrade(6, "10:02:30", "100.05", "0.1")));

        int code = run("candles", "binance", "BTC/USDT", "--from", frames.toString(), "--raw", "--interval", "1m",
                "--indicators", "sma2");

        assertThat(code).as(err.toString()).isZero();
        assertThat(outLines()).containsExactly(
                "{\"type\":\"candle\",\"exchange\":\"binance\",\"instrument\":\"BTC/USDT\",\"interval\":\"1m\","
                        + "\"openTime\":\"2024-05-01T10:00:00Z\",\"closeTime\":\"2024-05-01T10:01:00Z\","
                        + "\"open\":\"100.10\",\"high\":\"100.30\",\"low\":\"99.90\",\"close\":\"99.90\","
                        + "\"volume\":\"2.25\",\"trades\":3,\"vwap\":\"99.98888888888888888888888888888889\","
                        + "\"closed\":true,\"source\":\"replay\"}",
                "{\"type\":\"candle\",\"exchange\":\"binance\",\"instrument\":\"BTC/USDT\",\"interval\":\"1m\","
                        + "\"openTime\":\"2024-05-01T10:01:00Z\",\"closeTime\":\"2024-05-01T10:02:00Z\","
                        + "\"open\":\"99.90\",\"high\":\"99.90\",\"low\":\"99.90\",\"close\":\"99.90\","
                        + "\"volume\":\"0\",\"trades\":0,\"closed\":true,\"source\":\"replay\","
                        + "\"indicators\":{\"sma2\":\"99.9\"}}",
                "{\"type\":\"candle\",\"exchange\":\"binance\",\"instrument\":\"BTC/USDT\",\"interval\":\"1m\","
                        + "\"openTime\":\"2024-05-01T10:02:00Z\",\"closeTime\":\"2024-05-01T10:03:00Z\","
                        + "\"open\":\"100.00\",\"high\":\"100.05\",\"low\":\"100.00\",\"close\":\"100.05\","
                        + "\"volume\":\"2.1\",\"trades\":2,\"vwap\":\"100.0023809523809523809523809523810\","
                        + "\"closed\":false,\"source\":\"replay\"}");
        assertThat(err.toString()).contains("read 7 frames from " + frames + ": 6 trades, 1 late, 0 errors");
    }

    @Test
    void candlesFromARecordingUseTheTradesInIt(@TempDir Path dir) throws IOException {
        String frame = binanceTrade(1, "10:00:05", "100.10", "0.5");
        Path recording = Files.write(dir.resolve("binance.jsonl"), List.of(
                "{\"receivedAt\":\"2024-05-01T10:00:05.040Z\",\"frame\":" + quoted(frame) + "}",
                "not a recording line"));

        int code = run("candles", "binance", "BTC/USDT", "--from", recording.toString(), "--interval", "15m");

        assertThat(code).as(err.toString()).isZero();
        assertThat(outLines()).containsExactly("{\"type\":\"candle\",\"exchange\":\"binance\","
                + "\"instrument\":\"BTC/USDT\",\"interval\":\"15m\",\"openTime\":\"2024-05-01T10:00:00Z\","
                + "\"closeTime\":\"2024-05-01T10:15:00Z\",\"open\":\"100.10\",\"high\":\"100.10\",\"low\":\"100.10\","
                + "\"close\":\"100.10\",\"volume\":\"0.5\",\"trades\":1,\"vwap\":\"100.10\",\"closed\":false,"
                + "\"source\":\"replay\"}");
        assertThat(err.toString()).contains("line 2 is not a recording line", "1 trades, 0 late, 1 errors");
    }

    @Test
    void badCandleOptionsAreOneLineWithExitCode2() {
        assertThat(run("candles", "kraken", "BTC/USD", "--indicators", "sma20,stoch")).isEqualTo(Cli.USAGE);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("pricefeed candles: unknown indicator 'stoch'; use sma<N>, ema<N>");

        StringWriter second = new StringWriter();
        int code = Cli.create(new CliEnvironment(null, stop, false, Clock.systemUTC()), new PrintWriter(out, true),
                new PrintWriter(second, true)).execute("candles", "kraken", "BTC/USD", "--interval", "7m");
        assertThat(code).isEqualTo(Cli.USAGE);
        assertThat(second.toString()).contains("7m does not divide a day evenly");
    }

    @Test
    void badArbitrageOptionsAreOneLineWithExitCode2() {
        assertThat(run("arbitrage", "BTC/USD", "--fee", "kraken=lots")).isEqualTo(Cli.USAGE);
        assertThat(err.toString().lines()).singleElement().asString()
                .isEqualTo("pricefeed arbitrage: fee 'kraken=lots' is not EXCHANGE=FRACTION, such as kraken=0.0026");

        StringWriter second = new StringWriter();
        int code = Cli.create(new CliEnvironment(null, stop, false, Clock.systemUTC()), new PrintWriter(out, true),
                new PrintWriter(second, true)).execute("arbitrage", "BTC/USD", "--exchanges", "kraken,bitfinex");
        assertThat(code).isEqualTo(Cli.USAGE);
        assertThat(second.toString()).contains("unknown exchange 'bitfinex'");
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
