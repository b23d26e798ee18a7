package dev.pricefeed.benchmarks.soak;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The soak's command line: {@code SoakMain [duration] [report] [seed] [frames/s]}, for example
 * {@code SoakMain 60m SOAK.md 42 10000}; durations are {@code 90s}, {@code 10m}, {@code 1h}. Exits 0 when the verdict
 * is PASS, 1 otherwise.
 */
public final class SoakMain {

    private SoakMain() {
    }

    public static void main(String[] args) throws Exception {
        Duration duration = args.length > 0 ? duration(args[0]) : Duration.ofHours(1);
        Path report = Path.of(args.length > 1 ? args[1] : "SOAK.md");
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        SoakSettings full = SoakSettings.full(duration, seed, report);
        SoakSettings settings = args.length > 3 ? new SoakSettings(full.duration(), Integer.parseInt(args[3]),
                full.seed(), full.sampleEvery(), full.warmUp(), full.dropMin(), full.dropMax(), full.hungEvery(),
                full.slowEvery(), full.slowFor(), full.report()) : full;
        SoakResult result = SoakRun.run(settings);
        SoakVerdict verdict = SoakVerdict.of(result.samples(), settings, result.lost(), result.unrecovered());
        System.out.println((verdict.passed() ? "PASS" : "FAIL") + ": report in " + report.toAbsolutePath());
        System.exit(verdict.passed() ? 0 : 1);
    }

    /** {@code 90s}, {@code 10m}, {@code 1h}, or ISO-8601 {@code PT1H}. */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("pt")) {
            return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
        }
        long value = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(value);
            case 'm' -> Duration.ofMinutes(value);
            case 'h' -> Duration.ofHours(value);
            default -> throw new IllegalArgumentException("a duration ends in s, m or h: " + text);
        };
    }
}
