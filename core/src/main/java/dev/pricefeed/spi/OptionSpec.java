package dev.pricefeed.spi;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One option a plugin declares ({@code <exchange>.<key>} in the configuration); the core validates every setting
 * against these before a feed is made, and a connector reads the typed value through {@link ExchangeContext#options()}.
 *
 * @param key the key without the exchange prefix, lower case with dashes, such as {@code event-trigger}
 * @param type what the value is
 * @param defaultValue the value when none is set, written as a user would ({@code trades}, {@code 24h}, {@code 1024})
 * @param allowed the only values accepted, for {@link Type#STRING}; empty when any text is accepted
 * @param min the smallest value accepted, for {@link Type#INTEGER}
 * @param max the largest value accepted, for {@link Type#INTEGER}
 * @param description what the option does, in one line
 */
public record OptionSpec(String key, Type type, String defaultValue, List<String> allowed, int min, int max,
        String description) {

    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** What an option's value is. */
    public enum Type {
        /** Text, optionally one of {@link OptionSpec#allowed()}. */
        STRING,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** A whole number between {@link OptionSpec#min()} and {@link OptionSpec#max()}. */
        INTEGER,
        /** A positive duration: seconds ({@code 5}), with a unit ({@code 500ms}, {@code 2m}, {@code 24h}) or ISO. */
        DURATION
    }

    public OptionSpec {
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(defaultValue, "defaultValue is null");
        Objects.requireNonNull(description, "description is null");
        allowed = List.copyOf(Objects.requireNonNull(allowed, "allowed is null"));
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("option key '" + key + "' is not lower case words joined by dashes");
        }
        if (key.equals("api-key") || key.equals("api-secret") || key.equals("endpoint")) {
            throw new IllegalArgumentException("option key '" + key + "' is reserved for the core's own settings");
        }
        if (!allowed.isEmpty() && type != Type.STRING) {
            throw new IllegalArgumentException("option " + key + ": allowed values are for STRING options only");
        }
        if (!allowed.isEmpty() && !allowed.contains(defaultValue)) {
            throw new IllegalArgumentException("option " + key + ": the default '" + defaultValue
                    + "' is not one of " + allowed);
        }
        if (min > max) {
            throw new IllegalArgumentException("option " + key + ": min " + min + " is above max " + max);
        }
        if (description.isBlank() || description.contains("\n")) {
            throw new IllegalArgumentException("option " + key + ": the description must be one line");
        }
    }

    /** A text option that takes one of {@code allowed}. */
    public static OptionSpec choice(String key, String defaultValue, List<String> allowed, String description) {
        return new OptionSpec(key, Type.STRING, defaultValue, allowed, Integer.MIN_VALUE, Integer.MAX_VALUE,
                description);
    }

    /** A free text option; an empty default means "not set". */
    public static OptionSpec text(String key, String defaultValue, String description) {
        return new OptionSpec(key, Type.STRING, defaultValue, List.of(), Integer.MIN_VALUE, Integer.MAX_VALUE,
                description);
    }

    /** A {@code true}/{@code false} option. */
    public static OptionSpec flag(String key, boolean defaultValue, String description) {
        return new OptionSpec(key, Type.BOOLEAN, Boolean.toString(defaultValue), List.of(), Integer.MIN_VALUE,
                Integer.MAX_VALUE, description);
    }

    /** A whole-number option within {@code [min, max]}. */
    public static OptionSpec integer(String key, int defaultValue, int min, int max, String description) {
        if (defaultValue < min || defaultValue > max) {
            throw new IllegalArgumentException("option " + key + ": the default " + defaultValue + " is outside ["
                    + min + ", " + max + "]");
        }
        return new OptionSpec(key, Type.INTEGER, Integer.toString(defaultValue), List.of(), min, max, description);
    }

    /** A positive duration option, its default written like a user would ({@code 10s}, {@code 24h}). */
    public static OptionSpec duration(String key, String defaultValue, String description) {
        return new OptionSpec(key, Type.DURATION, defaultValue, List.of(), Integer.MIN_VALUE, Integer.MAX_VALUE,
                description);
    }

    /** What values are accepted, in words ({@code trades or bbo}), for listings and error messages. */
    public String accepts() {
        return switch (type) {
            case STRING -> allowed.isEmpty() ? "any text" : allowed.size() == 1 ? allowed.get(0)
                    : String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or "
                            + allowed.get(allowed.size() - 1);
            case BOOLEAN -> "true or false";
            case INTEGER -> max == Integer.MAX_VALUE ? "a whole number of at least " + min
                    : "a whole number from " + min + " to " + max;
            case DURATION -> "a positive duration (30s, 500ms, 2m, 24h, PT5S)";
        };
    }
}
