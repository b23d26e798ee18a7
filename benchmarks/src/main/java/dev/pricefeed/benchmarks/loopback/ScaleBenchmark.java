package dev.pricefeed.benchmarks.loopback;

import dev.pricefeed.PriceFeed;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scale: 1,000 instruments across the four exchanges (250 each) on their emulators (a process of their own), one
 * pricefeed feed per exchange in this process with the default conflating tick listener. After a warm-up, reports
 * connections used, heap after a full GC, RSS and ticks per second in steady state.
 *
 * <p>Usage: {@code ScaleBenchmark RESULT.json PER_EXCHANGE TICKS_PER_INSTRUMENT_PER_SECOND WARM_S MEASURE_S}
 */
public final class ScaleBenchmark {

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int perExchange = Integer.parseInt(args[1]);
        double rate = Double.parseDouble(args[2]);
        long warm = Long.parseLong(args[3]);
        long measure = Long.parseLong(args[4]);
        AtomicLong delivered = new AtomicLong();
        List<PriceFeed> feeds = new ArrayList<>();
        JsonObjectBuilder result = Json.createObjectBuilder().add("benchmark", "scale")
                .add("when", Instant.now().toString()).add("jvm", Results.jvm())
                .add("instruments", perExchange * 4L).add("ticks_per_instrument_per_second", rate);
        long heapBaseline = ProcessStats.heapAfterGc();
        long rssBaseline = ProcessStats.rssBytes();
        try (EmulatorChild emulators = EmulatorChild.start(ScaleEmulators.class, "1g", Integer.toString(perExchange))) {
            long startNanos = System.nanoTime();
            for (String exchangeSettings : emulators.ready()) {
                String exchange = EmulatorSettings.exchange(exchangeSettings);
                String quote = exchange.equals("binance") || exchange.equals("kucoin") ? "USDT" : "USD";
                PriceFeed.Builder builder = PriceFeed.builder().exchange(exchange)
                        .instruments(ScaleEmulators.names(perExchange, quote))
                        .environment(Map.of()).systemProperties(new Properties());
                EmulatorSettings.apply(exchangeSettings, builder);
                PriceFeed feed = builder.build();
                feed.onTick(tick -> delivered.incrementAndGet());
                feed.start();
                feeds.add(feed);
            }
            emulators.call("publish " + rate);
            awaitAllStreaming(feeds, perExchange);
            double connectSeconds = (System.nanoTime() - startNanos) / 1e9;
            LoopbackBenchmark.log(String.format("scale: every instrument has a price after %.1f s; warming up %d s",
                    connectSeconds, warm));
            Thread.sleep(warm * 1000);
            long ticksBefore = cacheTicks(feeds);
            long deliveredBefore = delivered.get();
            long cpuBefore = ProcessStats.cpuNanos();
            long t0 = System.nanoTime();
            long maxHeapUsed = 0;
            for (long s = 0; s < measure * 10; s++) {
                Thread.sleep(100);
                maxHeapUsed = Math.max(maxHeapUsed, ProcessStats.heapUsed());
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long ticks = cacheTicks(feeds) - ticksBefore;
            long listened = delivered.get() - deliveredBefore;
            long cpu = ProcessStats.cpuNanos() - cpuBefore;
            String[] stats = emulators.call("stats");
            JsonObjectBuilder connections = Json.createObjectBuilder();
            long totalConnections = 0;
            for (int i = 2; i < stats.length; i++) {
                String[] kv = stats[i].split("=");
                connections.add(kv[0], Long.parseLong(kv[1]));
                totalConnections += Long.parseLong(kv[1]);
            }
            long rss = ProcessStats.rssBytes();
            long heap = ProcessStats.heapAfterGc();
            result.add("seconds_to_all_prices", Math.round(connectSeconds * 10) / 10.0)
                    .add("connections", totalConnections)
                    .add("connections_by_exchange", connections)
                    .add("ticks_per_second_cache", Math.round(ticks / seconds))
                    .add("ticks_per_second_listener", Math.round(listened / seconds))
                    .add("client_cpu_share_of_one_core", Math.round(1000.0 * cpu / (seconds * 1e9)) / 1000.0)
                    .add("heap_after_gc_mb", mb(heap))
                    .add("heap_baseline_mb", mb(heapBaseline))
                    .add("heap_max_used_mb", mb(maxHeapUsed))
                    .add("rss_mb", mb(rss))
                    .add("rss_baseline_mb", mb(rssBaseline))
                    .add("threads", Thread.activeCount());
            LoopbackBenchmark.log(String.format("scale: %d connections, %.0f ticks/s into the cache, heap after GC "
                    + "%.1f MB, RSS %.1f MB", totalConnections, ticks / seconds, mb(heap), mb(rss)));
            // the feeds go before the emulators, or they would log the closed connections and back off
            feeds.forEach(PriceFeed::close);
            feeds.clear();
        } finally {
            feeds.forEach(PriceFeed::close);
        }
        Results.write(Path.of(args[0]), result.build());
        System.exit(0);
    }

    private static void awaitAllStreaming(List<PriceFeed> feeds, int perExchange) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (feeds.stream().allMatch(f -> f.cache().all().size() >= perExchange)) {
                return;
            }
            Thread.sleep(50);
        }
        StringBuilder where = new StringBuilder();
        feeds.forEach(f -> where.append(f.exchange()).append('=').append(f.cache().all().size()).append(' ')
                .append(f.state()).append("; "));
        throw new IllegalStateException("not every instrument got a price within 120 s: " + where);
    }

    private static long cacheTicks(List<PriceFeed> feeds) {
        return feeds.stream().mapToLong(f -> f.metrics().ticks()).sum();
    }

    private static double mb(long bytes) {
        return Math.round(bytes / 104857.6) / 10.0;
    }
}
