package dev.pricefeed.kafka;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The three topics under one prefix: {@code <prefix>.ticks} (every merged tick), {@code <prefix>.trades} (every trade)
 * and {@code <prefix>.latest} (compacted: the newest tick per key).
 *
 * @param prefix the topic prefix, such as {@code pricefeed}
 */
public record KafkaTopics(String prefix) {

    /** The prefix when none is given. */
    public static final String DEFAULT_PREFIX = "pricefeed";

    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]+");

    public KafkaTopics {
        Objects.requireNonNull(prefix, "prefix is null");
        // Kafka's own rule for topic names; the longest suffix is ".trades"/".latest" (7 characters) of 249
        if (!LEGAL.matcher(prefix).matches() || prefix.length() > 240) {
            throw new IllegalArgumentException("topic prefix '" + prefix + "' is not a legal Kafka topic name: use up "
                    + "to 240 of the characters a-z, A-Z, 0-9, '.', '_' and '-'");
        }
    }

    /** The topics under the default prefix {@code pricefeed}. */
    public static KafkaTopics defaults() {
        return new KafkaTopics(DEFAULT_PREFIX);
    }

    /** Every merged tick, keyed {@code <exchange>:<instrument>}. */
    public String ticks() {
        return prefix + ".ticks";
    }

    /** Every trade, keyed {@code <exchange>:<instrument>}. */
    public String trades() {
        return prefix + ".trades";
    }

    /** The compacted topic holding the newest tick per key. */
    public String latest() {
        return prefix + ".latest";
    }

    /** All three names. */
    public List<String> all() {
        return List.of(ticks(), trades(), latest());
    }
}
