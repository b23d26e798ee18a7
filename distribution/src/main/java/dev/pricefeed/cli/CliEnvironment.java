package dev.pricefeed.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What the commands get from the process around them.
 *
 * @param home the distribution folder ({@code -Dpricefeed.home}), or {@code null} when run from elsewhere
 * @param stop the Ctrl-C signal
 * @param terminal whether standard output is a terminal (then {@code watch} draws a table)
 * @param clock the clock for ages and replayed receive times
 */
record CliEnvironment(Path home, StopSignal stop, boolean terminal, Clock clock) {

    /** The system property the launcher sets to the distribution folder. */
    static final String HOME_PROPERTY = "pricefeed.home";

    CliEnvironment {
        Objects.requireNonNull(stop, "stop is null");
        Objects.requireNonNull(clock, "clock is null");
    }

    /** The distribution's {@code plugins/} folder, if there is a distribution. */
    Optional<Path> pluginsDirectory() {
        return Optional.ofNullable(home).map(h -> h.resolve("plugins"));
    }

    /** The distribution's {@code conf/pricefeed.properties}, if there is one. */
    Optional<Path> configFile() {
        return Optional.ofNullable(home).map(h -> h.resolve("conf").resolve("pricefeed.properties"))
                .filter(Files::isRegularFile);
    }
}
