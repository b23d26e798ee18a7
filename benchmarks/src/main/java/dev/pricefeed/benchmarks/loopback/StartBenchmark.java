package dev.pricefeed.benchmarks.loopback;

import dev.pricefeed.testkit.binance.BinanceSimulator;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Start to first tick: from starting the process {@code bin/pricefeed watch binance BTC/USDT --format jsonl} (pointed
 * at the emulator, which pushes the ticker every 10 ms) to the first tick line on its standard output. For scale,
 * also the time of {@code bin/pricefeed --version} (JVM start and the command line, no feed).
 *
 * <p>Usage: {@code StartBenchmark DISTRIBUTION_DIR RESULT.json RUNS}; a missing distribution is recorded as skipped.
 */
public final class StartBenchmark {

    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private StartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path launcher = home.resolve("bin").resolve("pricefeed");
        int runs = Integer.parseInt(args[2]);
        if (!Files.isExecutable(launcher)) {
            Results.write(Path.of(args[1]), Json.createObjectBuilder()
                    .add("benchmark", "start")
                    .add("skipped", launcher + " does not exist: build the distribution first "
                            + "(mvn -pl distribution -am package)")
                    .build());
            LoopbackBenchmark.log("start: skipped, no " + launcher);
            System.exit(0);
        }
        List<Double> firstTick = new ArrayList<>();
        List<Double> version = new ArrayList<>();
        JsonArrayBuilder each = Json.createArrayBuilder();
        try (BinanceSimulator simulator = BinanceSimulator.builder().tickerInterval(Duration.ofMillis(10))
                .noPings().start()) {
            String ws = simulator.server().wsUri("/").toString();
            String rest = simulator.server().httpUri("/").toString();
            for (int i = 0; i < runs; i++) {
                version.add(timeToLine(List.of(launcher.toString(), "--version"), line -> !line.isBlank()));
                double ms = timeToLine(List.of(launcher.toString(), "watch", "binance", "BTC/USDT", "--format",
                        "jsonl", "--endpoint", ws, "--rest-endpoint", rest), StartBenchmark::isTick);
                firstTick.add(ms);
                each.add(RecoveryBenchmark.round(ms));
                LoopbackBenchmark.log(String.format("start %d: first tick after %.0f ms", i + 1, ms));
            }
        }
        Collections.sort(firstTick);
        Collections.sort(version);
        Results.write(Path.of(args[1]), Json.createObjectBuilder()
                .add("benchmark", "start")
                .add("when", Instant.now().toString())
                .add("command", "bin/pricefeed watch binance BTC/USDT --format jsonl --endpoint <emulator> "
                        + "--rest-endpoint <emulator>")
                .add("runs", runs)
                .add("median_ms", RecoveryBenchmark.round(RecoveryBenchmark.median(firstTick)))
                .add("min_ms", RecoveryBenchmark.round(firstTick.get(0)))
                .add("max_ms", RecoveryBenchmark.round(firstTick.get(firstTick.size() - 1)))
                .add("each_ms", each)
                .add("version_median_ms", RecoveryBenchmark.round(RecoveryBenchmark.median(version)))
                .build());
        System.exit(0);
    }

    /** A JSON Lines tick of the instrument (events go to standard error). */
    private static boolean isTick(String line) {
        return line.startsWith("{") && line.contains("BTC/USDT");
    }

    /** Milliseconds from starting the command to the first line of its standard output that matches. */
    private static double timeToLine(List<String> command, java.util.function.Predicate<String> wanted)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("JAVA_OPTS");
        long start = System.nanoTime();
        Process process = builder.start();
        CompletableFuture<Long> seen = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (wanted.test(line)) {
                        return System.nanoTime();
                    }
                }
                return -1L;
            } catch (IOException e) {
                return -1L;
            }
        });
        try {
            long at = seen.get(GIVE_UP.toMillis(), TimeUnit.MILLISECONDS);
            if (at < 0) {
                throw new IllegalStateException(String.join(" ", command) + " printed no matching line");
            }
            return (at - start) / 1e6;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(String.join(" ", command) + ": no matching line within " + GIVE_UP, e);
        } finally {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
