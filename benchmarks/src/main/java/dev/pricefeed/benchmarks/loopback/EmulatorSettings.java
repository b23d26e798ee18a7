package dev.pricefeed.benchmarks.loopback;

import dev.pricefeed.PriceFeed;
import dev.pricefeed.testkit.ExchangeSimulator;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;

/**
 * The settings that point a feed at a simulator in another process, as one word {@code exchange|key=value,...}: the
 * emulator process prints it after {@code READY}, the harness applies it to its builder.
 */
public final class EmulatorSettings {

    private EmulatorSettings() {
    }

    /** The settings {@link ExchangeSimulator#pointAt} gives a builder, as {@code exchange|key=value,key=value}. */
    public static String of(ExchangeSimulator simulator) {
        PriceFeed.Builder builder = PriceFeed.builder().exchange(simulator.exchangeId())
                .environment(Map.of()).systemProperties(new Properties());
        simulator.pointAt(builder);
        StringJoiner settings = new StringJoiner(",", simulator.exchangeId() + "|", "");
        builder.sources().withPrefix(simulator.exchangeId() + ".").forEach((k, v) -> settings.add(k + "=" + v));
        return settings.toString();
    }

    /** The exchange a settings word is for. */
    public static String exchange(String settings) {
        return settings.substring(0, settings.indexOf('|'));
    }

    /** Sets every {@code key=value} of a settings word on the builder, under the exchange's prefix. */
    public static PriceFeed.Builder apply(String settings, PriceFeed.Builder builder) {
        String exchange = exchange(settings);
        for (String setting : settings.substring(settings.indexOf('|') + 1).split(",")) {
            int eq = setting.indexOf('=');
            builder.set(exchange + "." + setting.substring(0, eq), setting.substring(eq + 1));
        }
        return builder;
    }
}
