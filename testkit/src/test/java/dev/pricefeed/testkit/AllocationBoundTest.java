package dev.pricefeed.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AllocationBoundTest {

    /** Where allocations are kept, so the JIT cannot remove them. */
    private static volatile Object kept;

    @Test
    void theBoundGrowsWithTheInput() {
        assertThat(AllocationBound.limit(0)).isEqualTo(256 * 1024);
        assertThat(AllocationBound.limit(1000)).isEqualTo(64 * 1000 + 256 * 1024);
    }

    @Test
    void workWithinTheBoundPasses() {
        AtomicInteger runs = new AtomicInteger();
        AllocationBound.check(1000, () -> {
            runs.incrementAndGet();
            kept = new byte[10_000];
        });
        assertThat(runs).hasValue(1);
    }

    @Test
    void workOverTheBoundFailsOnTheRepeat() {
        assumeTrue(AllocationBound.supported(), "this JVM does not count allocation per thread");
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> AllocationBound.check(10, () -> {
            runs.incrementAndGet();
            kept = new byte[2_000_000];
        })).isInstanceOf(AssertionError.class).hasMessageContaining("an input of 10 bytes allocated")
                .hasMessageContaining("over the bound of " + AllocationBound.limit(10));
        assertThat(runs).hasValue(2);
    }

    @Test
    void aFirstRunOverTheBoundPassesWhenTheRepeatIsWithin() {
        assumeTrue(AllocationBound.supported(), "this JVM does not count allocation per thread");
        AtomicInteger runs = new AtomicInteger();
        AllocationBound.check(10, () -> {
            if (runs.incrementAndGet() == 1) {
                kept = new byte[2_000_000]; // as a first run's class loading would
            }
        });
        assertThat(runs).hasValue(2);
    }
}
