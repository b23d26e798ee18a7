package dev.pricefeed.benchmarks.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** The sample frames copied from the protocol samples into {@code src/main/resources/frames/}, one per file. */
public final class Frames {

    private Frames() {
    }

    /** The frame named like {@code binance/ticker}, without its trailing newline. */
    public static String load(String name) {
        Objects.requireNonNull(name, "name is null");
        String path = "/frames/" + name + ".json";
        try (InputStream in = Frames.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no frame " + path + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
