package dev.pricefeed.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceTrackerTest {

    private final SequenceTracker tracker = new SequenceTracker();

    @Test
    void firstNumberAndNextNumbersAreInOrder() {
        assertThat(tracker.check("s", 41).verdict()).isEqualTo(SequenceTracker.Verdict.NEXT);
        assertThat(tracker.check("s", 42).verdict()).isEqualTo(SequenceTracker.Verdict.NEXT);
    }

    @Test
    void aJumpIsAGapThatNamesTheLastNumberSeen() {
        tracker.check("s", 10);
        SequenceTracker.Result result = tracker.check("s", 14);
        assertThat(result.verdict()).isEqualTo(SequenceTracker.Verdict.GAP);
        assertThat(result.previous()).isEqualTo(10);
    }

    @Test
    void oldOrRepeatedNumbersAreStaleAndDoNotMoveTheMark() {
        tracker.check("s", 10);
        assertThat(tracker.check("s", 10).verdict()).isEqualTo(SequenceTracker.Verdict.STALE);
        assertThat(tracker.check("s", 3).verdict()).isEqualTo(SequenceTracker.Verdict.STALE);
        assertThat(tracker.check("s", 11).verdict()).isEqualTo(SequenceTracker.Verdict.NEXT);
    }

    @Test
    void streamsAreIndependent() {
        tracker.check("a", 100);
        assertThat(tracker.check("b", 1).verdict()).isEqualTo(SequenceTracker.Verdict.NEXT);
    }
}
