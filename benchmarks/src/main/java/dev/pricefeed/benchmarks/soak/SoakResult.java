package dev.pricefeed.benchmarks.soak;

import java.time.Duration;
import java.util.List;

/**
 * What a finished soak measured.
 *
 * @param samples the rows of the table
 * @param lost numbered frames missing outside outages
 * @param excused numbered frames missing inside outages
 * @param repeats numbered frames seen again (snapshots after resubscribing)
 * @param published numbered frames published
 * @param received numbered frames received by the queue listeners
 * @param recoveries how long each injected fault took until the feed streamed again
 * @param unrecovered faults after which a feed did not stream again within the limit
 * @param threadsBefore live threads before the feeds started (the emulator process already running)
 * @param threadsAfter live threads after every feed closed (the emulator process still running)
 * @param fdsBefore open sockets, pipes and event descriptors before the feeds started
 * @param fdsAfter open sockets, pipes and event descriptors after every feed closed
 */
public record SoakResult(List<Sample> samples, long lost, long excused, long repeats, long published, long received,
        List<Duration> recoveries, List<String> unrecovered, int threadsBefore, int threadsAfter, long fdsBefore,
        long fdsAfter) {
}
