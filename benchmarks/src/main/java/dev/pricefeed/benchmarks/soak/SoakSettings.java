package dev.pricefeed.benchmarks.soak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What one soak run does.
 *
 * @param duration how long the feeds run
 * @param framesPerSecond numbered ticker frames per second over all exchanges together
 * @param seed seed of the random fault schedule (the same seed gives the same schedule)
 * @param sampleEvery how often a row of the table is taken
 * @param warmUp time at the start left out of the flatness verdict
 * @param dropMin shortest time between two random drops
 * @param dropMax longest time between two random drops
 * @param hungEvery how often a peer hangs (TCP open, nothing sent, pings unanswered)
 * @param slowEvery how often a slow-listener phase starts
 * @param slowFor how long a slow-listener phase lasts
 * @param report where the Markdown report goes
 */
public record SoakSettings(Duration duration, int framesPerSecond, long seed, Duration sampleEvery, Duration warmUp,
        Duration dropMin, Duration dropMax, Duration hungEvery, Duration slowEvery, Duration slowFor, Path report) {

    public SoakSettings {
        Objects.requireNonNull(duration, "duration is null");
        Objects.requireNonNull(report, "report is null");
        if (framesPerSecond < 8) {
            throw new IllegalArgumentException("framesPerSecond must be at least 8, got " + framesPerSecond);
        }
        if (dropMax.compareTo(dropMin) < 0) {
            throw new IllegalArgumentException("dropMax " + dropMax + " is shorter than dropMin " + dropMin);
        }
    }

    /** The soak: an hour (or the given duration) at 10,000 frames/s, a row a minute, 5 minutes of warm-up. */
    public static SoakSettings full(Duration duration, long seed, Path report) {
        return new SoakSettings(duration, 10_000, seed, Duration.ofMinutes(1), Duration.ofMinutes(5),
                Duration.ofSeconds(30), Duration.ofSeconds(90), Duration.ofMinutes(10), Duration.ofMinutes(10),
                Duration.ofMinutes(2), report);
    }

    /**
     * The short soak of {@code mvn verify}: the same faults on a compressed clock (a drop every 5-15 s, a hung peer and
     * a slow-listener phase in every 30 s) at a lower rate, so the whole build stays under 10 minutes on 2 cores.
     */
    public static SoakSettings quick(Duration duration, long seed, Path report) {
        return new SoakSettings(duration, 2_000, seed, Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofSeconds(8), report);
    }
}
