package dev.pricefeed.benchmarks.loopback;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Raw results as JSON files under {@code benchmarks/results/raw/}, read back by the report. */
public final class Results {

    private Results() {
    }

    /** Latency percentiles in microseconds. */
    public static JsonObjectBuilder latency(Histogram h) {
        return Json.createObjectBuilder()
                .add("samples", h.getTotalCount())
                .add("p50_us", micros(h.getValueAtPercentile(50)))
                .add("p99_us", micros(h.getValueAtPercentile(99)))
                .add("p99_9_us", micros(h.getValueAtPercentile(99.9)))
                .add("max_us", micros(h.getMaxValue()))
                .add("mean_us", Math.round(h.getMean() / 100.0) / 10.0);
    }

    private static double micros(long nanos) {
        return Math.round(nanos / 100.0) / 10.0;
    }

    /** Writes the object, pretty-printed. */
    public static void write(Path file, JsonObject result) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JsonWriterFactory factory = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             JsonWriter writer = factory.createWriter(out)) {
            writer.writeObject(result);
        }
    }

    /** The JVM this runs on, for the report. */
    public static JsonObjectBuilder jvm() {
        Runtime rt = Runtime.getRuntime();
        return Json.createObjectBuilder()
                .add("version", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"))
                .add("max_heap_mb", rt.maxMemory() / (1024 * 1024))
                .add("processors", rt.availableProcessors());
    }
}
