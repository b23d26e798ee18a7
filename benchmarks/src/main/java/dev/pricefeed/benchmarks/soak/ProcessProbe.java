package dev.pricefeed.benchmarks.soak;

import dev.pricefeed.benchmarks.loopback.ProcessStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What the soak watches in its own process: heap after GC, threads, file descriptors. */
final class ProcessProbe {

    private ProcessProbe() {
    }

    /**
     * Opens what the JDK opens once per JVM at its first NIO socket and keeps until the JVM ends: the pre-close
     * descriptor of {@code sun.nio.ch.FileDispatcherImpl} (one end of a Unix socket pair, onto which a socket being
     * closed under a blocked thread is dup'ed). Called before the descriptors are first counted, it is not counted as
     * left open by the feeds.
     */
    static void openJdkNioOnce() {
        try {
            SocketChannel.open().close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not open a socket channel", e);
        }
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

    /** The /proc/net table (tcp, udp, unix, netlink) that lists a socket inode, and its line, if any does. */
    private static String tcp(String target) {
        String inode = target.substring("socket:[".length(), target.length() - 1);
        for (String table : new String[] {"tcp", "tcp6", "udp", "udp6", "unix", "netlink"}) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/net", table))) {
                    if (java.util.Arrays.asList(line.trim().split("\\s+")).contains(inode)) {
                        return " " + table + ": " + line.trim();
                    }
                }
            } catch (IOException e) {
                // a table this kernel does not have
            }
        }
        return " (in no /proc/net table: created, never bound or connected)";
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
