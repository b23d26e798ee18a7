package dev.pricefeed.benchmarks.loopback;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/** CPU time, GC and memory of this process, read through the platform MX beans and {@code /proc/self/status}. */
public final class ProcessStats {

    private static final AtomicLong MAX_PAUSE_MICROS = new AtomicLong();

    static {
        // the longest single collection (G1 young and mixed collections are stop-the-world pauses)
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                                (CompositeData) notification.getUserData());
                        if (!info.getGcName().contains("Concurrent") && !info.getGcCause().equals("System.gc()")) {
                            MAX_PAUSE_MICROS.accumulateAndGet(info.getGcInfo().getDuration() * 1000, Math::max);
                        }
                    }
                }, null, null);
            }
        }
    }

    private ProcessStats() {
    }

    /** A reading of the counters; subtract two with {@link #since}. */
    public record Snapshot(long nanos, long cpuNanos, long systemTicks, long contextSwitches, long gcCount,
            long gcMillis, long allocatedBytes) {

        /** What happened between {@code earlier} and this snapshot. */
        public Snapshot since(Snapshot earlier) {
            return new Snapshot(nanos - earlier.nanos, cpuNanos - earlier.cpuNanos, systemTicks - earlier.systemTicks,
                    contextSwitches - earlier.contextSwitches, gcCount - earlier.gcCount, gcMillis - earlier.gcMillis,
                    allocatedBytes - earlier.allocatedBytes);
        }

        /** The share of the CPU time spent in the kernel (system calls: socket reads, thread wake-ups). */
        public double systemShare(Snapshot earlier) {
            long cpuTicks = (cpuNanos - earlier.cpuNanos) / 10_000_000L;
            return cpuTicks <= 0 ? 0 : Math.min(1.0, (double) (systemTicks - earlier.systemTicks) / cpuTicks);
        }
    }

    /** The counters now. */
    public static Snapshot snapshot() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!gc.getName().contains("Concurrent")) {
                count += Math.max(0, gc.getCollectionCount());
                millis += Math.max(0, gc.getCollectionTime());
            }
        }
        return new Snapshot(System.nanoTime(), cpuNanos(), systemTicks(), contextSwitches(), count, millis,
                allocatedBytes());
    }

    /**
     * Bytes allocated so far by every live thread of this process (HotSpot's per-thread counters); a thread that ends
     * takes its count with it, so only threads alive across a phase are counted, as the client's threads are.
     */
    public static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(0, bytes);
        }
        return total;
    }

    /** CPU time of every thread of this process so far. */
    public static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The longest stop-the-world collection since the last call, in microseconds; resets it. */
    public static long takeMaxPauseMicros() {
        return MAX_PAUSE_MICROS.getAndSet(0);
    }

    /** Heap in use after a full collection (what the live objects hold). */
    public static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }

    /** Heap in use now, garbage included. */
    public static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Kernel-mode CPU time of this process in clock ticks (10 ms on Linux), from {@code /proc/self/stat}. */
    static long systemTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Voluntary and involuntary context switches of every live thread, from {@code /proc/self/task/}. */
    static long contextSwitches() {
        long total = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")
                                || line.startsWith("nonvoluntary_ctxt_switches:")) {
                            total += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }

    /** Resident set size of this process from {@code /proc/self/status}, or -1 where there is none. */
    public static long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String kb = line.substring(6).trim().split("\\s+")[0];
                    return Long.parseLong(kb) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
