package dev.pricefeed.spi;

import java.time.Duration;

/**
 * A feed's plugin options, validated against the provider's {@link ExchangeProvider#options() declarations}: each
 * accessor returns the configured value or the declared default. Asking for a key the provider did not declare, or as
 * another type, is a programming error and throws {@link IllegalArgumentException}.
 */
public interface OptionValues {

    /** The value of a declared {@link OptionSpec.Type#STRING} option (a declared choice, or free text). */
    String string(String key);

    /** The value of a declared {@link OptionSpec.Type#BOOLEAN} option. */
    boolean bool(String key);

    /** The value of a declared {@link OptionSpec.Type#INTEGER} option. */
    int integer(String key);

    /** The value of a declared {@link OptionSpec.Type#DURATION} option. */
    Duration duration(String key);
}
