package dev.pricefeed.benchmarks.soak;

/**
 * One row of the soak table.
 *
 * @param minute elapsed time at the sample, in minutes
 * @param heapAfterGcBytes heap in use after a full collection
 * @param threads live threads of the process
 * @param fileDescriptors open file descriptors of the process
 * @param liveSubscriptions subscriptions in place on the emulators' open connections
 * @param connections open WebSocket connections on the emulators
 * @param published numbered frames published since the last row
 * @param received numbered frames the queue listeners received since the last row
 * @param lost numbers missing outside outages since the last row
 * @param excused numbers missing inside outages since the last row
 * @param reconnects reconnects of all feeds since the last row
 * @param faults what the soak did since the last row
 */
public record Sample(double minute, long heapAfterGcBytes, int threads, long fileDescriptors, int liveSubscriptions,
        int connections, long published, long received, long lost, long excused, long reconnects, String faults) {
}
