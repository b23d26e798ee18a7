package dev.pricefeed.benchmarks.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Writes the soak's Markdown report: settings, the table, and the verdict. It is rewritten after every row, so a run
 * that is cut short still leaves its table, marked as unfinished. A section after the marker line
 * ({@code <!-- end of soak report -->}) in an existing file, such as the fuzzing results, is kept.
 */
final class SoakReport {

    static final String END_MARKER = "<!-- end of soak report -->";

    private final SoakSettings settings;
    private final Instant startedAt;

    SoakReport(SoakSettings settings, Instant startedAt) {
        this.settings = settings;
        this.startedAt = startedAt;
    }

    /** Writes the report; {@code result} is null while the run goes on. */
    void write(List<Sample> samples, SoakResult result, List<Duration> recoveries, List<String> unrecovered)
            throws IOException {
        StringBuilder md = new StringBuilder(8192);
        md.append("# Soak\n\n");
        md.append("`benchmarks/soak.sh` (code: `benchmarks/src/main/java/dev/pricefeed/benchmarks/soak/`) runs the four ")
                .append("exchange emulators (Binance, Kraken, KuCoin, Coinbase) and one feed per exchange through the real ")
                .append("plugins over loopback WebSockets, with the feeds' default settings. The emulators run in a child ")
                .append("process, so heap, threads and descriptors in the table are the feeds' alone. The emulators ")
                .append("publish numbered tickers (the number is the last price's whole part) over two instruments per ")
                .append("exchange; a `Delivery.queue()` listener per feed checks every number arrives once and in ")
                .append("order. A second listener per feed turns slow (2 ms per tick) in slow-listener phases.\n\n");
        md.append("| setting | value |\n|---|---|\n");
        row(md, "started", startedAt.truncatedTo(ChronoUnit.SECONDS).toString());
        row(md, "duration", human(settings.duration()));
        row(md, "rate", String.format(Locale.ROOT, "%,d numbered frames/s in total", settings.framesPerSecond()));
        row(md, "seed", Long.toString(settings.seed()));
        row(md, "drops", "one exchange (seeded choice) every " + human(settings.dropMin()) + "-"
                + human(settings.dropMax()) + ": TCP reset, no close frame");
        row(md, "hung peer", "every " + human(settings.hungEvery()) + ", the exchanges in turn: TCP open, nothing "
                + "sent, pings unanswered");
        row(md, "slow listeners", human(settings.slowFor()) + " in every " + human(settings.slowEvery()));
        row(md, "row every", human(settings.sampleEvery()) + " (heap measured after a full GC)");
        row(md, "machine", Runtime.getRuntime().availableProcessors() + " CPUs, shared; load average at the last row "
                + loadAverage());
        md.append('\n');
        if (result == null) {
            md.append("**Status: running** (").append(samples.size()).append(" rows so far; this file is rewritten ")
                    .append("after every row).\n\n");
        }
        md.append("| minute | heap after GC (MB) | threads | open fds | live subscriptions | connections | published ")
                .append("| received (with repeats) | lost | excused (outage) | reconnects | faults in the interval |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Sample s : samples) {
            md.append(String.format(Locale.ROOT, "| %.1f | %.1f | %d | %d | %d | %d | %,d | %,d | %d | %,d | %d | %s |%n",
                    s.minute(), s.heapAfterGcBytes() / 1048576.0, s.threads(), s.fileDescriptors(),
                    s.liveSubscriptions(), s.connections(), s.published(), s.received(), s.lost(), s.excused(),
                    s.reconnects(), s.faults().isEmpty() ? "" : s.faults()));
        }
        md.append('\n');
        long lostSoFar = samples.stream().mapToLong(Sample::lost).sum();
        SoakVerdict verdict = SoakVerdict.of(samples, settings, result == null ? lostSoFar : result.lost(),
                unrecovered);
        md.append("## Verdict").append(result == null ? " so far" : "").append("\n\n");
        md.append("Flat means the mean of the last ").append(verdict.rowsCompared()).append(" rows is at most 10 % ")
                .append("above the mean of the first ").append(verdict.rowsCompared()).append(" rows after the ")
                .append(human(settings.warmUp())).append(" warm-up; and nothing may be lost outside outages (an ")
                .append("outage lasts from the fault until the feed streams again, plus 10 s in which the new ")
                .append("connection's first frames show the gap).\n\n");
        md.append("| measure | first rows | last rows | change | flat |\n|---|---:|---:|---:|---|\n");
        for (SoakVerdict.Trend t : verdict.trends()) {
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %+.1f %% | %s |%n", t.name(), t.first(), t.last(),
                    100 * t.change(), t.flat() ? "yes" : "**no**"));
        }
        md.append('\n');
        List<Long> millis = recoveries.stream().map(Duration::toMillis).sorted().toList();
        md.append("- faults injected and recovered from: ").append(millis.size());
        if (!millis.isEmpty()) {
            md.append(String.format(Locale.ROOT, " (back to STREAMING: median %.1f s, longest %.1f s)",
                    millis.get(millis.size() / 2) / 1000.0, millis.get(millis.size() - 1) / 1000.0));
        }
        md.append('\n');
        md.append("- faults not recovered from within 3 minutes: ")
                .append(unrecovered.isEmpty() ? "none" : String.join(", ", unrecovered)).append('\n');
        if (result != null) {
            md.append(String.format(Locale.ROOT, "- numbered frames: %,d published, %,d received; %,d missing inside "
                    + "outages (excused), **%,d lost outside outages**; %,d repeats (merged partial updates "
                    + "and snapshots after a resubscribe carry a number already seen)%n", result.published(), result.received(), result.excused(), result.lost(),
                    result.repeats()));
            md.append(String.format(Locale.ROOT, "- after every feed closed: %d threads (%d before the "
                    + "start), %d open sockets, pipes and event descriptors (%d before)%n", result.threadsAfter(), result.threadsBefore(),
                    result.fdsAfter(), result.fdsBefore()));
            md.append("\n**").append(verdict.passed() ? "PASS" : "FAIL").append("**: ")
                    .append(verdict.flat() ? "flat" : "not flat").append(", ")
                    .append(result.lost() == 0 ? "nothing lost outside outages" : result.lost() + " frames lost "
                            + "outside outages")
                    .append(unrecovered.isEmpty() ? ", every fault recovered from" : ", some faults not recovered from")
                    .append(".\n");
        }
        md.append('\n').append(END_MARKER).append('\n');
        md.append(keptTail());
        Path target = settings.report().toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(temp, md, StandardCharsets.UTF_8);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private String keptTail() throws IOException {
        Path target = settings.report();
        if (!Files.exists(target)) {
            return "";
        }
        String existing = Files.readString(target, StandardCharsets.UTF_8);
        int marker = existing.indexOf(END_MARKER);
        return marker < 0 ? "" : existing.substring(marker + END_MARKER.length() + 1);
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2] + " (1/5/15 min)";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s >= 60 && s % 60 == 0) {
            return s / 60 + " min";
        }
        return s + " s";
    }
}
