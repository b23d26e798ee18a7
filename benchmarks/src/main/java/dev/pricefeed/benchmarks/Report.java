package dev.pricefeed.benchmarks;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the raw results ({@code results/raw/*.json}) into Markdown tables: writes {@code results/RESULTS.md} and
 * replaces the part of {@code BENCHMARKS.md} between {@code <!-- results:begin -->} and {@code <!-- results:end -->}.
 *
 * <p>Usage: {@code Report RESULTS_DIR BENCHMARKS.md}
 */
public final class Report {

    static final String BEGIN = "<!-- results:begin -->";
    static final String END = "<!-- results:end -->";

    private final Path raw;
    private final StringBuilder md = new StringBuilder();
    /** The raw results of an earlier run kept in {@code results/before/raw}, for the before/after table. */
    private final Report before;

    private Report(Path raw, Report before) {
        this.raw = raw;
        this.before = before;
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        Path earlier = results.resolve("before").resolve("raw");
        Report report = new Report(results.resolve("raw"),
                Files.isDirectory(earlier) ? new Report(earlier, null) : null);
        String tables = report.render();
        Files.writeString(results.resolve("RESULTS.md"), "# Benchmark results (generated)\n\n"
                + "Written by `benchmarks/run.sh`; the analysis is in `BENCHMARKS.md` at the root.\n\n" + tables,
                StandardCharsets.UTF_8);
        Path benchmarks = Path.of(args[1]);
        if (Files.exists(benchmarks)) {
            String text = Files.readString(benchmarks, StandardCharsets.UTF_8);
            int begin = text.indexOf(BEGIN);
            int end = text.indexOf(END);
            if (begin >= 0 && end > begin) {
                Files.writeString(benchmarks, text.substring(0, begin + BEGIN.length()) + "\n" + tables
                        + text.substring(end), StandardCharsets.UTF_8);
            }
        }
        System.out.println(tables);
    }

    private String render() throws IOException {
        machine();
        speedGoals();
        targets();
        parsers();
        loopback("### 2. End to end over loopback (Binance ticker frames, one connection)", "loopback-");
        loopback("### 2b. End to end over loopback (Coinbase Exchange ticker frames, one connection)",
                "loopback-coinbase-");
        recovery();
        start();
        scale();
        beforeAfter();
        return md.toString();
    }

    /** Key numbers of the run kept in {@code results/before/} next to this run's. */
    private void beforeAfter() throws IOException {
        if (before == null) {
            return;
        }
        JsonObject mb = before.object("machine.json");
        JsonObject ma = object("machine.json");
        md.append("### Before and after\n\n");
        md.append("Before: the run kept in `benchmarks/results/before/` (commit ")
                .append(mb == null ? "?" : mb.getString("commit")).append("); after: this run (commit ")
                .append(ma == null ? "?" : ma.getString("commit")).append(").\n\n");
        row("pricefeed", "before", "after", "after ÷ before");
        row("---", "---:", "---:", "---:");
        JsonArray pb = before.array("parsers.json");
        JsonArray pa = array("parsers.json");
        if (pb != null && pa != null) {
            Map<String, double[]> b = jmh(pb, "ParserBenchmark");
            Map<String, double[]> a = jmh(pa, "ParserBenchmark");
            for (Map.Entry<String, double[]> e : a.entrySet()) {
                double[] old = b.get(e.getKey());
                if (old != null) {
                    change("parse " + e.getKey() + ", frames/s", old[0], e.getValue()[0], 0);
                    change("parse " + e.getKey() + ", B/frame", old[1], e.getValue()[1], 0);
                }
            }
        }
        for (String exchange : List.of("", "coinbase-")) {
            JsonObject lb = before.object("loopback-" + exchange + "pricefeed.json");
            JsonObject la = object("loopback-" + exchange + "pricefeed.json");
            if (lb == null || la == null) {
                continue;
            }
            String name = exchange.isEmpty() ? "Binance" : "Coinbase";
            change("end to end " + name + ", saturation ticks/s", saturation(lb), saturation(la), 0);
            change("end to end " + name + ", CPU µs/frame (saturation-2)",
                    number(phase(lb, "saturation-2"), "client_cpu_us_per_frame"),
                    number(phase(la, "saturation-2"), "client_cpu_us_per_frame"), 2);
            change("end to end " + name + ", context switches/frame (saturation-2)",
                    number(phase(lb, "saturation-2"), "client_context_switches_per_frame"),
                    number(phase(la, "saturation-2"), "client_context_switches_per_frame"), 2);
            for (String percentile : List.of("p50_us", "p99_us", "p99_9_us")) {
                change("end to end " + name + ", 20k frames/s " + percentile.replace("_us", "").replace('_', '.')
                                + " µs",
                        phase(lb, "rate-20000").getJsonObject("latency").getJsonNumber(percentile).doubleValue(),
                        phase(la, "rate-20000").getJsonObject("latency").getJsonNumber(percentile).doubleValue(), 0);
            }
            change("end to end " + name + ", 100k frames/s delivered ticks/s",
                    number(phase(lb, "rate-100000"), "ticks_per_second"),
                    number(phase(la, "rate-100000"), "ticks_per_second"), 0);
        }
        JsonObject rb = before.object("recovery-pricefeed.json");
        JsonObject ra = object("recovery-pricefeed.json");
        if (rb != null && ra != null) {
            change("recovery median ms", number(rb, "median_ms"), number(ra, "median_ms"), 1);
        }
        JsonObject sb = before.object("start.json");
        JsonObject sa = object("start.json");
        if (sb != null && sa != null && !sb.containsKey("skipped") && !sa.containsKey("skipped")) {
            change("start to first tick, median ms", number(sb, "median_ms"), number(sa, "median_ms"), 0);
        }
        JsonObject cb = before.object("scale.json");
        JsonObject ca = object("scale.json");
        if (cb != null && ca != null) {
            change("scale: heap after GC MB", number(cb, "heap_after_gc_mb"), number(ca, "heap_after_gc_mb"), 1);
            change("scale: client CPU (share of one core)", number(cb, "client_cpu_share_of_one_core"),
                    number(ca, "client_cpu_share_of_one_core"), 3);
        }
        md.append('\n');
    }

    private void change(String what, double before, double after, int decimals) {
        row(what, decimals == 0 ? count(before) : fixed(before, decimals),
                decimals == 0 ? count(after) : fixed(after, decimals),
                before == 0 ? "–" : "×" + fixed(after / before, 2));
    }

    private static double number(JsonObject o, String key) {
        return o == null || !(o.get(key) instanceof JsonNumber n) ? 0 : n.doubleValue();
    }

    // ---------------------------------------------------------------- sections

    private void machine() throws IOException {
        md.append("### Machine and run\n\n");
        JsonObject m = object("machine.json");
        if (m == null) {
            md.append("(no machine.json)\n\n");
            return;
        }
        row("what", "value");
        row("---", "---");
        for (Map.Entry<String, JsonValue> e : m.entrySet()) {
            row(e.getKey(), text(e.getValue()));
        }
        md.append('\n');
    }

    /**
     * The goals of issue 11, each for pricefeed's default configuration and its fastest documented one
     * ({@code pricefeed-fast}) against XChange-stream in this run; the spread is the range over the saturation rounds.
     */
    private void speedGoals() throws IOException {
        JsonObject x = object("loopback-xchange.json");
        JsonObject d = object("loopback-pricefeed.json");
        JsonObject f = object("loopback-pricefeed-fast.json");
        if (x == null || d == null) {
            return;
        }
        md.append("### Speed goals (issue 11): pricefeed default, pricefeed fastest, XChange-stream, this run\n\n");
        md.append("Fastest: `")
                .append(f == null ? "–" : f.getString("settings", "?")).append("`. Ranges are min–max over the "
                        + "three saturation rounds; met is judged on the fastest configuration (the default must "
                        + "match XChange's throughput and p99).\n\n");
        row("goal", "pricefeed default", "pricefeed fastest", "XChange-stream", "met (fastest / default)");
        row("---", "---:", "---:", "---:", "---");
        for (String exchange : List.of("", "coinbase-")) {
            JsonObject xe = object("loopback-" + exchange + "xchange.json");
            JsonObject de = object("loopback-" + exchange + "pricefeed.json");
            JsonObject fe = object("loopback-" + exchange + "pricefeed-fast.json");
            if (xe == null || de == null) {
                continue;
            }
            String name = exchange.isEmpty() ? "Binance" : "Coinbase";
            double xs = saturation(xe);
            row("1. saturation ≥ 2× XChange, " + name + ", ticks/s", satText(de, xs), satText(fe, xs), satText(xe, 0),
                    yes(fe != null && saturation(fe) >= 2 * xs) + " / " + yes(saturation(de) >= xs));
        }
        for (String rate : List.of("rate-1000", "rate-20000")) {
            for (String pct : List.of("p50_us", "p99_us")) {
                double xv = latency(x, rate, pct);
                double dv = latency(d, rate, pct);
                double fv = f == null ? Double.NaN : latency(f, rate, pct);
                row("2. " + pct.replace("_us", "") + " at " + rate.substring(5) + "/s ≤ XChange, µs", fixed(dv, 0),
                        f == null ? "–" : fixed(fv, 0), fixed(xv, 0),
                        yes(fv <= xv) + " / " + (pct.equals("p99_us") ? yes(dv <= xv) : "–"));
            }
        }
        double f100 = f == null ? Double.NaN : latency(f, "rate-100000", "p99_us");
        row("2. p99 at 100,000/s < 5 ms", fixed(latency(d, "rate-100000", "p99_us") / 1000, 2) + " ms",
                f == null ? "–" : fixed(f100 / 1000, 2) + " ms",
                fixed(latency(x, "rate-100000", "p99_us") / 1000, 2) + " ms", yes(f100 < 5000) + " / –");
        for (String ph : List.of("rate-1000", "saturation-2")) {
            double xv = number(phase(x, ph), "client_cpu_us_per_frame");
            double fv = f == null ? Double.NaN : number(phase(f, ph), "client_cpu_us_per_frame");
            row("3. CPU per frame at " + (ph.startsWith("rate") ? "1,000/s" : "saturation") + " ≤ XChange, µs",
                    fixed(number(phase(d, ph), "client_cpu_us_per_frame"), 2), f == null ? "–" : fixed(fv, 2),
                    fixed(xv, 2), yes(fv <= xv) + " / –");
        }
        double fcs = f == null ? Double.NaN : number(phase(f, "rate-1000"), "client_context_switches_per_frame");
        row("3. context switches per frame at 1,000/s ≤ 1.5",
                fixed(number(phase(d, "rate-1000"), "client_context_switches_per_frame"), 2),
                f == null ? "–" : fixed(fcs, 2),
                fixed(number(phase(x, "rate-1000"), "client_context_switches_per_frame"), 2), yes(fcs <= 1.5) + " / –");
        double fal = f == null ? Double.NaN : number(phase(f, "saturation-2"), "client_allocated_bytes_per_frame");
        row("4. allocation per frame end to end (saturation, all threads) ≤ 2 KB, B",
                fixed(number(phase(d, "saturation-2"), "client_allocated_bytes_per_frame"), 0),
                f == null ? "–" : fixed(fal, 0),
                fixed(number(phase(x, "saturation-2"), "client_allocated_bytes_per_frame"), 0),
                yes(fal <= 2048) + " / –");
        JsonArray parsers = array("parsers.json");
        if (parsers != null) {
            Map<String, double[]> pf = jmh(parsers, "ParserBenchmark");
            Map.Entry<String, double[]> worst = pf.entrySet().stream()
                    .max(Map.Entry.comparingByValue((a, b) -> Double.compare(a[1], b[1]))).orElse(null);
            if (worst != null) {
                row("4. allocation in every parser benchmark ≤ 1.5 KB, B/frame", "largest " + fixed(worst.getValue()[1], 0)
                        + " (" + worst.getKey() + ")", "same parsers", "–", yes(worst.getValue()[1] <= 1536));
            }
        }
        row("5. threads of the client alive 2 s after close()", threadsAfter(d), threadsAfter(f), threadsAfter(x),
                yes(noThreadsAfterClose(f)) + " / " + yes(noThreadsAfterClose(d)));
        JsonObject scale = object("scale.json");
        if (scale != null) {
            long threads = scale.getJsonNumber("threads").longValue();
            row("6. four feeds (scale benchmark) ≤ 20 threads", count(threads) + " (whole process)", "–", "–",
                    "– / " + yes(threads <= 20));
        }
        row("idle client CPU (share of one core, 3 s without frames)", idleText(d), idleText(f), idleText(x), "–");
        md.append('\n');
    }

    private static String satText(JsonObject loopback, double xchange) {
        if (loopback == null) {
            return "–";
        }
        List<Double> rounds = new ArrayList<>();
        for (JsonValue v : loopback.getJsonArray("phases")) {
            JsonObject p = (JsonObject) v;
            if (p.getString("phase").startsWith("saturation")) {
                rounds.add(p.getJsonNumber("ticks_per_second").doubleValue());
            }
        }
        rounds.sort(null);
        String text = count(saturation(loopback)) + " (" + count(rounds.get(0)) + "–" + count(rounds.get(rounds.size() - 1))
                + ")";
        return xchange > 0 ? text + ", ×" + fixed(saturation(loopback) / xchange, 2) : text;
    }

    private static double latency(JsonObject loopback, String phase, String percentile) {
        JsonObject p = phase(loopback, phase);
        return p == null ? Double.NaN : p.getJsonObject("latency").getJsonNumber(percentile).doubleValue();
    }

    private static String threadsAfter(JsonObject loopback) {
        if (loopback == null || !(loopback.get("threads_after_close") instanceof JsonArray names)) {
            return "–";
        }
        return names.size() + (names.isEmpty() ? "" : " (" + names.stream().map(Report::text).distinct()
                .collect(Collectors.joining(", ")) + ")");
    }

    private static boolean noThreadsAfterClose(JsonObject loopback) {
        return loopback != null && loopback.get("threads_after_close") instanceof JsonArray names && names.isEmpty();
    }

    private static String idleText(JsonObject loopback) {
        if (loopback == null || !(loopback.get("idle") instanceof JsonObject idle)) {
            return "–";
        }
        return percent(idle.getJsonNumber("cpu_share_of_one_core").doubleValue()) + ", "
                + idle.getJsonNumber("context_switches_per_second").longValue() + " ctx switches/s";
    }

    private void targets() throws IOException {
        md.append("### Where we stand against the targets\n\n");
        row("target", "measured", "met");
        row("---", "---", "---");
        JsonArray parsers = array("parsers.json");
        if (parsers != null) {
            Map<String, double[]> pf = jmh(parsers, "ParserBenchmark");
            Map<String, double[]> xc = jmh(parsers, "XChangeParseBenchmark");
            List<String> tickers = List.of("binance/ticker", "kraken/ticker", "kucoin/ticker", "coinbase/ticker");
            double minTicker = tickers.stream().filter(pf::containsKey).mapToDouble(k -> pf.get(k)[0]).min()
                    .orElse(0);
            row("parsing ≥ 1,000,000 ticker frames/s per core", "slowest ticker " + count(minTicker) + "/s ("
                    + tickers.stream().filter(pf::containsKey).map(k -> k + " " + count(pf.get(k)[0]))
                    .collect(Collectors.joining(", ")) + ")", yes(minTicker >= 1_000_000));
            List<String> common = xc.keySet().stream().filter(pf::containsKey).sorted().toList();
            double minRatio = common.stream().mapToDouble(k -> pf.get(k)[0] / xc.get(k)[0]).min().orElse(0);
            row("parsing ≥ 3× XChange-stream's parse path", "×" + fixed(minRatio, 2) + " to ×"
                    + fixed(common.stream().mapToDouble(k -> pf.get(k)[0] / xc.get(k)[0]).max().orElse(0), 2)
                    + " over " + common.size() + " frames", yes(minRatio >= 3));
            double maxAlloc = pf.values().stream().mapToDouble(v -> v[1]).max().orElse(0);
            row("≤ 1 KB allocated per frame", "largest " + fixed(maxAlloc, 0) + " B/frame (smallest "
                    + fixed(pf.values().stream().mapToDouble(v -> v[1]).min().orElse(0), 0) + ")",
                    yes(maxAlloc <= 1024));
        }
        JsonObject lp = object("loopback-pricefeed.json");
        JsonObject lx = object("loopback-xchange.json");
        if (lp != null) {
            double sat = saturation(lp);
            row("end to end ≥ 300,000 frames/s on one connection", count(sat) + " ticks/s", yes(sat >= 300_000));
            if (lx != null) {
                double ratio = sat / saturation(lx);
                row("end to end ≥ 2× XChange-stream", "×" + fixed(ratio, 2), yes(ratio >= 2));
            }
            JsonObject r20 = phase(lp, "rate-20000");
            if (r20 != null) {
                JsonObject lat = r20.getJsonObject("latency");
                double p99 = lat.getJsonNumber("p99_us").doubleValue();
                double p999 = lat.getJsonNumber("p99_9_us").doubleValue();
                row("p99 < 1 ms at 20,000 frames/s", fixed(p99 / 1000, 2) + " ms", yes(p99 < 1000));
                row("p99.9 < 5 ms at 20,000 frames/s", fixed(p999 / 1000, 2) + " ms", yes(p999 < 5000));
            }
            long dropped = 0;
            long lost = 0;
            List<String> cut = new ArrayList<>();
            for (JsonValue v : lp.getJsonArray("phases")) {
                JsonObject p = (JsonObject) v;
                dropped += p.getJsonNumber("dropped_by_client").longValue();
                lost += p.getJsonNumber("lost").longValue();
                if (p.getJsonNumber("lost").longValue() > 0) {
                    cut.add(p.getString("phase"));
                }
            }
            row("0 frames lost in QUEUE mode", dropped + " dropped by pricefeed's queue; " + lost
                    + " lost in all" + (cut.isEmpty() ? "" : " (" + String.join(", ", cut)
                    + ": the emulator cut the connection of a client that fell 64 MB behind)"),
                    yes(dropped == 0 && lost == 0));
        }
        JsonObject rec = object("recovery-pricefeed.json");
        if (rec != null) {
            double median = rec.getJsonNumber("median_ms").doubleValue();
            row("first tick after a drop < 1 s", "median " + fixed(median, 1) + " ms over "
                    + rec.getInt("recovered") + " drops", yes(median >= 0 && median < 1000));
        }
        JsonObject start = object("start.json");
        if (start != null && !start.containsKey("skipped")) {
            double median = start.getJsonNumber("median_ms").doubleValue();
            row("start to first tick < 1.5 s", "median " + fixed(median, 0) + " ms", yes(median < 1500));
        }
        JsonObject scale = object("scale.json");
        if (scale != null) {
            double heap = scale.getJsonNumber("heap_after_gc_mb").doubleValue();
            row("steady heap for 1,000 instruments < 64 MB", fixed(heap, 1) + " MB after GC", yes(heap < 64));
        }
        md.append('\n');
    }

    private void parsers() throws IOException {
        JsonArray parsers = array("parsers.json");
        if (parsers == null) {
            return;
        }
        md.append("### 1. Parsers (JMH, one thread, `-prof gc`)\n\n");
        Map<String, double[]> pf = jmh(parsers, "ParserBenchmark");
        Map<String, double[]> xc = jmh(parsers, "XChangeParseBenchmark");
        row("frame", "pricefeed frames/s", "pricefeed B/frame", "XChange frames/s", "XChange B/frame", "speed ×",
                "allocation ×");
        row("---", "---:", "---:", "---:", "---:", "---:", "---:");
        for (Map.Entry<String, double[]> e : pf.entrySet()) {
            double[] x = xc.get(e.getKey());
            double[] p = e.getValue();
            row(e.getKey(), count(p[0]) + " ± " + count(p[2]), fixed(p[1], 0),
                    x == null ? "–" : count(x[0]) + " ± " + count(x[2]), x == null ? "–" : fixed(x[1], 0),
                    x == null ? "–" : fixed(p[0] / x[0], 2), x == null ? "–" : fixed(x[1] / p[1], 2));
        }
        md.append("\nspeed × = pricefeed frames/s ÷ XChange frames/s; allocation × = XChange bytes ÷ pricefeed bytes. "
                + "Kraken v2 and KuCoin have no XChange 5.2.0 counterpart (its Kraken speaks v1; KuCoin streaming is "
                + "not in the comparison).\n\n");
    }

    private void loopback(String title, String prefix) throws IOException {
        JsonObject lp = object(prefix + "pricefeed.json");
        JsonObject lx = object(prefix + "xchange.json");
        JsonObject lr = object(prefix + "reference.json");
        JsonObject lf = object(prefix + "pricefeed-fast.json");
        JsonObject lj = object(prefix + "jdk-floor.json");
        if (lp == null) {
            return;
        }
        md.append(title).append("\n\n");
        row("phase", "client", "ticks/s", "lost (queue drops)", "CPU µs/frame", "B/frame", "kernel share",
                "ctx switches/frame", "p50 µs", "p99 µs", "p99.9 µs", "max µs", "GC (count / ms / max pause ms)");
        row("---", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---");
        for (JsonValue v : lp.getJsonArray("phases")) {
            JsonObject p = (JsonObject) v;
            loopbackRow(p, "pricefeed");
            JsonObject fast = lf == null ? null : phase(lf, p.getString("phase"));
            if (fast != null) {
                loopbackRow(fast, "pricefeed-fast");
            }
            JsonObject x = lx == null ? null : phase(lx, p.getString("phase"));
            if (x != null) {
                loopbackRow(x, "XChange");
            }
            JsonObject r = lr == null ? null : phase(lr, p.getString("phase"));
            if (r != null) {
                loopbackRow(r, "reference");
            }
            JsonObject j = lj == null ? null : phase(lj, p.getString("phase"));
            if (j != null) {
                loopbackRow(j, "jdk-floor");
            }
        }
        if (lx != null) {
            md.append("\nSaturation (median of the three rounds): pricefeed ").append(count(saturation(lp)))
                    .append(" ticks/s, XChange ").append(count(saturation(lx))).append(" ticks/s, ratio ×")
                    .append(fixed(saturation(lp) / saturation(lx), 2)).append(".");
            if (lr != null) {
                md.append(" Reference (JDK WebSocket client + pricefeed's Binance parser, no runtime): ")
                        .append(count(saturation(lr))).append(" ticks/s.");
            }
            if (lj != null) {
                md.append(" JDK floor (the JDK WebSocket client alone: the frame number found by a scan, no parse, no"
                        + " runtime): ").append(count(saturation(lj))).append(" ticks/s.");
            }
            md.append('\n');
        }
        md.append("\nCPU per frame by thread (saturation-2, µs):\n\n");
        for (JsonObject doc : new JsonObject[] {lp, lf, lx, lr, lj}) {
            if (doc == null) {
                continue;
            }
            JsonObject p = phase(doc, "saturation-2");
            if (p != null && p.containsKey("cpu_us_per_frame_by_thread")) {
                md.append("- ").append(doc.getString("client")).append(": ").append(
                        p.getJsonObject("cpu_us_per_frame_by_thread").entrySet().stream()
                                .map(e -> "`" + e.getKey() + "` " + fixed(((JsonNumber) e.getValue()).doubleValue(), 2))
                                .collect(Collectors.joining(", "))).append('\n');
            }
        }
        md.append('\n');
    }

    private void loopbackRow(JsonObject p, String client) {
        JsonObject lat = p.getJsonObject("latency");
        boolean timed = lat.getJsonNumber("samples").longValue() > 0;
        row(p.getString("phase"), client, count(p.getJsonNumber("ticks_per_second").doubleValue()),
                p.getJsonNumber("lost").longValue() + " (" + p.getJsonNumber("dropped_by_client").longValue() + ")",
                fixed(p.getJsonNumber("client_cpu_us_per_frame").doubleValue(), 2),
                p.containsKey("client_allocated_bytes_per_frame")
                        ? fixed(p.getJsonNumber("client_allocated_bytes_per_frame").doubleValue(), 0) : "–",
                percent(p.getJsonNumber("client_system_cpu_share").doubleValue()),
                fixed(p.getJsonNumber("client_context_switches_per_frame").doubleValue(), 2),
                timed ? fixed(lat.getJsonNumber("p50_us").doubleValue(), 0) : "–",
                timed ? fixed(lat.getJsonNumber("p99_us").doubleValue(), 0) : "–",
                timed ? fixed(lat.getJsonNumber("p99_9_us").doubleValue(), 0) : "–",
                timed ? fixed(lat.getJsonNumber("max_us").doubleValue(), 0) : "–",
                p.getJsonNumber("gc_count").longValue() + " / " + p.getJsonNumber("gc_ms").longValue() + " / "
                        + fixed(p.getJsonNumber("gc_max_pause_ms").doubleValue(), 1));
    }

    private void recovery() throws IOException {
        md.append("### 3. Recovery after a drop (TCP closed without a close frame)\n\n");
        row("client", "settings", "drops", "median ms", "min ms", "max ms", "each ms");
        row("---", "---", "---:", "---:", "---:", "---:", "---");
        for (String file : List.of("recovery-pricefeed.json", "recovery-pricefeed-unhealthy.json",
                "recovery-xchange.json")) {
            JsonObject r = object(file);
            if (r == null) {
                continue;
            }
            String settings = r.getString("client").equals("xchange") ? "defaults (fixed 15 s retry)"
                    : "reconnectDelay 5 s (default), healthyAfter "
                    + (r.getJsonNumber("healthy_after_ms").longValue() < 0 ? "30 s (default)"
                    : fixed(r.getJsonNumber("healthy_after_ms").longValue() / 1000.0, 1) + " s")
                    + ", drop every " + fixed(r.getJsonNumber("interval_ms").longValue() / 1000.0, 1) + " s";
            row(r.getString("client"), settings, r.getInt("recovered") + "/" + r.getInt("drops"),
                    fixed(r.getJsonNumber("median_ms").doubleValue(), 1),
                    fixed(r.getJsonNumber("min_ms").doubleValue(), 1), fixed(r.getJsonNumber("max_ms").doubleValue(), 1),
                    r.getJsonArray("each_ms").stream().map(Report::text).collect(Collectors.joining(", ")));
        }
        md.append('\n');
    }

    private void start() throws IOException {
        JsonObject s = object("start.json");
        if (s == null) {
            return;
        }
        md.append("### 4. Start to first tick\n\n");
        if (s.containsKey("skipped")) {
            md.append("Skipped: ").append(s.getString("skipped")).append("\n\n");
            return;
        }
        md.append("`").append(s.getString("command")).append("`, ").append(s.getInt("runs"))
                .append(" runs: median **").append(fixed(s.getJsonNumber("median_ms").doubleValue(), 0))
                .append(" ms** (min ").append(fixed(s.getJsonNumber("min_ms").doubleValue(), 0)).append(", max ")
                .append(fixed(s.getJsonNumber("max_ms").doubleValue(), 0)).append("; each ")
                .append(s.getJsonArray("each_ms").stream().map(Report::text).collect(Collectors.joining(", ")))
                .append(" ms). For scale: `bin/pricefeed --version` (JVM start and command line, no feed) takes ")
                .append(fixed(s.getJsonNumber("version_median_ms").doubleValue(), 0)).append(" ms.\n\n");
    }

    private void scale() throws IOException {
        JsonObject s = object("scale.json");
        if (s == null) {
            return;
        }
        md.append("### 5. Scale: 1,000 instruments over the four exchanges\n\n");
        row("what", "value");
        row("---", "---");
        for (Map.Entry<String, JsonValue> e : s.entrySet()) {
            if (!e.getKey().equals("benchmark") && !e.getKey().equals("jvm")) {
                row(e.getKey(), text(e.getValue()));
            }
        }
        md.append('\n');
    }

    // ---------------------------------------------------------------- helpers

    /** frame -> {ops/s, bytes/op, error} for one JMH benchmark class. */
    private static Map<String, double[]> jmh(JsonArray results, String benchmark) {
        Map<String, double[]> byFrame = new LinkedHashMap<>();
        for (JsonValue v : results) {
            JsonObject r = (JsonObject) v;
            if (!r.getString("benchmark").endsWith("." + benchmark + ".parse")) {
                continue;
            }
            JsonObject primary = r.getJsonObject("primaryMetric");
            JsonObject alloc = r.getJsonObject("secondaryMetrics").getJsonObject("gc.alloc.rate.norm");
            double error = primary.get("scoreError") instanceof JsonNumber n ? n.doubleValue() : 0;
            byFrame.put(r.getJsonObject("params").getString("frame"), new double[] {
                    primary.getJsonNumber("score").doubleValue(),
                    alloc == null ? -1 : alloc.getJsonNumber("score").doubleValue(), error});
        }
        return byFrame;
    }

    private static double saturation(JsonObject loopback) {
        List<Double> rounds = new ArrayList<>();
        for (JsonValue v : loopback.getJsonArray("phases")) {
            JsonObject p = (JsonObject) v;
            if (p.getString("phase").startsWith("saturation")) {
                rounds.add(p.getJsonNumber("ticks_per_second").doubleValue());
            }
        }
        rounds.sort(null);
        return rounds.isEmpty() ? 0 : rounds.get(rounds.size() / 2);
    }

    private static JsonObject phase(JsonObject loopback, String name) {
        for (JsonValue v : loopback.getJsonArray("phases")) {
            if (((JsonObject) v).getString("phase").equals(name)) {
                return (JsonObject) v;
            }
        }
        return null;
    }

    private JsonObject object(String file) throws IOException {
        JsonStructure s = read(file);
        return s instanceof JsonObject o ? o : null;
    }

    private JsonArray array(String file) throws IOException {
        JsonStructure s = read(file);
        return s instanceof JsonArray a ? a : null;
    }

    private JsonStructure read(String file) throws IOException {
        Path path = raw.resolve(file);
        if (!Files.exists(path)) {
            return null;
        }
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
             JsonReader reader = Json.createReader(in)) {
            return reader.read();
        }
    }

    private void row(String... cells) {
        md.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String text(JsonValue v) {
        return v instanceof jakarta.json.JsonString s ? s.getString() : v.toString();
    }

    private static String count(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    private static String yes(boolean met) {
        return met ? "yes" : "**no**";
    }
}
