package dev.pricefeed.testkit;

import java.lang.management.ManagementFactory;

/**
 * Checks that handling one input allocates at most {@value #BYTES_PER_INPUT_BYTE} bytes per input byte plus
 * {@value #FIXED_BYTES} bytes, counted by the JVM per thread ({@code com.sun.management.ThreadMXBean}): a frame can
 * cost memory in proportion to its size, never more (a few bytes of {@code 1e999999999} must not become a gigabyte).
 * While Jazzer fuzzes ({@code JAZZER_FUZZ} set) its hooks copy out the bytes of every string the code compares, on the
 * same thread, so the count includes them: then the bound is {@value #FUZZING_BYTES_PER_INPUT_BYTE} bytes per input
 * byte plus {@value #FUZZING_FIXED_BYTES}, still far below what an amplification (megabytes from a short input) costs.
 * Used by the fuzz tests for every input they run.
 */
public final class AllocationBound {

    /** Bytes a handler may allocate per input byte (text is 2 bytes a char, plus the values read from it). */
    public static final long BYTES_PER_INPUT_BYTE = 64;

    /**
     * Bytes any input may allocate on top: parser and sink objects, an exception with its stack trace and message
     * (Parsson formats each message with a new {@code MessageFormat}).
     */
    public static final long FIXED_BYTES = 256 * 1024;

    /** Bytes per input byte while fuzzing: a 593-byte Kraken ticker took 379 KB under Jazzer's hooks (640 a byte). */
    public static final long FUZZING_BYTES_PER_INPUT_BYTE = 2048;

    /** Bytes on top while fuzzing: a 67-byte garbage frame took 77 KB under Jazzer's hooks. */
    public static final long FUZZING_FIXED_BYTES = 1024 * 1024;

    private static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null
            && !System.getenv("JAZZER_FUZZ").isEmpty();

    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private AllocationBound() {
    }

    private static com.sun.management.ThreadMXBean threads() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported()) {
            threads.setThreadAllocatedMemoryEnabled(true);
            return threads;
        }
        return null;
    }

    /** Whether this JVM counts allocation per thread; without it {@link #check} only runs the work. */
    public static boolean supported() {
        return THREADS != null;
    }

    /** The most bytes handling an input of {@code inputBytes} may allocate. */
    public static long limit(int inputBytes) {
        return FUZZING ? FUZZING_BYTES_PER_INPUT_BYTE * inputBytes + FUZZING_FIXED_BYTES
                : BYTES_PER_INPUT_BYTE * inputBytes + FIXED_BYTES;
    }

    /**
     * Runs {@code work} for an input of {@code inputBytes}; when it allocates more than {@link #limit}, runs it once
     * more (a first run also loads and initialises classes, which is not the input's cost) and throws an
     * {@link AssertionError} when the repeat is over the limit too. {@code work} must start afresh each time.
     */
    public static void check(int inputBytes, Runnable work) {
        long first = allocatedBy(work);
        if (first <= limit(inputBytes)) {
            return;
        }
        long repeat = allocatedBy(work);
        if (repeat > limit(inputBytes)) {
            throw new AssertionError("an input of " + inputBytes + " bytes allocated " + repeat + " bytes (first run "
                    + first + "), over the bound of " + limit(inputBytes) + (FUZZING ? " while fuzzing" : ""));
        }
    }

    private static long allocatedBy(Runnable work) {
        if (THREADS == null) {
            work.run();
            return 0;
        }
        long before = THREADS.getCurrentThreadAllocatedBytes();
        work.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }
}
