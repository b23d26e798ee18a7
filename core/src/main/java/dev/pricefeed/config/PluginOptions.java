package dev.pricefeed.config;

import dev.pricefeed.spi.OptionSpec;
import dev.pricefeed.spi.OptionValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A feed's plugin options checked against what the provider declares: every declared key has a typed value (the
 * configured one or the default), and every problem (an unknown key, with a suggestion; a value of the wrong type or
 * out of range) is reported, never thrown one at a time.
 */
public final class PluginOptions implements OptionValues {

    /** Keys under {@code <exchange>.} that belong to the core, not to the plugin. */
    private static final List<String> CORE_KEYS = List.of("api-key", "api-secret", "endpoint.websocket",
            "endpoint.rest");

    private final String exchange;
    private final Map<String, OptionSpec> declared;
    private final Map<String, Object> values;

    private PluginOptions(String exchange, Map<String, OptionSpec> declared, Map<String, Object> values) {
        this.exchange = exchange;
        this.declared = Collections.unmodifiableMap(declared);
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Checks configured options against declarations, adding one sentence per problem to {@code problems}.
     *
     * @param exchange the exchange id, for messages
     * @param declarations what the provider declares
     * @param configured the options set, keys without the {@code <exchange>.} prefix ({@code endpoint.*}, the API key
     *     and secret excluded)
     * @param problems where problems are added
     */
    public static PluginOptions check(String exchange, List<OptionSpec> declarations, Map<String, String> configured,
            List<String> problems) {
        Objects.requireNonNull(exchange, "exchange is null");
        Map<String, OptionSpec> declared = new LinkedHashMap<>();
        for (OptionSpec spec : declarations) {
            if (declared.putIfAbsent(spec.key(), spec) != null) {
                problems.add("the " + exchange + " plugin declares the option " + spec.key() + " twice");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (OptionSpec spec : declared.values()) {
            Object fallback = read(spec, spec.defaultValue());
            if (fallback == null) {
                problems.add("the " + exchange + " plugin's default for " + exchange + "." + spec.key() + " ('"
                        + spec.defaultValue() + "') is not " + spec.accepts());
            }
            values.put(spec.key(), fallback);
        }
        new TreeMap<>(configured).forEach((key, text) -> {
            OptionSpec spec = declared.get(key);
            if (spec == null) {
                problems.add(unknown(exchange, key, declared));
                return;
            }
            Object value = read(spec, text);
            if (value == null) {
                String shown = FeedConfig.looksSecret(key) ? "***" : "'" + text + "'";
                problems.add(exchange + "." + key + " must be " + spec.accepts() + ", got " + shown);
            } else {
                values.put(key, value);
            }
        });
        return new PluginOptions(exchange, declared, values);
    }

    /**
     * Checks configured options against declarations.
     *
     * @throws ConfigException listing every problem
     */
    public static PluginOptions of(String exchange, List<OptionSpec> declarations, Map<String, String> configured) {
        List<String> problems = new ArrayList<>();
        PluginOptions options = check(exchange, declarations, configured, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return options;
    }

    /** What the provider declared, in its order. */
    public List<OptionSpec> declared() {
        return List.copyOf(declared.values());
    }

    @Override
    public String string(String key) {
        return (String) value(key, OptionSpec.Type.STRING);
    }

    @Override
    public boolean bool(String key) {
        return (Boolean) value(key, OptionSpec.Type.BOOLEAN);
    }

    @Override
    public int integer(String key) {
        return (Integer) value(key, OptionSpec.Type.INTEGER);
    }

    @Override
    public Duration duration(String key) {
        return (Duration) value(key, OptionSpec.Type.DURATION);
    }

    private Object value(String key, OptionSpec.Type type) {
        OptionSpec spec = declared.get(key);
        if (spec == null) {
            throw new IllegalArgumentException("the " + exchange + " plugin declares no option '" + key + "' (it has "
                    + (declared.isEmpty() ? "none" : String.join(", ", declared.keySet())) + ")");
        }
        if (spec.type() != type) {
            throw new IllegalArgumentException(exchange + "." + key + " is declared " + spec.type() + ", not " + type);
        }
        return values.get(key);
    }

    /** The value of {@code text} for the option, or null when it is not acceptable. */
    private static Object read(OptionSpec spec, String text) {
        String t = text.trim();
        switch (spec.type()) {
            case STRING -> {
                if (spec.allowed().isEmpty()) {
                    return t;
                }
                String lower = t.toLowerCase(Locale.ROOT);
                return spec.allowed().contains(lower) ? lower : null;
            }
            case BOOLEAN -> {
                String lower = t.toLowerCase(Locale.ROOT);
                return lower.equals("true") || lower.equals("false") ? Boolean.valueOf(lower) : null;
            }
            case INTEGER -> {
                try {
                    int value = Integer.parseInt(t);
                    return value >= spec.min() && value <= spec.max() ? value : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            case DURATION -> {
                try {
                    Duration value = FeedConfig.parseDuration(t);
                    return value.isNegative() || value.isZero() ? null : value;
                } catch (RuntimeException e) {
                    return null;
                }
            }
            default -> throw new IllegalStateException("unknown option type " + spec.type());
        }
    }

    private static String unknown(String exchange, String key, Map<String, OptionSpec> declared) {
        List<String> known = new ArrayList<>(declared.keySet());
        known.addAll(CORE_KEYS);
        String closest = null;
        int best = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = EditDistance.between(key, candidate);
            if (distance < best) {
                best = distance;
                closest = candidate;
            }
        }
        StringBuilder text = new StringBuilder(exchange).append('.').append(key).append(" is not a setting of the ")
                .append(exchange).append(" plugin");
        if (closest != null && best <= Math.max(2, key.length() / 4)) {
            text.append(": did you mean ").append(exchange).append('.').append(closest).append('?');
        }
        text.append(" (its options: ").append(declared.isEmpty() ? "none" : String.join(", ", declared.keySet()))
                .append(')');
        return text.toString();
    }

    /** Every option's value, sorted by key, with secret-looking ones (a passphrase, a token) as {@code ***}. */
    Map<String, Object> shown() {
        Map<String, Object> shown = new TreeMap<>();
        values.forEach((key, value) -> shown.put(key, FeedConfig.looksSecret(key) ? "***" : value));
        return shown;
    }

    @Override
    public String toString() {
        return "PluginOptions[" + exchange + ", " + shown() + "]";
    }
}
