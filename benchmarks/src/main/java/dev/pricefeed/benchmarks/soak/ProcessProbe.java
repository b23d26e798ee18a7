package dev.pricefeed.benchmarks.soak;

import dev.pricefeed.benchmarks.loopback.ProcessStats;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What the soak watches in its own process: heap after GC, threads, file descriptors. */
final class ProcessProbe {

    private ProcessProbe() {
    }

    /** Heap in use after a full collection. */
    static long heapAfterGc() {
        return ProcessStats.heapAfterGc();
    }

    /** Live threads. */
    static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /**
     * Open descriptors that are not files (sockets, pipes, epoll and event descriptors): what a leaking connection or
     * selector leaves; jars opened by class loading stay open by design and are left out.
     */
    static long nonFileDescriptors() {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return -1;
        }
        try (Stream<Path> entries = Files.list(fds)) {
            return entries.filter(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    return target.startsWith("socket:") || target.startsWith("pipe:")
                            || target.startsWith("anon_inode:");
                } catch (IOException e) {
                    return false; // closed while listing
                }
            }).count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** What the non-file descriptors point at, for diagnosis. */
    static java.util.List<String> nonFileDescriptorTargets() {
        try (Stream<Path> entries = Files.list(Path.of("/proc/self/fd"))) {
            return entries.map(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    return fd.getFileName() + "->" + target + (target.startsWith("socket:[") ? tcp(target) : "");
                } catch (IOException e) {
                    return fd.getFileName() + "->?";
                }
            }).filter(t -> !t.contains("->/")).sorted().toList();
        } catch (IOException e) {
            return java.util.List.of();
        }
    }

    /** The /proc/net/tcp line (local and remote address in hex, state) of a socket inode, if it is TCP. */
    private static String tcp(String target) {
        String inode = target.substring("socket:[".length(), target.length() - 1);
        for (String table : new String[] {"/proc/self/net/tcp", "/proc/self/net/tcp6"}) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 9 && f[9].equals(inode)) {
                        return " tcp " + f[1] + " -> " + f[2] + " state " + f[3];
                    }
                }
            } catch (IOException e) {
                return "";
            }
        }
        return "";
    }

    /** The names of the live threads, sorted. */
    static java.util.List<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).sorted().toList();
    }

    /** Open file descriptors (sockets included), from {@code /proc/self/fd}; -1 where there is no such folder. */
    static long fileDescriptors() {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return -1;
        }
        try (Stream<Path> entries = Files.list(fds)) {
            return entries.count();
        } catch (IOException e) {
            return -1;
        }
    }
}
