package dev.pricefeed.benchmarks.loopback;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** CPU time per thread name pattern (digits folded), to show where a client spends its time per frame. */
public final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadCpu() {
    }

    /** CPU nanoseconds of every live thread, by thread id. */
    public static Map<Long, Long> byThread() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long nanos = THREADS.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }

    /** CPU time since {@code before} grouped by thread name with digits folded ({@code grizzly-1} and -2 together). */
    public static Map<String, Long> since(Map<Long, Long> before) {
        Map<String, Long> byName = new HashMap<>();
        for (Map.Entry<Long, Long> now : byThread().entrySet()) {
            ThreadInfo info = THREADS.getThreadInfo(now.getKey());
            if (info == null) {
                continue;
            }
            long used = now.getValue() - before.getOrDefault(now.getKey(), 0L);
            if (used > 0) {
                byName.merge(info.getThreadName().replaceAll("\\d+", "N"), used, Long::sum);
            }
        }
        Map<String, Long> sorted = new LinkedHashMap<>();
        byName.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
