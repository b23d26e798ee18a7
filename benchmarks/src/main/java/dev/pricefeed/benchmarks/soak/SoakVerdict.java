package dev.pricefeed.benchmarks.soak;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The soak's verdict: flat means that for heap after GC, threads, file descriptors and live subscriptions the mean of
 * the last ten rows is at most 10 % above the mean of the first ten after warm-up (fewer rows each when the run is
 * short), and nothing was lost outside outages.
 *
 * @param trends one comparison per measure
 * @param rowsCompared rows in each window
 * @param lost numbered frames missing outside outages
 * @param unrecovered faults after which a feed did not stream again
 */
public record SoakVerdict(List<Trend> trends, int rowsCompared, long lost, List<String> unrecovered) {

    /** The largest growth from the first window to the last that still counts as flat. */
    static final double TOLERANCE = 0.10;

    /**
     * One measure's first and last window.
     *
     * @param name the measure
     * @param first mean of the first window after warm-up
     * @param last mean of the last window
     */
    public record Trend(String name, double first, double last) {

        /** The growth from the first window to the last, as a fraction ({@code 0.05} = 5 %). */
        public double change() {
            return first == 0 ? (last == 0 ? 0 : Double.POSITIVE_INFINITY) : (last - first) / first;
        }

        /** Whether the last window is at most 10 % above the first. */
        public boolean flat() {
            return change() <= TOLERANCE;
        }
    }

    /** Judges the rows after the warm-up. */
    public static SoakVerdict of(List<Sample> samples, SoakSettings settings, long lost, List<String> unrecovered) {
        double warmUpMinutes = settings.warmUp().toMillis() / 60_000.0;
        List<Sample> after = samples.stream().filter(s -> s.minute() > warmUpMinutes + 1e-9).toList();
        int window = Math.max(1, Math.min(10, after.size() / 2));
        List<Trend> trends = after.isEmpty() ? List.of() : List.of(
                trend("heap after GC (MB)", after, window, s -> s.heapAfterGcBytes() / 1048576.0),
                trend("live threads", after, window, Sample::threads),
                trend("open file descriptors", after, window, Sample::fileDescriptors),
                trend("live subscriptions", after, window, Sample::liveSubscriptions));
        return new SoakVerdict(trends, after.isEmpty() ? 0 : window, lost, List.copyOf(unrecovered));
    }

    private static Trend trend(String name, List<Sample> rows, int window, ToDoubleFunction<Sample> value) {
        double first = rows.subList(0, window).stream().mapToDouble(value).average().orElse(0);
        double last = rows.subList(rows.size() - window, rows.size()).stream().mapToDouble(value).average().orElse(0);
        return new Trend(name, first, last);
    }

    /** Whether every measure is flat. */
    public boolean flat() {
        return !trends.isEmpty() && trends.stream().allMatch(Trend::flat);
    }

    /** Flat, nothing lost outside outages, and every fault recovered from. */
    public boolean passed() {
        return flat() && lost == 0 && unrecovered.isEmpty();
    }
}
